package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks at every page a journey opens for words of the other language: a Chinese user should meet no English word
 * except ids and data, an English user no Chinese except data. Registered with {@link Tasklist#onOpen}, it reads what
 * the user reads on each task and start form ({@link Tasklist#shownTexts}) and keeps what it finds, naming the task
 * and the element the word was in; {@link #assertNoneFound()} fails with all of them at once, so one run of a long
 * walk shows every text that is left to translate.
 */
final class LanguageScan {

    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]+");
    /** Ids and codes that carry letters: requirements, test cases, employees, file names, web addresses. */
    private static final List<Pattern> IDS = List.of(
            Pattern.compile("\\bREQ-[A-Z0-9-]*[A-Z0-9]"),
            Pattern.compile("\\bTC-\\d+\\b"),
            Pattern.compile("https?://\\S+"),
            Pattern.compile("[\\w.-]+\\.(?:csv|xlsx|pdf)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bv\\.?\\s?\\d+(?:\\.\\d+)*\\b"),
            // group and role ids are kebab-case: business-owner, dept-<department>
            Pattern.compile("\\b[a-z]+(?:-(?:[a-z]+|<[a-z]+>))+"),
            // ids of curricula and other records (CUR-01), REST paths, placeholders of formats and patterns
            Pattern.compile("\\b[A-Z]{2,}-\\d+\\b"),
            Pattern.compile("\\b(?:GET|POST|PUT|DELETE)?\\s*/api/\\S+"),
            Pattern.compile("\\{[A-Za-z]+}"),
            // technical names Chinese texts keep: encodings, units, date-format letters; an engine id in a text
            Pattern.compile("\\b(?:UTF-8|BOM|GBK|MB|xlsx|yyyy|MM|dd|HH|mm)\\b"),
            Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b"),
            // a person as the pickers show one, "name (login)": data, whichever script the name is in
            Pattern.compile("[^\\s（(]+(?: [^\\s（(]+)? [（(][a-z][a-z0-9]*[）)]"));

    /** The header's language switch names each language in its own script: 中文 / English. */
    private static final Set<String> LANGUAGE_NAMES = Set.of("中文", "English");

    private final boolean chineseReader;
    private final Set<String> allowed;
    private final Set<String> findings = new LinkedHashSet<>();
    private int pages;

    private LanguageScan(boolean chineseReader, Collection<String> allowed) {
        this.chineseReader = chineseReader;
        Set<String> words = new HashSet<>(allowed);
        words.addAll(LANGUAGE_NAMES);
        this.allowed = Set.copyOf(words);
    }

    /**
     * For a Chinese user: finds English words ({@code [A-Za-z]{2,}}) except the {@code allowed} ones (the project
     * code, the cast's user ids, product names such as ERP, KPI, RAG, UAT) and ids.
     */
    static LanguageScan forChineseReader(Collection<String> allowed) {
        return new LanguageScan(true, allowed);
    }

    /**
     * For an English user: finds Chinese characters in labels, descriptions, options, headers, buttons and chrome, except
     * the name 中文 the language switch offers.
     */
    static LanguageScan forEnglishReader() {
        return new LanguageScan(false, Set.of());
    }

    /** Reads the page Tasklist shows now and keeps the words of the other language it finds. */
    void scan(Tasklist tasklist) {
        pages++;
        String title = tasklist.shownTitle();
        for (Tasklist.Shown shown : tasklist.shownTexts(chineseReader)) {
            if (shown.element().equals("task list")) {
                // the list holds other projects' tasks too, whose names carry their data (a Chinese department, an
                // English issue title); the open task's own name is read in its header
                continue;
            }
            List<String> words = chineseReader ? englishWords(shown.text()) : chineseWords(shown.text());
            for (String word : words) {
                String finding =
                        title + ": \"" + word + "\" in " + shown.element() + " \"" + shorter(shown.text()) + "\"";
                if (findings.add(finding)) {
                    System.out.println("language scan: " + finding);
                }
            }
        }
    }

    /** Fails with every word of the other language found on the pages scanned, by task and element. */
    void assertNoneFound() {
        assertNoneFoundBut(List.of());
    }

    /**
     * Fails with every word of the other language found on the pages scanned, except in the texts that match one of
     * the {@code knownGaps} (texts still composed in a way {@code Translations} cannot read back, listed where the
     * test calls this, each to be removed when its text is translated): no new untranslated text gets through.
     */
    void assertNoneFoundBut(List<Pattern> knownGaps) {
        assertThat(pages).as("pages scanned").isPositive();
        findings.removeIf(finding ->
                knownGaps.stream().anyMatch(gap -> gap.matcher(finding).find()));
        assertThat(new ArrayList<>(findings))
                .as(
                        "words a %s reader should not meet on the %d pages scanned",
                        chineseReader ? "Chinese" : "English", pages)
                .isEmpty();
    }

    private List<String> englishWords(String text) {
        String left = text;
        for (Pattern id : IDS) {
            left = id.matcher(left).replaceAll(" ");
        }
        List<String> words = new ArrayList<>();
        Matcher word = ENGLISH_WORD.matcher(left);
        while (word.find()) {
            if (!allowed.contains(word.group()) && !words.contains(word.group())) {
                words.add(word.group());
            }
        }
        return words;
    }

    private List<String> chineseWords(String text) {
        List<String> found = new ArrayList<>();
        Matcher chinese = CJK.matcher(text);
        while (chinese.find()) {
            if (!allowed.contains(chinese.group())) {
                found.add(chinese.group());
            }
        }
        return found;
    }

    private static String shorter(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
