package io.rollout.shared;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One English text with arguments ({@code Capture requirements for {0}}, {@code Pass rate {0,number,0.0} % below {1}
 * %}) and its translation. It reads a stored English text back into its arguments and renders them in the other
 * language: the English template is the stable code of the stored text. Arguments of type {@code number} or
 * {@code choice} are read as numbers (a choice as the first number in its text, {@code 3 days} → 3); all others as
 * text, translated again by the caller ({@code Finance} → 财务部).
 */
final class TextTemplate {

    /** A template is told apart by words of its own, not by separators ({@code {0}, {1}, {2}}). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");

    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?|-?\\.[0-9]+");

    private final String english;
    private final String translation;
    private final Pattern pattern;
    private final List<Integer> indexes;
    private final List<Boolean> numeric;
    private final int literalLength;
    private final String longestLiteral;

    private TextTemplate(
            String english,
            String translation,
            Pattern pattern,
            List<Integer> indexes,
            List<Boolean> numeric,
            int literalLength,
            String longestLiteral) {
        this.english = english;
        this.translation = translation;
        this.pattern = pattern;
        this.indexes = indexes;
        this.numeric = numeric;
        this.literalLength = literalLength;
        this.longestLiteral = longestLiteral;
    }

    /**
     * The template of a MessageFormat pattern with its translation, or null when the pattern has no argument or too
     * little text of its own to be told apart from any text ({@code {0}: {1}}, {@code {0}, {1}, {2}}).
     */
    static TextTemplate of(String english, String translation) {
        StringBuilder regex = new StringBuilder("^");
        List<Integer> indexes = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        int literal = 0;
        String longest = "";
        int i = 0;
        while (i < english.length()) {
            int open = english.indexOf('{', i);
            if (open < 0) {
                literal += english.length() - i;
                longest = longer(longest, english.substring(i));
                regex.append(Pattern.quote(english.substring(i)));
                break;
            }
            int close = closingBrace(english, open);
            if (close < 0) {
                return null;
            }
            literal += open - i;
            longest = longer(longest, english.substring(i, open));
            regex.append(Pattern.quote(english.substring(i, open)));
            String[] parts = english.substring(open + 1, close).split(",", 3);
            if (!parts[0].trim().matches("[0-9]+")) {
                return null;
            }
            indexes.add(Integer.parseInt(parts[0].trim()));
            numeric.add(parts.length > 1 && List.of("number", "choice").contains(parts[1].trim()));
            regex.append("(.+?)");
            i = close + 1;
        }
        if (indexes.isEmpty() || literal < 3 || !WORD.matcher(longest).find()) {
            return null;
        }
        regex.append('$');
        return new TextTemplate(
                english,
                translation,
                Pattern.compile(regex.toString(), Pattern.DOTALL),
                List.copyOf(indexes),
                List.copyOf(numeric),
                literal,
                longest);
    }

    private static String longer(String a, String b) {
        return b.length() > a.length() ? b : a;
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The characters of the template outside its arguments: the more, the more specific the template. */
    int literalLength() {
        return literalLength;
    }

    String english() {
        return english;
    }

    /**
     * The text rendered in the translation's language, or null when the text is not an instance of this template.
     * Text arguments go through {@code argument} first.
     */
    String render(String text, Locale locale, UnaryOperator<String> argument) {
        if (!text.contains(longestLiteral)) {
            return null;
        }
        Matcher match = pattern.matcher(text);
        if (!match.matches()) {
            return null;
        }
        int size = indexes.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Object[] args = new Object[size];
        for (int g = 0; g < indexes.size(); g++) {
            String value = match.group(g + 1);
            if (numeric.get(g)) {
                Number number = number(value);
                if (number == null) {
                    return null;
                }
                args[indexes.get(g)] = number;
            } else {
                args[indexes.get(g)] = argument.apply(value);
            }
        }
        return new MessageFormat(translation, locale).format(args);
    }

    private static Number number(String text) {
        Matcher number = NUMBER.matcher(text);
        if (!number.find()) {
            return null;
        }
        return new BigDecimal(number.group().replace(",", ""));
    }
}
