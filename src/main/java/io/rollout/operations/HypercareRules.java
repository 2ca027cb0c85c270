package io.rollout.operations;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of hypercare ({@code UserTask_RunHypercare} in {@code operationsPhase}): what an incident row
 * must contain, and when hypercare may end — the team asks to exit and no critical or high incident is
 * open.
 */
final class HypercareRules {

    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    static final List<String> STATUSES = List.of("open", "resolved");
    static final String OPEN = "open";
    static final String RESOLVED = "resolved";

    /** An incident as submitted; {@code id} is {@code null} for a new one. */
    record Incident(Integer id, String title, String severity, String module, String reporter, String status,
                    String resolution) {

        boolean blocksExit() {
            return OPEN.equals(status) && (severity.equals("critical") || severity.equals("high"));
        }
    }

    /** The incidents read from the form, or the problems that refuse the submission. */
    record Result(List<Incident> incidents, List<Problem> problems) {
    }

    /** The exit decision with its reasons. */
    record Exit(boolean ok, List<Problem> findings) {
    }

    Result read(List<FormRow> rows, List<String> modules) {
        List<Problem> problems = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            Integer id = id(row, problems);
            String title = required(row, "title", "Title", problems);
            String severity = choice(row, "severity", "Severity", SEVERITIES, problems);
            String module = row.text("module");
            if (module != null && !modules.contains(module)) {
                problems.add(new Problem("form.row.choice", row.number(), "Module", String.join(", ", modules), module));
            }
            String reporter = required(row, "reporter", "Reporter", problems);
            String status = row.text("status") == null ? OPEN : choice(row, "status", "Status", STATUSES, problems);
            String resolution = row.text("resolution");
            if (RESOLVED.equals(status) && resolution == null) {
                problems.add(new Problem("operations.incident.resolutionRequired", row.number()));
            }
            if (problems.size() == before) {
                incidents.add(new Incident(id, title, severity, module, reporter, status, resolution));
            }
        }
        return new Result(problems.isEmpty() ? incidents : List.of(), problems);
    }

    Exit exit(boolean exitRequested, List<Incident> incidents) {
        List<Problem> findings = new ArrayList<>();
        if (!exitRequested) {
            findings.add(new Problem("operations.hypercare.exitNotRequested"));
        }
        incidents.stream().filter(Incident::blocksExit).forEach(i ->
            findings.add(new Problem("operations.hypercare.openIncident", i.id(), i.severity(), i.title())));
        return new Exit(findings.isEmpty(), findings);
    }

    private static Integer id(FormRow row, List<Problem> problems) {
        String text = row.text("id");
        if (text == null) {
            return null;
        }
        try {
            int id = row.integer("id");
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problems.add(new Problem("form.row.number", row.number(), "Id", text));
        return null;
    }

    private static String required(FormRow row, String key, String label, List<Problem> problems) {
        String text = row.text(key);
        if (text == null) {
            problems.add(new Problem("form.row.required", row.number(), label));
        }
        return text;
    }

    private static String choice(FormRow row, String key, String label, List<String> allowed, List<Problem> problems) {
        String text = required(row, key, label, problems);
        if (text != null && !allowed.contains(text)) {
            problems.add(new Problem("form.row.choice", row.number(), label, String.join(", ", allowed), text));
            return null;
        }
        return text;
    }
}
