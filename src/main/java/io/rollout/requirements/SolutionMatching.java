package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.requirements.RequirementRules.Matches;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The consultant matches each requirement to a solution ({@code UserTask_MatchSolutions} in
 * {@code requirementsPhase}, form {@code matchSolutions}). On create it fills the list {@code requirements}
 * (Json: id, title, priority in words, solution, note) with every requirement that is not withdrawn, must-haves
 * first. On complete it validates every row with {@link RequirementRules#matches} (a known requirement, a solution of
 * standard/configuration/customisation/not-covered or empty, a note of at most 2000 characters, no id twice) and
 * refuses the whole submission with every problem, or stores the solutions and their notes (a row without the key
 * {@code solutionNote} keeps the stored note): a requirement with a solution other than {@code not-covered} becomes
 * {@code matched}, the others stay {@code clarified}. Recorded in the decision log as {@code solutionMatching}.
 */
@Component("solutionMatching")
class SolutionMatching extends FormTaskListener {

    static final String DECISION = "solutionMatching";

    private final RequirementRepository requirements;
    private final RequirementTables tables;
    private final DecisionLog decisions;
    private final Messages messages;

    SolutionMatching(
            RequirementRepository requirements, RequirementTables tables, DecisionLog decisions, Messages messages) {
        this.requirements = requirements;
        this.tables = tables;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        task.getExecution()
                .setVariableLocal(
                        RequirementCapture.ROWS,
                        JsonRows.of(requirements.findByProject(ProcessVariables.projectCode(task)).stream()
                                .filter(r -> !r.isWithdrawn())
                                .sorted(RequirementTables.BY_PRIORITY)
                                .map(this::row)
                                .toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String code = ProcessVariables.projectCode(task);
        Map<String, Requirement> stored = requirements.findByProject(code).stream()
                .filter(r -> !r.isWithdrawn())
                .collect(Collectors.toMap(Requirement::reqId, Function.identity()));
        Matches submitted = RequirementRules.matches(JsonRows.read(task.getVariable(RequirementCapture.ROWS)), stored);
        if (!submitted.problems().isEmpty()) {
            throw Problem.reject(messages, submitted.problems());
        }
        Map<String, String> matches = submitted.solutions();
        Map<String, String> notes = submitted.notes();
        String user = TaskForms.currentUser(task);
        matches.forEach((id, match) -> requirements.match(
                code, id, match, notes.get(id), matched(match) ? Requirement.MATCHED : Requirement.CLARIFIED, user));
        task.getExecution().removeVariableLocal(RequirementCapture.ROWS);
        long matched =
                matches.values().stream().filter(SolutionMatching::matched).count();
        long notCovered = matches.values().stream()
                .filter(RequirementFields.NOT_COVERED::equals)
                .count();
        decisions.record(new Decision(
                code,
                DECISION,
                "solutions of " + matches.size() + " requirements",
                "matched",
                List.of(),
                matched + " matched, " + notCovered + " not covered, " + (matches.size() - matched - notCovered)
                        + " open",
                user,
                task.getProcessInstanceId()));
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
