package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebappLanguageChoiceTests {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "cockpit", "tasklist", "welcome"})
    void everyAppsStartScriptTakesTheChosenLanguageFirst(String app) throws IOException {
        String original = script(app);

        String patched = PatchedScript.apply(original, app, List.of(WebappLanguageChoice.CHOICE_FIRST));

        assertThat(original).containsOnlyOnce(WebappLanguageChoice.CHOICE_FIRST.original());
        assertThat(patched)
                .contains("rollout-language=([a-z]+)")
                .doesNotContain(WebappLanguageChoice.CHOICE_FIRST.original())
                // the list of available locales the correction reads is the one the app negotiates with
                .contains("o.indexOf(c)")
                .containsPattern("n=o\\.indexOf\\([a-z]\\[0\\]\\.toLowerCase\\(\\)\\);return n>-1\\?o\\[n\\]:s");
    }

    @Test
    void tasklistGetsTheChoiceWithItsOtherCorrections() {
        assertThat(TasklistFormFixes.FIXES).contains(WebappLanguageChoice.CHOICE_FIRST);
    }

    private static String script(String app) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/camunda-" + app + "-bootstrap.js";
        try (InputStream in = WebappLanguageChoiceTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
