package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Rollout's own translations use the terms of {@code i18n/glossary.json}: wherever an English text contains a term (one
 * of its English forms, longest first, case-insensitive, whole words), its Chinese contains the term's Chinese. A span
 * matched by a longer form is not matched again by a shorter one ({@code vendor baseline} is 厂商标准版本, not also
 * 基线). Checked pairs: every key of {@code messages/*.properties} with the same key of its {@code _zh_CN} bundle, and
 * every entry of every catalogue under {@code i18n/zh-CN/}, whichever catalogues exist, and every text of the element
 * templates with its Chinese variant ({@link ElementTemplateTranslationsTests}).
 */
class GlossaryTests {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One English form of a glossary term, as a whole-word, case-insensitive pattern. */
    record Form(String english, String chinese, Pattern pattern) {

        static Form of(String english, String chinese) {
            return new Form(
                    english,
                    chinese,
                    Pattern.compile(
                            "(?<![\\p{L}\\p{N}_])" + Pattern.quote(english) + "(?![\\p{L}\\p{N}_])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    @Test
    void everyTranslationOfRolloutsTextsUsesTheGlossarysTerms() throws IOException {
        List<Form> forms = forms();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Map<String, String[]>> source : pairs().entrySet()) {
            source.getValue().forEach((key, pair) -> {
                for (Form term : missingTerms(forms, pair[0], pair[1])) {
                    violations.add("%s %s: \"%s\" → \"%s\" lacks %s (for \"%s\")"
                            .formatted(source.getKey(), key, pair[0], pair[1], term.chinese(), term.english()));
                }
            });
        }
        assertThat(violations)
                .as("translations that do not use the glossary's term (i18n/glossary.json)")
                .isEmpty();
    }

    @Test
    void aLongerFormTakesItsSpanFromAShorterOne() throws IOException {
        List<Form> forms = forms();

        assertThat(missingTerms(forms, "Record the vendor baseline of Inventory", "记录库存管理的厂商标准版本"))
                .isEmpty();
        assertThat(missingTerms(forms, "Re-baseline the plan", "重新制定计划"))
                .extracting(Form::chinese)
                .containsExactly("基线");
        assertThat(missingTerms(forms, "Execute UAT round 1", "执行第 1 轮 UAT"))
                .extracting(Form::english)
                .containsExactly("uat");
        assertThat(missingTerms(forms, "Evaluate the situation", "评估情况")).isEmpty();
        assertThat(missingTerms(forms, "Only it-operations (go-live.bpmn)", "只有 it-operations（go-live.bpmn）"))
                .isEmpty();
    }

    /**
     * Identifiers in texts, which translations keep as they are: model files ({@code go-live.bpmn}) and group ids
     * ({@code it-operations}). The words they are made of are not the glossary's terms.
     */
    static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w-])(?:[\\w-]+\\.(?:bpmn|dmn|form|json)|"
            + String.join("|", Roles.ALL.stream().map(Pattern::quote).toList()) + ")(?![\\w-])");

    /** The terms of the English text whose Chinese the translation lacks. */
    static List<Form> missingTerms(List<Form> forms, String text, String chinese) {
        // blanked, not removed, so that spans keep their places
        String english =
                IDENTIFIER.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
        List<int[]> taken = new ArrayList<>();
        List<Form> missing = new ArrayList<>();
        for (Form form : forms) {
            Matcher m = form.pattern().matcher(english);
            boolean lacking = false;
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (taken.stream().anyMatch(span -> start < span[1] && span[0] < end)) {
                    continue;
                }
                taken.add(new int[] {start, end});
                lacking |= !chinese.contains(form.chinese());
            }
            if (lacking) {
                missing.add(form);
            }
        }
        return missing;
    }

    /** Every English form of every term, longest first. */
    static List<Form> forms() throws IOException {
        JsonNode glossary;
        try (InputStream in = GlossaryTests.class.getResourceAsStream("/i18n/glossary.json")) {
            glossary = JSON.readTree(in);
        }
        List<Form> forms = new ArrayList<>();
        for (JsonNode term : glossary.path("terms")) {
            term.path("en")
                    .forEach(
                            en -> forms.add(Form.of(en.asText(), term.path("zh").asText())));
        }
        assertThat(forms).isNotEmpty();
        forms.sort(Comparator.comparingInt((Form f) -> f.english().length()).reversed());
        return forms;
    }

    /** Source file → key → {English, Chinese}. */
    static Map<String, Map<String, String[]>> pairs() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Map<String, String[]>> pairs = new TreeMap<>();
        for (Resource bundle : resolver.getResources("classpath*:messages/*.properties")) {
            String name = bundle.getFilename();
            if (name.contains("_")) {
                continue;
            }
            Properties english = properties(bundle);
            Properties chinese = properties(
                    resolver.getResource("classpath:messages/" + name.replace(".properties", "_zh_CN.properties")));
            Map<String, String[]> texts = new TreeMap<>();
            for (String key : english.stringPropertyNames()) {
                if (chinese.containsKey(key)) {
                    texts.put(key, new String[] {english.getProperty(key), chinese.getProperty(key)});
                }
            }
            pairs.put("messages/" + name, texts);
        }
        for (Resource catalogue : resolver.getResources("classpath*:i18n/zh-CN/*.json")) {
            Map<String, String> entries;
            try (InputStream in = catalogue.getInputStream()) {
                entries = JSON.readValue(in, new TypeReference<>() {});
            }
            Map<String, String[]> texts = new TreeMap<>();
            entries.forEach((english, chinese) -> texts.put(english, new String[] {english, chinese}));
            pairs.put("i18n/zh-CN/" + catalogue.getFilename(), texts);
        }
        for (Map.Entry<Path, Path> variant :
                ElementTemplateTranslationsTests.variants().entrySet()) {
            Map<String, String[]> texts = new TreeMap<>();
            ElementTemplateTranslationsTests.textPairs(variant.getKey(), variant.getValue())
                    .forEach((english, chinese) -> texts.put(english, new String[] {english, chinese}));
            pairs.put(variant.getValue().toString(), texts);
        }
        assertThat(pairs).containsKeys("messages/core.properties", "i18n/zh-CN/names.json");
        return pairs;
    }

    static Properties properties(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
