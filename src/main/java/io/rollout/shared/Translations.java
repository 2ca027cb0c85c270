package io.rollout.shared;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Renders a text Rollout stored in English in the reader's language. Rollout records the texts the engine keeps —
 * task and process names, gate findings, decision-log subjects, summaries in process variables — in English, the
 * language of the models and of {@code messages/*.properties}; their English templates are their codes. A Chinese
 * reader gets each text translated when it is read:
 *
 * <ul>
 * <li>an exact text from the catalogues {@code i18n/zh-CN/*.json} (model names, form texts) or a message without
 *     arguments;</li>
 * <li>a text made from a template — a message with arguments ({@code messages/x.properties} ↔
 *     {@code x_zh_CN.properties}, same key) or a model name with expressions ({@code Capture requirements for {0}}) —
 *     is read back into its arguments, which are translated in turn (a department, a module, a list of them), and
 *     rendered with the Chinese template;</li>
 * <li>a text of several lines, line by line, keeping list marks.</li>
 * </ul>
 * A text without a translation (data a person typed, an id) stays as it is. English readers get the text unchanged.
 */
@Component
public class Translations {

    /** The languages Rollout speaks: English, in which texts are stored, and Chinese. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final Pattern LIST_MARK = Pattern.compile("^(\\s*(?:[•*·-]|\\d+[.)]|[A-Za-z]?\\d+:)\\s+)(.*)$");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern ARGUMENT = Pattern.compile("\\{([0-9]+)}");
    /** Splits after a full stop or semicolon that ends a clause, keeping the mark with its clause. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.;])\\s+");

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_.-]*");
    private static final Pattern CODE_WORD = Pattern.compile("[a-z]{2,}");
    private static final int DEPTH = 3;
    private static final String PAGE_TEXTS = "messages/pages";
    private static final int CACHE = 50_000;

    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, String> formTexts = new HashMap<>();
    /** Model names as written in the models, with their expressions as {@code {0}}, {@code {1}}, … */
    private final Map<String, String> modelTemplates = new HashMap<>();

    private final List<TextTemplate> templates = new ArrayList<>();
    /** Stored texts repeat (task names in every list): each is translated once. */
    private final Map<String, Optional<String>> translated = new ConcurrentHashMap<>();

    @Autowired
    Translations(@Value("${spring.messages.basename:messages/core}") List<String> basenames) {
        this(basenames, "classpath*:i18n/zh-CN/*.json");
    }

    Translations(List<String> basenames, String catalogues) {
        List<TextTemplate> found = new ArrayList<>();
        for (Resource catalogue : resources(catalogues)) {
            boolean forms = "forms.json".equals(catalogue.getFilename());
            readCatalogue(catalogue).forEach((english, chinese) -> {
                if (forms) {
                    formTexts.put(english, chinese);
                } else {
                    modelTemplates.putIfAbsent(english, chinese);
                    add(english, chinese, found);
                }
            });
        }
        for (String basename : basenames) {
            if (basename.trim().equals(PAGE_TEXTS)) {
                // labels of our pages, rendered by key: no stored text is made from them ("Plan", "completed")
                continue;
            }
            Map<String, String> english = properties(basename.trim() + ".properties");
            Map<String, String> chinese = properties(basename.trim() + "_zh_CN.properties");
            english.forEach((key, text) -> {
                if (chinese.containsKey(key)) {
                    add(text, chinese.get(key), found);
                }
            });
        }
        found.sort(Comparator.comparingInt(TextTemplate::literalLength).reversed());
        templates.addAll(found);
    }

    private void add(String english, String chinese, List<TextTemplate> found) {
        if (english.isBlank() || chinese.isBlank()) {
            return;
        }
        TextTemplate template = TextTemplate.of(english, chinese);
        if (template != null) {
            found.add(template);
        } else if (!english.matches(".*\\{[0-9][^}]*}.*")) {
            // the first source wins: model names before the messages, then bundles and keys in their order
            // (department names before the module names of the same English word)
            exact.putIfAbsent(english, chinese);
        }
    }

    /**
     * True when the text is a code ({@code interview}, {@code high}, {@code dept-finance}) rather than a text: forms
     * compare codes in their conditions and the history shows them as stored, so readers of every language get them
     * unchanged.
     */
    public static boolean code(String text) {
        return CODE.matcher(text).matches();
    }

    /** True when the reader reads Chinese. */
    public static boolean chinese(Locale reader) {
        return reader != null && "zh".equals(reader.getLanguage());
    }

    /** The stored English text in the reader's language; unchanged for English readers and unknown texts. */
    public String text(String english, Locale reader) {
        if (english == null || english.isBlank() || !chinese(reader)) {
            return english;
        }
        if (translated.size() > CACHE) {
            translated.clear();
        }
        return translated
                .computeIfAbsent(english, t -> Optional.ofNullable(translateText(t)))
                .orElse(english);
    }

    private String translateText(String english) {
        String whole = translate(english, DEPTH);
        if (whole != null) {
            return whole;
        }
        if (english.indexOf('\n') < 0) {
            return english;
        }
        StringBuilder lines = new StringBuilder();
        for (String line : english.split("\n", -1)) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(line(line));
        }
        String result = lines.toString();
        return result.equals(english) ? null : result;
    }

    /** A text of a form (a label, an option, a help text) in the reader's language; see {@code FormTexts}. */
    public String formText(String english, Locale reader) {
        if (english == null || !chinese(reader)) {
            return english;
        }
        String form = formTexts.get(english);
        return form != null ? form : text(english, reader);
    }

    /**
     * A name as a model writes it, expressions and all ({@code Capture requirements for ${names.department(d)}}), in
     * the reader's language with the expressions kept ({@code 采集${names.department(d)}的需求}): for the diagrams the
     * web apps draw from the model's XML.
     */
    public String modelText(String name, Locale reader) {
        if (name == null || !chinese(reader) || !name.contains("${")) {
            return text(name, reader);
        }
        List<String> expressions = new ArrayList<>();
        Matcher expression = EXPRESSION.matcher(name);
        StringBuilder template = new StringBuilder();
        while (expression.find()) {
            expression.appendReplacement(template, Matcher.quoteReplacement("{" + expressions.size() + "}"));
            expressions.add(expression.group());
        }
        expression.appendTail(template);
        String chinese = modelTemplates.get(template.toString());
        if (chinese == null) {
            return name;
        }
        Matcher argument = ARGUMENT.matcher(chinese);
        StringBuilder rendered = new StringBuilder();
        while (argument.find()) {
            int index = Integer.parseInt(argument.group(1));
            String value = index < expressions.size() ? expressions.get(index) : argument.group();
            argument.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        argument.appendTail(rendered);
        return rendered.toString();
    }

    /** True when the text has a Chinese translation, exact or by template. */
    public boolean knows(String english) {
        return english != null && translate(english, DEPTH) != null;
    }

    private String line(String line) {
        String whole = translate(line.strip(), DEPTH);
        if (whole != null) {
            return line.substring(0, line.indexOf(line.strip())) + whole;
        }
        Matcher marked = LIST_MARK.matcher(line);
        if (marked.matches()) {
            String rest = translate(marked.group(2).strip(), DEPTH);
            if (rest != null) {
                return marked.group(1) + rest;
            }
        }
        return sentences(line);
    }

    /**
     * A line made of several stored sentences or clauses ("Planned … to …; owning department: …; no customisations
     * planned.", "… full rollout. Scope confirmed: …"): each translated on its own, the others kept.
     */
    private String sentences(String line) {
        String[] parts = SENTENCE_END.split(line);
        if (parts.length < 2) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (String part : parts) {
            String clause = part.endsWith(";") ? part.substring(0, part.length() - 1) : part;
            String translated = translate(clause.strip(), DEPTH);
            any |= translated != null;
            out.append(translated != null ? translated : clause);
            out.append(part.endsWith(";") ? "；" : translated != null ? "" : " ");
        }
        return any ? out.toString().strip() : line;
    }

    private String translate(String english, int depth) {
        String found = exact.get(english);
        if (found == null && CODE_WORD.matcher(english).matches()) {
            // a code shown as it is stored ("must", "passed") reads as its label ("Must", "Passed")
            found = exact.get(Character.toUpperCase(english.charAt(0)) + english.substring(1));
        }
        if (found != null || depth == 0) {
            return found;
        }
        for (TextTemplate template : templates) {
            String rendered = template.render(english, CHINESE, arg -> argument(arg, depth - 1));
            if (rendered != null) {
                return rendered;
            }
        }
        return null;
    }

    /** An argument: translated if known, a list item by item, otherwise as it was (data). */
    private String argument(String arg, int depth) {
        String whole = translate(arg, depth);
        if (whole != null) {
            return whole;
        }
        if (arg.contains(", ")) {
            String[] items = arg.split(", ");
            List<String> translated = new ArrayList<>();
            boolean any = false;
            for (String item : items) {
                String one = translate(item, depth);
                any |= one != null;
                translated.add(one != null ? one : item);
            }
            if (any) {
                return String.join("、", translated);
            }
        }
        return arg;
    }

    private static Resource[] resources(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readCatalogue(Resource catalogue) {
        try (InputStream in = catalogue.getInputStream()) {
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the translation catalogue " + catalogue, e);
        }
    }

    /** The messages of a bundle file, in the order of the file. */
    private static Map<String, String> properties(String path) {
        Map<String, String> messages = new LinkedHashMap<>();
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
        if (!resource.exists()) {
            return messages;
        }
        Properties inOrder = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                messages.put((String) key, (String) value);
                return super.put(key, value);
            }
        };
        try (InputStream in = resource.getInputStream()) {
            inOrder.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the messages " + path, e);
        }
    }
}
