package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The consultant matches each requirement to a solution ({@code UserTask_MatchSolutions} in
 * {@code requirementsPhase}, form {@code matchSolutions}). On create it fills the list {@code requirements}
 * (Json: id, title, priority in words, solution, note) with every requirement that is not withdrawn, must-haves
 * first. On complete it validates every row (a known requirement, a solution of
 * standard/configuration/customisation/not-covered or empty, a note of at most 2000 characters, no id twice) and
 * refuses the whole submission with every problem, or stores the solutions and their notes (a row without the key
 * {@code solutionNote} keeps the stored note): a requirement with a solution other than {@code not-covered} becomes
 * {@code matched}, the others stay {@code clarified}. Recorded in the decision log as {@code solutionMatching}.
 */
@Component("solutionMatching")
class SolutionMatching implements TaskListener {

    static final String DECISION = "solutionMatching";

    static final int NOTE_MAX = 2000;

    private final RequirementRepository requirements;
    private final RequirementTables tables;
    private final DecisionLog decisions;
    private final Messages messages;

    SolutionMatching(RequirementRepository requirements, RequirementTables tables, DecisionLog decisions,
                     Messages messages) {
        this.requirements = requirements;
        this.tables = tables;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().setVariableLocal(RequirementCapture.ROWS, JsonRows.of(requirements.findByProject(code)
                .stream().filter(r -> !r.isWithdrawn()).sorted(RequirementTables.BY_PRIORITY).map(this::row).toList()));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, code);
        }
    }

    private void complete(DelegateTask task, String code) {
        Map<String, Requirement> stored = requirements.findByProject(code).stream().filter(r -> !r.isWithdrawn())
            .collect(Collectors.toMap(Requirement::reqId, Function.identity()));
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> matches = new LinkedHashMap<>();
        Map<String, String> notes = new HashMap<>();
        for (FormRow row : JsonRows.read(task.getVariable(RequirementCapture.ROWS))) {
            String id = RequirementFields.reqId(row.text("reqId"));
            String match = RequirementFields.solutionMatch(row.text("solutionMatch"));
            if (id == null || !stored.containsKey(id)) {
                problems.add(Problem.of("requirements.match.unknownId", row.number(), id == null ? "" : id));
                continue;
            }
            Integer first = seen.putIfAbsent(id, row.number());
            if (first != null) {
                problems.add(Problem.of("requirements.row.duplicateId", row.number(), id, first));
            }
            if (match != null && !RequirementFields.SOLUTION_MATCHES.contains(match)) {
                problems.add(Problem.of("form.row.choice", row.number(), "solutionMatch",
                    String.join("/", RequirementFields.SOLUTION_MATCHES), match));
            }
            String note = row.values().containsKey("solutionNote") ? row.text("solutionNote")
                : stored.get(id).solutionNote();
            if (note != null && note.length() > NOTE_MAX) {
                problems.add(Problem.of("requirements.row.tooLong", row.number(), "solutionNote", note.length(),
                    NOTE_MAX));
            }
            matches.put(id, match);
            notes.put(id, note);
        }
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String user = TaskForms.currentUser(task);
        matches.forEach((id, match) -> requirements.match(code, id, match, notes.get(id),
            matched(match) ? Requirement.MATCHED : Requirement.CLARIFIED, user));
        task.getExecution().removeVariableLocal(RequirementCapture.ROWS);
        long matched = matches.values().stream().filter(SolutionMatching::matched).count();
        long notCovered = matches.values().stream().filter(RequirementFields.NOT_COVERED::equals).count();
        decisions.record(new Decision(code, DECISION, "solutions of " + matches.size() + " requirements", "matched",
            List.of(), matched + " matched, " + notCovered + " not covered, "
                + (matches.size() - matched - notCovered) + " open", user, task.getProcessInstanceId()));
    }

    /** A row of the form: what the consultant reads (id, title, priority) and what they choose (solution, note). */
    private Map<String, Object> row(Requirement r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reqId", r.reqId());
        row.put("title", r.title());
        row.put("priority", tables.priority(r.priority()));
        row.put("solutionMatch", r.solutionMatch());
        row.put("solutionNote", r.solutionNote());
        return row;
    }

    private static boolean matched(String match) {
        return match != null && !RequirementFields.NOT_COVERED.equals(match);
    }
}
