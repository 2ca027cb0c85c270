package io.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables that Java source names in SQL: {@code insert into / update / delete from / merge into <table>}
 * (writes) and {@code from / join <table>} (reads) inside string literals and text blocks. Literals joined by
 * {@code +} around an expression count as one text, so {@code "update " + prefix + "ACT_RU_JOB set"} is a write of
 * {@code act_ru_job}. Only known table names count, so English in messages ("update from the plan") does not.
 */
final class SqlTableScanner {

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ =
            Pattern.compile("\\b(?:from|join)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    // code between two literals that continues one concatenated text: "+ x +" or "+"
    private static final Pattern CONCATENATION = Pattern.compile("\\s*\\+(?:[^;{}\"]{0,120}\\+)?\\s*");

    /** One table named in one file. */
    record Use(String file, int line, String table, boolean write) {}

    private final Set<String> tables;

    /** @param tables our tables, lower case; the engine's {@code act_*} tables are recognised by their prefix */
    SqlTableScanner(Set<String> tables) {
        this.tables = tables;
    }

    static boolean engineTable(String table) {
        return table.startsWith("act_");
    }

    List<Use> scan(String file, String source) {
        List<Use> uses = new ArrayList<>();
        for (Literal text : texts(source)) {
            find(WRITE, true, text, file, source, uses);
            find(READ, false, text, file, source, uses);
        }
        return uses;
    }

    private void find(Pattern pattern, boolean write, Literal text, String file, String source, List<Use> uses) {
        Matcher m = pattern.matcher(text.value());
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            if (tables.contains(table) || engineTable(table)) {
                uses.add(new Use(file, line(source, text.start()), table, write));
            }
        }
    }

    private record Literal(String value, int start, int end) {}

    // the string literals and text blocks of the source, comments and char literals skipped, concatenations joined
    private static List<Literal> texts(String source) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = end(source.indexOf('\n', i), source);
            } else if (source.startsWith("/*", i)) {
                i = end(source.indexOf("*/", i + 2), source) + 2;
            } else if (source.charAt(i) == '\'') {
                i = closing(source, i + 1, "'") + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = closing(source, i + 3, "\"\"\"");
                literals.add(new Literal(source.substring(i + 3, close), i, close + 3));
                i = close + 3;
            } else if (source.charAt(i) == '"') {
                int close = closing(source, i + 1, "\"");
                literals.add(new Literal(source.substring(i + 1, close), i, close + 1));
                i = close + 1;
            } else {
                i++;
            }
        }
        return joined(literals, source);
    }

    private static List<Literal> joined(List<Literal> literals, String source) {
        List<Literal> texts = new ArrayList<>();
        for (Literal l : literals) {
            Literal last = texts.isEmpty() ? null : texts.get(texts.size() - 1);
            if (last != null
                    && CONCATENATION
                            .matcher(source.substring(last.end(), l.start()))
                            .matches()) {
                texts.set(texts.size() - 1, new Literal(last.value() + l.value(), last.start(), l.end()));
            } else {
                texts.add(l);
            }
        }
        return texts;
    }

    // the index of the closing delimiter, skipping escaped characters
    private static int closing(String source, int from, String delimiter) {
        int i = from;
        while (i < source.length() && !source.startsWith(delimiter, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static int end(int index, String source) {
        return index < 0 ? source.length() : index;
    }

    private static int line(String source, int index) {
        return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
