package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

class FormInputTests {

    @Test
    void textIsTrimmedAndBlankIsMissing() {
        assertThat(FormInput.text("  Go live  ")).isEqualTo("Go live");
        assertThat(FormInput.text(42)).isEqualTo("42");
        assertThat(FormInput.text(null)).isNull();
        assertThat(FormInput.text(" \t\n")).isNull();
        assertThat(FormInput.text("\u3000")).isNull();
    }

    @Test
    void yesNoAcceptsFormAndRestShapesOnly() {
        assertThat(FormInput.yesNo("yes")).isTrue();
        assertThat(FormInput.yesNo(" TRUE ")).isTrue();
        assertThat(FormInput.yesNo(Boolean.TRUE)).isTrue();
        assertThat(FormInput.yesNo("No")).isFalse();
        assertThat(FormInput.yesNo("false")).isFalse();
        assertThat(FormInput.yesNo(Boolean.FALSE)).isFalse();
        assertThat(FormInput.yesNo("maybe")).isNull();
        assertThat(FormInput.yesNo("")).isNull();
        assertThat(FormInput.yesNo(null)).isNull();
    }

    @Test
    void mdEscapesMarkdownAndFoldsLines() {
        assertThat(FormInput.md("a*b_[c](d)\nnext")).isEqualTo("a\\*b\\_\\[c\\]\\(d\\) next");
        assertThat(FormInput.md(null)).isEmpty();
    }

    @Test
    void refuseIfAnyNamesEveryProblemOnItsOwnLine() {
        FormInput.refuseIfAny(List.of());
        assertThatThrownBy(() -> FormInput.refuseIfAny(List.of("row 2: title is required", "row 3: bad date")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("row 2: title is required\nrow 3: bad date");
    }

    @Test
    void decimalKeepsWhatWasTypedAndFormNumberPrefillsANumberTasklistShows() {
        assertThat(FormInput.decimal(2.8)).isEqualByComparingTo("2.8");
        assertThat(FormInput.decimal(" 12.50 ")).isEqualByComparingTo("12.5");
        assertThat(FormInput.decimal(7L)).isEqualByComparingTo("7");
        assertThat(FormInput.decimal("")).isNull();
        assertThatThrownBy(() -> FormInput.decimal("two")).isInstanceOf(NumberFormatException.class);
        assertThat(FormInput.formNumber(new BigDecimal("2.80"))).isEqualTo(2.8);
        assertThat(FormInput.formNumber(new BigDecimal("1200.00"))).isEqualTo(1200L);
        assertThat(FormInput.formNumber(null)).isNull();
    }
}
