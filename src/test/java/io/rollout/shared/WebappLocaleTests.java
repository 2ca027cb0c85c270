package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda web apps speak Chinese completely: for Tasklist, Cockpit, Admin and Welcome, every label of the
 * English locale of the Camunda webjar on the classpath has a Chinese text in Rollout's {@code zh.json}, and each
 * app's {@code config.js} offers {@code zh}. The English locale and form-js's validation messages are read from the
 * webjar itself, so a Camunda upgrade fails here with the texts that still need a translation.
 */
class WebappLocaleTests {

    static final String APPS = "META-INF/resources/webjars/camunda/app/";
    static final String DEPS = "META-INF/resources/webjars/camunda/lib/deps.js";
    static final String VALIDATION_MESSAGES = APPS + "rollout/validation-messages.js";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** English texts Chinese has no words for: the plural ending Cockpit appends ("instance" + "s"). */
    private static final Set<String> ENGLISH_ONLY = Set.of("s");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishTextOfTheWebjarHasAChineseOne(String app) throws IOException {
        String english = APPS + app + "/locales/en.json";
        String chinese = APPS + app + "/locales/zh.json";
        Map<String, JsonNode> englishTexts = texts(JSON.readTree(read(fromWebjar(english))));
        URL ours = WebappLocaleTests.class.getClassLoader().getResource(chinese);
        Map<String, JsonNode> chineseTexts = ours == null ? Map.of() : texts(JSON.readTree(read(ours)));

        List<String> missing = new ArrayList<>();
        englishTexts.forEach((path, text) -> {
            String problem = problem(text, chineseTexts.get(path));
            if (problem != null) {
                missing.add(path + " (" + problem + "): " + text);
            }
        });
        assertThat(missing)
                .as(
                        "%s: %d of the %d texts of the webjar's %s have no Chinese text in src/main/resources/%s"
                                + " (JSON path: English text)",
                        app, missing.size(), englishTexts.size(), english, chinese)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersChineseAndTheLanguageSwitch(String app) throws IOException {
        URL config = WebappLocaleTests.class.getClassLoader().getResource(APPS + app + "/scripts/config.js");
        assertThat(config).as("Rollout's %s/scripts/config.js", app).isNotNull();
        String script = read(config);

        assertThat(script)
                .as("%s/scripts/config.js declares zh as available locale", app)
                .containsPattern("availableLocales:\\s*\\[\\s*'en',\\s*'zh'\\s*]")
                .containsPattern("fallbackLocale:\\s*'en'")
                .contains("customScripts: ['../rollout/language-switch']");
    }

    @Test
    void everyValidationMessageOfFormJsHasAChineseText() throws IOException {
        List<String> english = englishValidationMessages();
        List<String> messages = validationMessagesOfFormJs(read(fromWebjar(DEPS)));

        assertThat(messages).as("validation messages found in %s", DEPS).hasSizeGreaterThanOrEqualTo(10);
        assertThat(messages)
                .as("form-js messages in the webjar's lib/deps.js without an entry in %s", VALIDATION_MESSAGES)
                .allSatisfy(message -> assertThat(english)
                        .as(message)
                        .anyMatch(
                                entry -> Pattern.compile(message).matcher(entry).matches()));
    }

    /** Why a Chinese text does not stand for the English one, or null when it does. */
    private static String problem(JsonNode english, JsonNode chinese) {
        if (chinese == null) {
            return "missing";
        }
        if (english.isTextual()
                && !english.asText().isEmpty()
                && !ENGLISH_ONLY.contains(english.asText())
                && chinese.asText().isBlank()) {
            return "empty";
        }
        if (english.isTextual() && !placeholders(english.asText()).equals(placeholders(chinese.asText()))) {
            return "placeholders differ from " + placeholders(english.asText());
        }
        return null;
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        Collections.sort(found);
        return found;
    }

    /** Every leaf of a locale by its path ({@code labels.CLAIM_TASK}, {@code dateLocales.months[0]}). */
    private static Map<String, JsonNode> texts(JsonNode locale) {
        Map<String, JsonNode> texts = new LinkedHashMap<>();
        collect("", locale, texts);
        return texts;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> texts) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(field -> collect(
                            path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), texts));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), texts);
            }
        } else {
            texts.put(path, node);
        }
    }

    /** The English templates of validation-messages.js, {0} standing for a value. */
    private static List<String> englishValidationMessages() throws IOException {
        URL script = WebappLocaleTests.class.getClassLoader().getResource(VALIDATION_MESSAGES);
        assertThat(script).as(VALIDATION_MESSAGES).isNotNull();
        Matcher entry = Pattern.compile("\\[\\s*'([^']+)',\\s*'([^']+)'\\s*]").matcher(read(script));
        List<String> english = new ArrayList<>();
        while (entry.find()) {
            english.add(entry.group(1));
        }
        return english;
    }

    /**
     * The messages form-js's validator pushes, as regular expressions: each string or template literal of a
     * {@code push(...)} near "Field is required." with at least two words; {@code ${...}} and the parts of a
     * message built by {@code +} match anything.
     */
    static List<String> validationMessagesOfFormJs(String deps) {
        int required = deps.indexOf("\"Field is required.\"");
        assertThat(required).as("form-js's validator in %s", DEPS).isNotNegative();
        String validator = deps.substring(Math.max(0, required - 2500), Math.min(deps.length(), required + 1500));
        TreeSet<String> messages = new TreeSet<>();
        Matcher push = Pattern.compile("\\.push\\(").matcher(validator);
        while (push.find()) {
            for (String literal : JsLiterals.of(JsLiterals.call(validator, push.end()))) {
                if (literal.trim().contains(" ")) {
                    messages.add(anyTextAround(literal));
                }
            }
        }
        return List.copyOf(messages);
    }

    /** A pattern of texts containing the literal, anything standing in for its values. */
    private static String anyTextAround(String literal) {
        return Arrays.stream(literal.split(JsLiterals.VALUE, -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*", ".*", ".*"));
    }

    private static URL fromWebjar(String path) throws IOException {
        // our own resources may override a file of the webjar: the English original is the one in the jar
        return Collections.list(WebappLocaleTests.class.getClassLoader().getResources(path)).stream()
                .filter(url -> url.toString().contains("camunda-webapp-webjar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not in camunda-webapp-webjar on the classpath"));
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    /** Just enough of JavaScript's string syntax to take the literals out of one call in a minified script. */
    static final class JsLiterals {

        /** Stands for a {@code ${...}} of a template literal. */
        static final String VALUE = "\u0001";

        private JsLiterals() {}

        /** The source of the call whose arguments start at {@code from}, up to its closing parenthesis. */
        static String call(String source, int from) {
            int depth = 1;
            int i = from;
            while (i < source.length() && depth > 0) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    i = end(source, i);
                    continue;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
            return source.substring(from, Math.max(from, i - 1));
        }

        /** The string and template literals of a piece of code, outermost only. */
        static List<String> of(String code) {
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    int end = end(code, i);
                    literals.add(text(code.substring(i, end)));
                    i = end;
                } else {
                    i++;
                }
            }
            return literals;
        }

        /** The index after the literal starting at {@code start}. */
        private static int end(String code, int start) {
            char quote = code.charAt(start);
            int i = start + 1;
            while (i < code.length() && code.charAt(i) != quote) {
                if (code.charAt(i) == '\\') {
                    i++;
                } else if (quote == '`' && code.startsWith("${", i)) {
                    i = expressionEnd(code, i + 2) - 1;
                }
                i++;
            }
            return i + 1;
        }

        private static int expressionEnd(String code, int from) {
            int depth = 1;
            int i = from;
            while (i < code.length() && depth > 0) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    i = end(code, i);
                    continue;
                }
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                i++;
            }
            return i;
        }

        /** A literal's text, each {@code ${...}} replaced by {@link #VALUE}. */
        private static String text(String literal) {
            String body = literal.substring(1, literal.length() - 1);
            if (literal.charAt(0) != '`') {
                return body;
            }
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < body.length()) {
                if (body.startsWith("${", i)) {
                    i = expressionEnd(body, i + 2);
                    text.append(VALUE);
                } else {
                    text.append(body.charAt(i++));
                }
            }
            return text.toString();
        }
    }

    @Test
    void literalsOfACallAreFoundWithTheirValuesAsWildcards() {
        String code =
                "r.push(\"Value is expected to \"+(0===n?\"be an integer\":`have at most ${n} decimal digit${n>1?\"s\":\"\"}`)+\".\"),x";
        String call = JsLiterals.call(code, code.indexOf('(') + 1);

        assertThat(JsLiterals.of(call))
                .containsExactly(
                        "Value is expected to ",
                        "be an integer",
                        "have at most " + JsLiterals.VALUE + " decimal digit" + JsLiterals.VALUE,
                        ".");
        assertThat(validationMessagesOfFormJs(
                        "i.push(`Field must have minimum value of ${t.min}.`);" + "i.push(\"Field is required.\")"))
                .anyMatch(message -> "Field must have minimum value of {0}.".matches(message))
                .anyMatch(message -> "Field is required.".matches(message));
    }
}
