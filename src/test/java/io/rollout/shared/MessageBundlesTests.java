package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bundle under {@code messages/}: Chinese has exactly the English keys, keys carry the bundle's
 * prefixes, every message parses as a {@link MessageFormat} without a bare apostrophe, and every key
 * the Java code names exists (the expression guard reads {@code messages/core} directly, too).
 */
class MessageBundlesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "core",
                "requirements",
                "planning",
                "build",
                "migration",
                "uat",
                "training",
                "golive",
                "operations",
                "change",
                "governance",
                "audit",
                "programme",
                "modelling",
                "tasksheet",
                "pages"
            })
    void bundleIsCompleteInBothLanguagesAndCoversTheCode(String bundle) throws IOException {
        Properties english = load(bundle);
        Properties chinese = load(bundle + "_zh_CN");
        List<String> prefixes = bundle.equals("core")
                ? List.of("project", "form", "security", "department", "module")
                : List.of(bundle);

        assertThat(english).isNotEmpty();
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames())
                .allSatisfy(key -> assertThat(prefixes).contains(key.substring(0, key.indexOf('.'))));
        for (Properties messages : List.of(english, chinese)) {
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                assertThat(text).as(key).doesNotContain("'");
                assertThat(new MessageFormat(text).format(new Object[] {1, 2, 3, 4, 5, 6}))
                        .as(key)
                        .isNotBlank();
            }
        }
        // a key the code completes with a suffix ("golive.readiness.modules" + ".met") counts when completed keys exist
        assertThat(keysUsedInCode(prefixes))
                .allSatisfy(used -> assertThat(english.stringPropertyNames())
                        .as("key %s used in code", used)
                        .anyMatch(key -> key.equals(used) || key.startsWith(used + ".")));
    }

    private static Set<String> keysUsedInCode(List<String> prefixes) throws IOException {
        Pattern key = Pattern.compile("\"((?:" + String.join("|", prefixes) + ")\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/rollout"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/messages/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
