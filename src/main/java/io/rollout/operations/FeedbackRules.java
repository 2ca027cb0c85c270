package io.rollout.operations;

import io.rollout.shared.FormInput;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What feedback and its triage must contain, the same for {@code POST /api/projects/{code}/feedback} and
 * {@code ServiceTask_SubmitFeedback}, and for {@code POST .../feedback/{id}/triage} and
 * {@code UserTask_TriageFeedback} of {@code giveFeedback}: feedback is a bug, an improvement or a training need,
 * about a module in the project's scope or none, described in at most {@value #MAX_TEXT} characters; a triage
 * accepts (with a priority), rejects (with the reason) or promotes to a change request (with priority and reason),
 * and only feedback that is still new. Plain Java.
 */
final class FeedbackRules {

    static final List<String> KINDS = List.of("bug", "improvement", "training");
    static final List<String> DECISIONS = List.of("accept", "reject", "promote");
    static final List<String> PRIORITIES = List.of("high", "medium", "low");
    static final String NEW = "new";
    static final int MAX_TEXT = 2000;

    /** Feedback as reported. */
    record NewFeedback(String kind, String module, String text) {}

    /** A triage decision, with what a change request it promotes to affects. */
    record Triage(
            String decision,
            String priority,
            String reason,
            List<String> affectedRequirements,
            List<String> affectedMilestones) {}

    private FeedbackRules() {}

    /** The problems of reported feedback, given the project's modules; empty when it may be stored. */
    static List<Problem> checkReport(NewFeedback feedback, List<String> modules) {
        List<Problem> problems = new ArrayList<>();
        if (feedback.kind() == null || !KINDS.contains(feedback.kind())) {
            problems.add(new Problem(
                    "form.field.choice", "kind", String.join(", ", KINDS), String.valueOf(feedback.kind())));
        }
        String module = FormInput.text(feedback.module());
        if (module != null && !modules.contains(module)) {
            problems.add(new Problem("form.field.choice", "module", String.join(", ", modules), module));
        }
        String text = FormInput.text(feedback.text());
        if (text == null || text.length() > MAX_TEXT) {
            problems.add(new Problem("operations.feedback.text", MAX_TEXT));
        }
        return problems;
    }

    /** True when an item in this status may still be triaged. */
    static boolean undecided(String status) {
        return NEW.equals(status);
    }

    /** The problems of a triage decision; empty when it may be recorded. */
    static List<Problem> checkTriage(Triage triage) {
        List<Problem> problems = new ArrayList<>();
        String decision = triage.decision();
        if (decision == null || !DECISIONS.contains(decision)) {
            problems.add(new Problem(
                    "form.field.choice", "decision", String.join(", ", DECISIONS), String.valueOf(decision)));
        }
        if (!"accept".equals(decision) && FormInput.text(triage.reason()) == null) {
            problems.add(new Problem("operations.feedback.reason"));
        }
        if (!"reject".equals(decision) && (triage.priority() == null || !PRIORITIES.contains(triage.priority()))) {
            problems.add(new Problem(
                    "form.field.choice", "priority", String.join(", ", PRIORITIES), String.valueOf(triage.priority())));
        }
        return problems;
    }

    /** True when the decision promotes the feedback to a change request. */
    static boolean promotes(Triage triage) {
        return "promote".equals(triage.decision());
    }

    /** The status a valid decision gives the item: accepted, rejected or promoted. */
    static String status(String decision) {
        return switch (decision) {
            case "accept" -> "accepted";
            case "reject" -> "rejected";
            default -> "promoted";
        };
    }
}
