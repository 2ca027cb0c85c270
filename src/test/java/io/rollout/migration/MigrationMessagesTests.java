package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migration bundle: every key the code uses exists in English and Chinese, and every message parses. */
class MigrationMessagesTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
            MigrationMessagesTests.class.getResourceAsStream("/messages/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyKeyUsedInCodeIsTranslatedAndParses() throws IOException {
        Properties english = load("migration");
        Properties chinese = load("migration_zh_CN");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());

        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(migration\\.[a-zA-Z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/rollout/migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(used);
        for (Properties bundle : new Properties[] {english, chinese}) {
            for (String name : bundle.stringPropertyNames()) {
                assertThat(bundle.getProperty(name)).as(name).doesNotContain("'");
                assertThat(new MessageFormat(bundle.getProperty(name)).format(new Object[] {1, 2, 3, 4, 5, 6})).isNotBlank();
            }
        }
    }
}
