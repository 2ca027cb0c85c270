package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class NamesTests {

    final Names names = new Names(source());

    @Test
    void departmentsAndModulesReadAsNamesInEnglishAndChinese() {
        assertThat(names.department("procurement")).isEqualTo("Procurement");
        assertThat(names.module("inventory")).isEqualTo("Inventory");
        assertThat(names.department("warehouse", Locale.SIMPLIFIED_CHINESE)).isEqualTo("仓储部");
        assertThat(names.module("inventory", Locale.SIMPLIFIED_CHINESE)).isEqualTo("库存管理");
    }

    @Test
    void namesForStoredTextsAreEnglishSoEveryReaderGetsThemInTheirLanguage() {
        assertThat(names.department("finance")).isEqualTo("Finance");
    }

    @Test
    void aCodeWithoutANameReadsAsItself() {
        assertThat(names.department("logistics")).isEqualTo("logistics");
        assertThat(names.module(null)).isEmpty();
    }

    @Test
    void datasetsReadAsNamesAndAFreelyNamedOneAsItsCode() {
        ResourceBundleMessageSource source = source();
        source.addBasenames("messages/migration");
        assertThat(new Names(source).dataset("customers")).isEqualTo("Customers");
        assertThat(new Names(source).dataset("materials")).isEqualTo("Materials");
        assertThat(new Names(source).dataset("open-invoices")).isEqualTo("open-invoices");
    }

    static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/core");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
