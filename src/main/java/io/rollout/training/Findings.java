package io.rollout.training;

import java.util.List;
import java.util.stream.Collectors;

/** Gate findings as the text of a process variable that a form shows as a Markdown list. */
final class Findings {

    /** String variables are stored in a 4000-character column. */
    static final int MAX_LENGTH = 3900;

    private Findings() {
    }

    static String asText(List<String> findings) {
        String text = findings.stream().map(f -> "- " + f).collect(Collectors.joining("\n"));
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
