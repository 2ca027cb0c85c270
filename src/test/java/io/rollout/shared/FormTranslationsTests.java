package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a person reads in a form (as {@link FormTexts} defines it) has its Chinese in
 * {@value #CATALOGUE}, for the forms as the engine deploys them: the Camunda Forms with their shared parts copied in
 * and the embedded HTML forms. A text added or changed in a form fails here until its translation is added under
 * the new English text; a translation whose English no form uses any more fails too, so the catalogue does not
 * keep the old wording.
 */
class FormTranslationsTests {

    static final String CATALOGUE = "i18n/zh-CN/forms.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\{\\d+}", Pattern.DOTALL);

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s", Pattern.MULTILINE);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each text of the deployed forms and the form files that use it. */
    private static Map<String, Set<String>> texts;

    private static Map<String, String> catalogue;

    @BeforeAll
    static void readFormsAndCatalogue() throws IOException {
        texts = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource form : resolver.getResources("classpath*:forms/**/*.form")) {
            FormTexts.texts(JSON.readTree(read(form))).forEach(text -> usedBy(text, form));
        }
        for (Resource form : resolver.getResources("classpath*:forms/**/*.html")) {
            FormTexts.htmlTexts(read(form)).forEach(text -> usedBy(text, form));
        }
        catalogue = new TreeMap<>();
        JSON.readTree(read(new ClassPathResource(CATALOGUE)))
                .properties()
                .forEach(entry -> catalogue.put(entry.getKey(), entry.getValue().asText()));
    }

    private static void usedBy(String text, Resource form) {
        texts.computeIfAbsent(text, t -> new TreeSet<>()).add(form.getFilename());
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyTextOfEveryFormHasItsChineseWithTheSamePlaceholdersAndHeadings() {
        assertThat(texts).hasSizeGreaterThan(500);
        List<String> problems = new ArrayList<>();
        texts.forEach((english, forms) -> {
            String chinese = catalogue.get(english);
            String problem;
            if (chinese == null || chinese.isBlank()) {
                problem = "no translation";
            } else if (!placeholders(english).equals(placeholders(chinese))) {
                problem = "placeholders " + placeholders(chinese) + " instead of " + placeholders(english);
            } else if (!headings(english).equals(headings(chinese))) {
                problem = "heading levels " + headings(chinese) + " instead of " + headings(english);
            } else {
                return;
            }
            problems.add(forms + ": " + problem + ": " + JSON.getNodeFactory().textNode(english));
        });
        assertThat(problems)
                .withFailMessage(
                        "%d form texts lack their Chinese in src/main/resources/%s, or it differs in placeholders or"
                                + " headings (add \"English\": \"中文\", keys sorted):%n%s",
                        problems.size(), CATALOGUE, String.join(System.lineSeparator(), problems))
                .isEmpty();
    }

    @Test
    void everyTranslationIsOfATextAFormStillHas() {
        Set<String> unused = new TreeSet<>(catalogue.keySet());
        unused.removeAll(texts.keySet());

        assertThat(unused)
                .withFailMessage(
                        "%d entries of src/main/resources/%s are no text of any form any more: update or remove"
                                + " them:%n%s",
                        unused.size(), CATALOGUE, String.join(System.lineSeparator(), unused))
                .isEmpty();
    }

    @Test
    void theCatalogueKeepsItsKeysSorted() throws IOException {
        List<String> keys = new ArrayList<>();
        JSON.readTree(read(new ClassPathResource(CATALOGUE))).fieldNames().forEachRemaining(keys::add);

        assertThat(keys).isSorted();
    }

    private static List<String> placeholders(String text) {
        List<String> placeholders = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            placeholders.add(placeholder.group());
        }
        placeholders.sort(null);
        return placeholders;
    }

    private static List<Integer> headings(String text) {
        List<Integer> levels = new ArrayList<>();
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            levels.add(heading.group(1).length());
        }
        return levels;
    }
}
