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

    private Findings() {
    }

    /** One {@code - } line per finding, at most {@link #MAX_LENGTH} characters. */
    public static String asText(List<String> findings) {
        String text = findings.stream().map(f -> "- " + f).collect(Collectors.joining("\n"));
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
