package io.rollout.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Gate findings as the text of a process variable that the next task's form shows as a Markdown list
 * (e.g. {@code uatFindings}, {@code trainingFindings}).
 */
public final class Findings {

    /** String variables are stored in a 4000-character column; longer text is cut and ends in "...". */
    public static final int MAX_LENGTH = 3900;

    private Findings() {}

    /** One {@code - } line per finding, at most {@link #MAX_LENGTH} characters. */
    public static String asText(List<String> findings) {
        return capped(findings.stream().map(f -> "- " + f).collect(Collectors.joining("\n")));
    }

    /**
     * One line per finding without a list marker, at most {@link #MAX_LENGTH} characters: the findings of the
     * requirements phase's gates ({@code matchFindings}, {@code effectFindings}, {@code signOffFindings}), which
     * the form shows under headings of their own.
     */
    public static String asLines(List<String> findings) {
        return capped(String.join("\n", findings));
    }

    private static String capped(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
