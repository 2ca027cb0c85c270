package io.rollout.audit;

import java.time.Instant;

/**
 * One entry of a project's audit timeline.
 *
 * @param at                when it happened
 * @param type              {@code process}, {@code task}, {@code variable}, {@code incident} or {@code decision}
 * @param event             what happened, e.g. {@code started}, {@code completed}, {@code assigned}, {@code set},
 *                          or for a decision its name ({@code uatGate})
 * @param phase             the process (definition key) it happened in, e.g. {@code userAcceptanceTest}
 * @param subject           the task, variable, element or decision subject it is about
 * @param person            who did it ({@code system} for gates), when known
 * @param detail            the value, outcome and reasons, or the incident message
 * @param processInstanceId the process instance, when it happened in one
 */
public record TimelineEvent(
        Instant at,
        String type,
        String event,
        String phase,
        String subject,
        String person,
        String detail,
        String processInstanceId) {

    public static final java.util.List<String> TYPES =
            java.util.List.of("process", "task", "variable", "incident", "decision");
}
