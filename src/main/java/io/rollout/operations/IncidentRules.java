package io.rollout.operations;

import io.rollout.shared.FormInput;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a hypercare incident must contain when it is reported ({@code POST /api/projects/{code}/incidents}) and
 * when it is resolved ({@code UserTask_ResolveIncident} of {@code hypercareIncident}): a title, a severity of
 * {@link #SEVERITIES}, a module in the project's scope or none, a description and a resolution of at most
 * {@value #MAX_TEXT} characters. Plain Java.
 */
final class IncidentRules {

    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    static final int MAX_TEXT = 2000;

    /** An incident as reported. */
    record Report(String title, String severity, String module, String description) {}

    private IncidentRules() {}

    /** The problems of a reported incident, given the project's modules; empty when it may be opened. */
    static List<Problem> checkReport(Report report, List<String> modules) {
        List<Problem> problems = new ArrayList<>();
        if (FormInput.text(report.title()) == null) {
            problems.add(new Problem("form.field.required", "title"));
        }
        if (report.severity() == null || !SEVERITIES.contains(report.severity())) {
            problems.add(new Problem(
                    "form.field.choice",
                    "severity",
                    String.join(", ", SEVERITIES),
                    report.severity() == null ? "" : report.severity()));
        }
        String module = FormInput.text(report.module());
        if (module != null && !modules.contains(module)) {
            problems.add(new Problem("form.field.choice", "module", String.join(", ", modules), module));
        }
        String description = FormInput.text(report.description());
        if (description != null && description.length() > MAX_TEXT) {
            problems.add(new Problem("operations.incident.descriptionTooLong", MAX_TEXT));
        }
        return problems;
    }

    /** The problem of a resolution (already trimmed, {@code null} when blank); empty when it may be stored. */
    static Optional<Problem> checkResolution(String resolution) {
        if (resolution == null) {
            return Optional.of(new Problem("form.field.required", "Resolution"));
        }
        if (resolution.length() > MAX_TEXT) {
            return Optional.of(new Problem("operations.incident.resolutionTooLong", MAX_TEXT));
        }
        return Optional.empty();
    }
}
