package io.rollout.migration;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The data steward's regular expressions ({@code pattern} and {@code code} rules), compiled for RE2/J: matching takes
 * time linear in the value, so no pattern can stall a dry run by backtracking. Written as for Java, as stewards do:
 * {@code \u4e00} becomes RE2's {@code \x{4e00}} and {@code \p{IsHan}} its {@code \p{Han}}. Counted repetitions
 * multiply the program RE2/J builds and runs for every value ({@code (a{1000}){1000}} is a million steps per
 * character), so a pattern whose repetitions expand beyond {@value #MAX_SIZE} elements is refused. Plain class.
 */
final class Patterns {

    /** The most elements a pattern may expand to; a coding standard such as {@code [A-Z]{2}\d{10}} has 12. */
    static final long MAX_SIZE = 1_000;

    private Patterns() {}

    /** Why a pattern cannot be used, as a message code for the rule, or {@code null} when it can. */
    static String problem(String regex) {
        try {
            Pattern.compile(translate(regex));
        } catch (PatternSyntaxException e) {
            return "migration.definition.rule.patternNotLinear";
        }
        return size(regex) > MAX_SIZE ? "migration.definition.rule.patternTooLarge" : null;
    }

    /**
     * The compiled pattern.
     *
     * @throws ExtractException naming the column and the pattern when it cannot be used (a definition saved before
     *                          patterns were checked this way)
     */
    static Pattern compile(String regex, String column) {
        // only the syntax: a coding standard grows by its list of categories here, its size was checked when saved
        try {
            return Pattern.compile(translate(regex));
        } catch (PatternSyntaxException e) {
            throw new ExtractException("migration.rule.unusablePattern", column, regex);
        }
    }

    /** Java's escapes that RE2 writes otherwise: {@code \\uXXXX} and {@code \p{IsScript}}. */
    static String translate(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if (next == 'u'
                        && i + 6 <= regex.length()
                        && regex.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                    out.append("\\x{").append(regex, i + 2, i + 6).append('}');
                    i += 5;
                    continue;
                }
                if ((next == 'p' || next == 'P') && regex.startsWith("{Is", i + 2)) {
                    out.append('\\').append(next).append('{');
                    i += 4;
                    continue;
                }
                out.append(c).append(next);
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * How many elements the pattern expands to once counted repetitions ({@code {n}}, {@code {m,n}}) are written
     * out: a character, an escape or a class counts one, a group the sum of its elements, a repetition multiplies.
     */
    static long size(String regex) {
        Deque<long[]> levels = new ArrayDeque<>();
        levels.push(new long[] {0});
        long last = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                last = 1;
                levels.peek()[0] += 1;
            } else if (c == '[') {
                i = classEnd(regex, i);
                last = 1;
                levels.peek()[0] += 1;
            } else if (c == '(') {
                levels.push(new long[] {0});
                last = 0;
            } else if (c == ')' && levels.size() > 1) {
                last = levels.pop()[0];
                levels.peek()[0] = capped(levels.peek()[0] + last);
            } else if (c == '{' && regex.indexOf('}', i) > i) {
                int end = regex.indexOf('}', i);
                String count = regex.substring(i + 1, end);
                if (!count.matches("\\d{1,6}(,\\d{0,6})?")) {
                    levels.peek()[0] += 1;
                    last = 1;
                    continue;
                }
                String[] bounds = count.split(",", -1);
                long times = Long.parseLong(bounds.length > 1 && !bounds[1].isEmpty() ? bounds[1] : bounds[0]);
                long repeated = capped(last * Math.max(times, 1));
                levels.peek()[0] = capped(levels.peek()[0] + repeated - last);
                last = repeated;
                i = end;
            } else if ("*+?|".indexOf(c) < 0) {
                last = 1;
                levels.peek()[0] += 1;
            }
        }
        while (levels.size() > 1) {
            long inner = levels.pop()[0];
            levels.peek()[0] = capped(levels.peek()[0] + inner);
        }
        return levels.peek()[0];
    }

    private static int classEnd(String regex, int start) {
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
        }
        return regex.length() - 1;
    }

    private static long capped(long value) {
        return Math.min(value, Long.MAX_VALUE / 1_000_000);
    }
}
