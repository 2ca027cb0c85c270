package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoLiveMessagesTests {

    @ParameterizedTest
    @ValueSource(strings = {"golive", "operations"})
    void chineseBundleHasEveryEnglishKeyAndNoBareApostrophe(String feature) throws IOException {
        Properties english = load("messages/" + feature + ".properties");
        Properties chinese = load("messages/" + feature + "_zh_CN.properties");

        assertThat(english).isNotEmpty();
        assertThat(chinese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        assertThat(english.keySet()).allSatisfy(key -> assertThat(key.toString()).startsWith(feature + "."));
        english.values().forEach(v -> assertThat(v.toString()).doesNotContain("'"));
        chinese.values().forEach(v -> assertThat(v.toString()).doesNotContain("'"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = GoLiveMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
