package io.rollout.requirements;

import io.rollout.requirements.RequirementRepository.ResearchActivity;
import io.rollout.shared.Dates;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the requirement forms show in words rather than codes: the rows of their read-only tables (form-js
 * {@code table} components, which print a cell as it is), the department choices of the Clarify form, the research
 * sessions of a department and the research summary they prefill. Priorities, solutions and research methods read
 * as "Must", "Configuration", "Process mapping", departments by their display name, in the language of stored texts
 * (English, rendered per reader by {@code Translations}), as task names do.
 */
@Component
class RequirementTables {

    /** The variable of the read-only requirement table of the review, verification and approval forms. */
    static final String TABLE = "requirementTable";

    /** Must-haves first, then should and could, each by id: the order an approver reads a specification in. */
    static final Comparator<Requirement> BY_PRIORITY = Comparator.comparingInt(
                    (Requirement r) -> RequirementFields.PRIORITIES.indexOf(r.priority()) < 0
                            ? RequirementFields.PRIORITIES.size()
                            : RequirementFields.PRIORITIES.indexOf(r.priority()))
            .thenComparing(Requirement::reqId);

    private final Names names;
    private final MessageSource source;
    private final Locale locale;

    RequirementTables(Names names, MessageSource source) {
        this.names = names;
        this.source = source;
        this.locale = Messages.RECORD;
    }

    /**
     * A requirement as a row of a read-only table: every text field, with words for the codes; the solution with its
     * note ("Configuration: three-level approval flow"), so the table needs one column less.
     */
    Map<String, Object> row(Requirement r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reqId", r.reqId());
        row.put("department", names.department(r.department()));
        row.put("title", r.title());
        row.put("painPoint", text(r.painPoint()));
        row.put("goal", text(r.goal()));
        row.put("expectedEffect", text(r.expectedEffect()));
        row.put("priority", priority(r.priority()));
        row.put("acceptanceCriterion", text(r.acceptanceCriterion()));
        String solution = solution(r.solutionMatch());
        row.put(
                "solution",
                r.solutionNote() == null
                        ? solution
                        : solution.isEmpty() ? r.solutionNote() : solution + ": " + r.solutionNote());
        return row;
    }

    /** Rows of a read-only table, must-haves first. */
    List<Map<String, Object>> rows(List<Requirement> requirements) {
        return requirements.stream().sorted(BY_PRIORITY).map(this::row).toList();
    }

    /** "Must", "Should", "Could"; an unknown code as itself. */
    String priority(String code) {
        return label("requirements.label.priority.", code);
    }

    /** "Standard function", "Configuration", "Customisation", "Not covered"; empty while not matched. */
    String solution(String code) {
        return label("requirements.label.solution.", code);
    }

    /** The departments of a project as select options {@code {label, value}}, in the project's order. */
    List<Map<String, Object>> departmentOptions(List<String> departments) {
        return departments.stream()
                .map(d -> Map.<String, Object>of("label", names.department(d), "value", d))
                .toList();
    }

    /** The research sessions of a department as table rows: method, date, participants. */
    List<Map<String, Object>> sessions(List<ResearchActivity> activities) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ResearchActivity a : activities) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", method(a.method()));
            row.put("heldOn", a.heldOn() == null ? "" : Dates.date(a.heldOn()));
            row.put("participants", text(a.participants()));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The first draft of a department's research summary: one paragraph per session that has notes ("Interview on
     * 2026-03-02 with …: …"); {@code null} when no session has notes.
     */
    String researchSummary(List<ResearchActivity> activities) {
        List<String> paragraphs = activities.stream()
                .filter(a -> a.notes() != null && !a.notes().isBlank())
                .map(a -> source.getMessage(
                        "requirements.label.researchNote",
                        new Object[] {
                            method(a.method()),
                            a.heldOn() == null ? "" : Dates.date(a.heldOn()),
                            text(a.participants()),
                            a.notes().trim()
                        },
                        locale))
                .toList();
        return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    /** The department's display name, e.g. for a form's heading. */
    String department(String code) {
        return names.department(code);
    }

    private String method(String code) {
        return label("requirements.label.method.", code);
    }

    private String label(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return source.getMessage(prefix + camel(code), null, code, locale);
    }

    // message keys are camel case: not-covered → notCovered, process-mapping → processMapping
    private static String camel(String code) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : code.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
