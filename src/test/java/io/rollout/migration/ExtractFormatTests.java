package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.rollout.shared.Messages;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class ExtractFormatTests {

    static Messages messages(Locale locale) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/migration");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return mock(
                Messages.class,
                call -> source.getMessage(
                        (String) call.getArgument(0),
                        Arrays.copyOfRange(call.getArguments(), 1, call.getArguments().length),
                        locale));
    }

    @Test
    void theFormatOfAnExtractReadsAsWords() {
        Messages english = messages(Locale.ENGLISH);

        assertThat(ExtractFormat.describe("csv UTF-8 ,", english)).isEqualTo("CSV, UTF-8, comma-separated");
        assertThat(ExtractFormat.describe("csv UTF-8 BOM ;", english))
                .isEqualTo("CSV, UTF-8 with BOM, semicolon-separated");
        assertThat(ExtractFormat.describe("csv GB18030 tab", english)).isEqualTo("CSV, GB18030, tab-separated");
        assertThat(ExtractFormat.describe("xlsx 物料", english)).isEqualTo("Excel workbook, sheet 物料");
        assertThat(ExtractFormat.describe("xlsx Sheet 1", english)).isEqualTo("Excel workbook, sheet Sheet 1");
    }

    @Test
    void inChineseToo() {
        assertThat(ExtractFormat.describe("csv UTF-8 ,", messages(Locale.SIMPLIFIED_CHINESE)))
                .isEqualTo("CSV，UTF-8，逗号分隔");
    }

    @Test
    void anUnknownDescriptionIsShownAsItIs() {
        Messages english = messages(Locale.ENGLISH);

        assertThat(ExtractFormat.describe("json", english)).isEqualTo("json");
        assertThat(ExtractFormat.describe("csv", english)).isEqualTo("csv");
        assertThat(ExtractFormat.describe(null, english)).isEmpty();
    }
}
