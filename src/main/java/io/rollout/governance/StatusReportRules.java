package io.rollout.governance;

import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a status report needs ({@code UserTask_WriteStatusReport} and {@code UserTask_HoldSteeringReview} in
 * {@code implementationProject}, listener {@code statusReportWriter}): a RAG status green, amber or red (any case)
 * and a summary of at most {@value #SUMMARY_MAX} characters. Plain class: no engine, no Spring.
 */
final class StatusReportRules {

    static final List<String> RAG = List.of("green", "amber", "red");
    static final int SUMMARY_MAX = 4000;

    private StatusReportRules() {}

    /** Every problem of the submitted {@code rag} and {@code summary}; none when the report may be stored. */
    static List<Problem> check(String rag, String summary) {
        List<Problem> problems = new ArrayList<>();
        if (rag == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.rag")));
        } else if (!RAG.contains(rag.toLowerCase(Locale.ROOT))) {
            problems.add(
                    Problem.of("form.field.choice", new Label("governance.field.rag"), String.join(", ", RAG), rag));
        }
        if (summary == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.summary")));
        } else if (summary.length() > SUMMARY_MAX) {
            problems.add(Problem.of("governance.text.tooLong", new Label("governance.field.summary"), SUMMARY_MAX));
        }
        return problems;
    }
}
