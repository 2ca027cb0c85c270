package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every name a person reads in Tasklist, Cockpit or Modeler has its Chinese in {@code i18n/zh-CN/names.json}: the
 * names of every element of every BPMN and DMN model (tasks, processes, events, gateways, flows, decisions, and the
 * labels of a decision's inputs and outputs), the Tasklist filters and groups the application creates, and the values
 * that names carry as they are stored. A name with expressions is translated as its template: each {@code ${…}}
 * becomes {@code {0}}, {@code {1}}, … in order ({@code Capture requirements for {0}}), and its Chinese keeps exactly
 * those placeholders. Names that are identifiers, not texts (messages, which are correlated by name; the input
 * parameters and decision outputs, which are variables), are left out. A user task's documentation is the description
 * Tasklist shows with the task, so it needs its Chinese too, as a template like a name. An entry that nothing uses
 * fails as well, so the catalogue follows the models.
 */
@ProcessTest
class NameTranslationsTests {

    static final String CATALOGUE = "/i18n/zh-CN/names.json";
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    /** A DMN string result with a space in it: a text people read, not a code ("pmo", "ERP"). */
    static final Pattern SENTENCE = Pattern.compile("\"([^\"]* [^\"]*)\"");

    static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    /**
     * Values stored in names as they are, not through a message: the kind of a log entry ({@code Resolve {0}: {1}},
     * governance {@code LogEntryRules.KINDS}) and the severity of an incident ({@code Resolve incident #{0} ({1}): {2}},
     * operations {@code Incidents}).
     */
    static final Set<String> STORED_VALUES = Set.of("risk", "issue", "critical", "high", "medium", "low");

    static Map<String, String> catalogue;
    /** Template → where it is used ({@code bpmn/go-live.bpmn userTask Task_PlanCutover}). */
    static Map<String, List<String>> modelNames = new TreeMap<>();
    /** A user task's documentation as a template → where it is used; the engine makes it the task's description. */
    static Map<String, List<String>> taskDocumentation = new TreeMap<>();

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    @BeforeAll
    static void readCatalogueAndModels() throws Exception {
        try (InputStream in = NameTranslationsTests.class.getResourceAsStream(CATALOGUE)) {
            assertThat(in).as(CATALOGUE).isNotNull();
            catalogue = new ObjectMapper().readValue(in, new TypeReference<>() {});
        }
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> models = new ArrayList<>();
        models.addAll(List.of(resolver.getResources("classpath*:bpmn/**/*.bpmn")));
        models.addAll(List.of(resolver.getResources("classpath*:bpmn/**/*.dmn")));
        assertThat(models).hasSizeGreaterThan(10);
        for (Resource model : models) {
            readNames(model);
        }
    }

    @Test
    void everyNameOfEveryModelHasItsChineseWithTheSamePlaceholders() {
        assertThat(untranslated(modelNames))
                .as(
                        "names without Chinese in %s (name → where it is used); add them with the same placeholders",
                        CATALOGUE)
                .isEmpty();
    }

    @Test
    void everyUserTasksDocumentationHasItsChineseWithTheSamePlaceholders() {
        assertThat(taskDocumentation).hasSizeGreaterThan(20);
        assertThat(untranslated(taskDocumentation))
                .as(
                        "user task documentation (the task's description in Tasklist) without Chinese in %s"
                                + " (text → where it is used); add it with the same placeholders",
                        CATALOGUE)
                .isEmpty();
    }

    /** The templates without a translation → where they are used. */
    Map<String, String> untranslated(Map<String, List<String>> templates) {
        Map<String, String> missing = new TreeMap<>();
        templates.forEach((template, uses) -> {
            if (!translated(template)) {
                missing.put(template, String.join("; ", uses));
            }
        });
        return missing;
    }

    @Test
    void everyFilterAndGroupTheApplicationCreatesReadsInChinese() {
        Map<String, String> missing = new TreeMap<>();
        for (String text : engineTexts().keySet()) {
            if (entryFor(text) == null) {
                missing.put(text, engineTexts().get(text));
            }
        }
        STORED_VALUES.stream().filter(v -> !translated(v)).forEach(v -> missing.put(v, "a value stored in names"));
        assertThat(missing)
                .as("texts without Chinese in %s (text → where it comes from)", CATALOGUE)
                .isEmpty();
    }

    @Test
    void everyEntryOfTheCatalogueIsUsed() {
        Set<String> used = new TreeSet<>(modelNames.keySet());
        used.addAll(taskDocumentation.keySet());
        used.addAll(STORED_VALUES);
        engineTexts().keySet().stream()
                .map(this::entryFor)
                .filter(Objects::nonNull)
                .forEach(used::add);
        Set<String> unused = new TreeSet<>(catalogue.keySet());
        unused.removeAll(used);
        assertThat(unused)
                .as(
                        "entries of %s that no model, task documentation, filter, group or stored value uses:"
                                + " remove them",
                        CATALOGUE)
                .isEmpty();
    }

    /** The names, descriptions and variable labels of every Tasklist filter, and the names of every group. */
    Map<String, String> engineTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Filter filter : filters.createFilterQuery().list()) {
            String where = "Tasklist filter " + filter.getName();
            texts.put(filter.getName(), where);
            Map<String, Object> properties = filter.getProperties();
            if (properties.get("description") instanceof String description) {
                texts.put(description, where + " (description)");
            }
            if (properties.get("variables") instanceof List<?> variables) {
                for (Object variable : variables) {
                    if (variable instanceof Map<?, ?> v && v.get("label") instanceof String label) {
                        texts.put(label, where + " (variable " + v.get("name") + ")");
                    }
                }
            }
        }
        for (Group group : identity.createGroupQuery().list()) {
            texts.put(group.getName(), "group " + group.getId());
        }
        assertThat(texts).containsKeys("My tasks", "Steering committee");
        return texts;
    }

    /** The entry that translates a text: the text itself, or a template whose placeholders stand for parts of it. */
    String entryFor(String text) {
        if (translated(text)) {
            return text;
        }
        return catalogue.keySet().stream()
                .filter(key -> PLACEHOLDER.matcher(key).find()
                        && asPattern(key).matcher(text).matches())
                .filter(this::translated)
                .findFirst()
                .orElse(null);
    }

    boolean translated(String english) {
        String chinese = catalogue.get(english);
        return chinese != null && !chinese.isBlank() && placeholders(chinese).equals(placeholders(english));
    }

    static Pattern asPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start()))).append("(.+)");
            at = m.end();
        }
        return Pattern.compile(
                regex.append(Pattern.quote(template.substring(at))).toString());
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(text).results().forEach(r -> found.add(r.group()));
        return found;
    }

    static void readNames(Resource model) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document;
        try (InputStream in = model.getInputStream()) {
            document = factory.newDocumentBuilder().parse(in);
        }
        String file = "bpmn/" + model.getFilename();
        NodeList elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            for (String attribute : textAttributes(element)) {
                String name = element.getAttribute(attribute);
                if (!name.isBlank()) {
                    modelNames
                            .computeIfAbsent(template(name), k -> new ArrayList<>())
                            .add(file + " " + element.getLocalName() + " " + element.getAttribute("id"));
                }
            }
            if (DMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("outputEntry")) {
                // a decision's result that is a sentence (a reason, a recommendation) is read by people in forms
                Matcher sentence = SENTENCE.matcher(element.getTextContent().strip());
                if (sentence.matches()) {
                    modelNames
                            .computeIfAbsent(sentence.group(1), k -> new ArrayList<>())
                            .add(file + " outputEntry " + element.getAttribute("id"));
                }
            }
            if (BPMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("userTask")) {
                String documentation = documentation(element);
                if (!documentation.isBlank()) {
                    taskDocumentation
                            .computeIfAbsent(template(documentation), k -> new ArrayList<>())
                            .add(file + " userTask " + element.getAttribute("id") + " (documentation)");
                }
            }
        }
    }

    /**
     * The documentation of an element as the engine reads it into a task's description: the texts of its own
     * {@code documentation} elements, each trimmed, joined by a blank line.
     */
    static String documentation(Element element) {
        List<String> texts = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e
                    && BPMN.equals(e.getNamespaceURI())
                    && e.getLocalName().equals("documentation")) {
                texts.add(e.getTextContent().trim());
            }
        }
        return String.join("\n\n", texts);
    }

    /** The attributes of a model element that hold text people read; diagram and extension elements hold none. */
    static List<String> textAttributes(Element element) {
        String ns = element.getNamespaceURI();
        String tag = element.getLocalName();
        if (BPMN.equals(ns)) {
            return tag.equals("message") ? List.of() : List.of("name");
        }
        if (DMN.equals(ns)) {
            return switch (tag) {
                case "input" -> List.of("name", "label");
                case "output" -> List.of("label");
                default -> List.of("name");
            };
        }
        return List.of();
    }

    /** The name as a template, the way the catalogue keys it: {@code ${…}} → {@code {0}}, {@code {1}}, … in order. */
    static String template(String name) {
        Matcher m = EXPRESSION.matcher(name);
        StringBuilder template = new StringBuilder();
        int n = 0;
        while (m.find()) {
            m.appendReplacement(template, Matcher.quoteReplacement("{" + n++ + "}"));
        }
        return m.appendTail(template).toString();
    }
}
