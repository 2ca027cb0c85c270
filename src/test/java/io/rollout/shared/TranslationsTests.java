package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TranslationsTests {

    static final List<String> BUNDLES = List.of("messages/core", "messages/requirements", "messages/operations");

    final Translations translations = new Translations(BUNDLES, "classpath*:i18n-fixture/zh-CN/*.json");

    @Test
    void englishReadersGetTheStoredTextAsItIs() {
        assertThat(translations.text("Capture requirements for Finance", Locale.ENGLISH))
                .isEqualTo("Capture requirements for Finance");
        assertThat(translations.text("Capture requirements for Finance", null))
                .isEqualTo("Capture requirements for Finance");
    }

    @Test
    void aNameMadeFromATemplateIsReadBackAndItsArgumentsTranslated() {
        assertThat(translations.text("Capture requirements for Finance", Translations.CHINESE))
                .isEqualTo("采集财务部的需求");
        assertThat(translations.text("Approve specification v2: Warehouse", Translations.CHINESE))
                .isEqualTo("审批需求规格说明书 v2：仓储部");
    }

    @Test
    void dataInsideANameStaysAsItWas() {
        assertThat(translations.text("Capture requirements for 财务部", Translations.CHINESE))
                .isEqualTo("采集财务部的需求");
        assertThat(translations.text("Capture requirements for Logistics East", Translations.CHINESE))
                .isEqualTo("采集Logistics East的需求");
    }

    @Test
    void aListArgumentIsTranslatedItemByItem() {
        assertThat(translations.text("Capture requirements for Finance, Warehouse", Translations.CHINESE))
                .isEqualTo("采集财务部、仓储部的需求");
    }

    @Test
    void aFindingIsRenderedWithTheChineseMessageOfTheSameKey() {
        assertThat(translations.text("Department Finance has not approved specification v3.", Translations.CHINESE))
                .isEqualTo("部门 财务部 尚未批准需求规格说明书 v3。");
    }

    @Test
    void numbersAndChoicesAreReadAsNumbers() {
        String late = translations.text("3 days late ✗", Translations.CHINESE);
        assertThat(late).contains("3").doesNotContain("days");
        assertThat(translations.text("1 day late ✗", Translations.CHINESE))
                .contains("1")
                .doesNotContain("day");
    }

    @Test
    void severalLinesAreTranslatedLineByLineKeepingTheirMarks() {
        String findings = "• Department Finance has not approved specification v3.\n• Something a person typed";
        assertThat(translations.text(findings, Translations.CHINESE))
                .isEqualTo("• 部门 财务部 尚未批准需求规格说明书 v3。\n• Something a person typed");
    }

    @Test
    void formTextsComeFromTheFormsCatalogueFirst() {
        assertThat(translations.formText("Approve", Translations.CHINESE)).isEqualTo("批准");
        assertThat(translations.formText("Finance", Translations.CHINESE)).isEqualTo("财务（表单）");
        assertThat(translations.text("Procurement", Translations.CHINESE)).isEqualTo("采购部");
    }

    @Test
    void anUnknownTextStaysAsItIs() {
        assertThat(translations.text("Order 4711 shipped", Translations.CHINESE))
                .isEqualTo("Order 4711 shipped");
        assertThat(translations.knows("Order 4711 shipped")).isFalse();
        assertThat(translations.knows("Capture requirements for Finance")).isTrue();
    }

    @Test
    void aTemplateOfSeparatorsOnlyNeverTakesOverAFreeText() {
        Translations withSeparators = new Translations(
                List.of("messages/planning", "messages/golive"), "classpath*:i18n-fixture/zh-CN/*.json");
        String free = "Built in parallel, in agile iterations, with a plan, and a review.";

        assertThat(withSeparators.text(free, Translations.CHINESE)).isEqualTo(free);
    }

    @Test
    void anyChineseRegionReadsChinese() {
        assertThat(Translations.chinese(Locale.forLanguageTag("zh-TW"))).isTrue();
        assertThat(Translations.chinese(Locale.forLanguageTag("en-GB"))).isFalse();
    }
}
