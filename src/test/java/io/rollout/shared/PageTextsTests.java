package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text our four pages name exists in English and Chinese: the {@code data-text*} keys of their HTML, the
 * {@code text('…')} / {@code t('…')} keys and {@code label('prefix.', code)} prefixes of their scripts (and the
 * task sheet's {@code TEXT.name}), checked against {@code messages/pages.properties} and
 * {@code pages_zh_CN.properties}. A failure names the missing key and the file that uses it.
 */
class PageTextsTests {

    static final Path STATIC = Path.of("src/main/resources/static");
    static final Map<String, String> PAGES = Map.of(
            "audit", "audit",
            "dashboard", "dashboard",
            "process-migration", "migration",
            "task-sheet", "tasksheet");
    static final List<Pattern> KEYS = List.of(
            Pattern.compile("data-text(?:-placeholder|-title)?=\"([^\"]+)\""),
            Pattern.compile("\\b(?:text|t)\\('([a-zA-Z][\\w.-]*)'"));
    // label('audit.type.', e.type): some key of that prefix must exist
    static final Pattern LABEL = Pattern.compile("\\blabel\\('([a-zA-Z][\\w.-]*\\.)'");
    static final Pattern TASK_SHEET_TEXT = Pattern.compile("\\bTEXT\\.([a-zA-Z]+)");

    @Test
    void everyTextThePagesUseExistsInEnglishAndChinese() throws IOException {
        Properties english = load("pages");
        Properties chinese = load("pages_zh_CN");
        List<String> missing = new ArrayList<>();
        for (Path file : files()) {
            String source = Files.readString(file);
            String page = PAGES.getOrDefault(file.getParent().getFileName().toString(), "common");
            for (String key : keys(source, page)) {
                for (Properties bundle : List.of(english, chinese)) {
                    boolean known = key.endsWith(".")
                            ? bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith("pages." + key))
                            : bundle.containsKey("pages." + key);
                    if (!known) {
                        missing.add("pages." + key + (key.endsWith(".") ? "*" : "") + " (used in " + file + ") in "
                                + (bundle == english
                                        ? "messages/pages.properties"
                                        : "messages/pages_zh_CN.properties"));
                    }
                }
            }
        }
        assertThat(missing).as("texts of the pages without their message").isEmpty();
    }

    @Test
    void eachPageOnlyNamesItsOwnTextsAndTheCommonOnes() throws IOException {
        // the texts endpoint serves a page pages.<page>.* and pages.common.*: a key of another page never arrives
        for (Path file : files()) {
            String page = PAGES.get(file.getParent().getFileName().toString());
            if (page == null) {
                continue;
            }
            assertThat(keys(Files.readString(file), page))
                    .as("keys used in %s", file)
                    .allSatisfy(key -> assertThat(key).matches("(" + page + "|common)\\..+"));
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoChineseTextIsLeftInEnglish() throws IOException {
        Properties english = load("pages");
        Properties chinese = load("pages_zh_CN");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        // ids, product names and placeholders may stay: Rollout, Camunda, KPI, PMO, Excel, CSV, PDF, ID, UTC, v{0}
        Pattern allowed = Pattern.compile("Rollout|Camunda|KPI|PMO|Excel|CSV|PDF|ID|UTC|F5|v\\{\\d\\}");
        assertThat(chinese.stringPropertyNames())
                .allSatisfy(key -> assertThat(
                                allowed.matcher(chinese.getProperty(key)).replaceAll(""))
                        .as("Chinese text of %s", key)
                        .doesNotContainPattern("[A-Za-z]{2,}"));
    }

    private static List<String> keys(String source, String page) {
        List<String> keys = new ArrayList<>();
        for (Pattern pattern : KEYS) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        Matcher label = LABEL.matcher(source);
        while (label.find()) {
            keys.add(label.group(1));
        }
        Matcher text = TASK_SHEET_TEXT.matcher(source);
        while (text.find()) {
            keys.add(page + "." + text.group(1));
        }
        return keys;
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : PAGES.keySet()) {
            try (var list = Files.list(STATIC.resolve(dir))) {
                list.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                        .forEach(files::add);
            }
        }
        files.add(STATIC.resolve("rollout-session.js"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        return files;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageTextsTests.class.getResourceAsStream("/messages/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
