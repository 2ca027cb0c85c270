package io.rollout.uat;

import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import io.rollout.uat.UatRules.Execution;
import io.rollout.uat.UatRules.Round;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ExecuteUatRound} (form {@code executeUatRound}), one task per key user of the
 * round ({@code tester}). On create it prefills the read-only table {@code caseDetails} (what to do and expect, the
 * last result) and the dynamic list {@code results} (one row to fill per case, the defect's module preset to the
 * case's) with the cases assigned to that tester in round {@code uatRound}; on complete it checks every row with
 * {@link UatRules#results} — only the tester's own cases, each with a result, a comment for a blocked case, and for a
 * failure the defect's severity and description unless the failure is a failed retest of a fixed defect — and then
 * records the results: a fail raises a defect (module from the row or the case) or reopens the case's fixed
 * defects, a pass closes (verifies) them.
 */
@Component("uatRoundRecorder")
class UatRoundRecorder extends FormTaskListener {

    static final String ROWS = "results";
    static final String DETAILS = "caseDetails";

    private final UatRepository repository;
    private final Messages messages;
    private final UatLabels labels;

    UatRoundRecorder(UatRepository repository, Messages messages, UatLabels labels) {
        this.repository = repository;
        this.messages = messages;
        this.labels = labels;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Round round = round(task);
        Map<String, UatRepository.LatestResult> latest = repository.latestResultDetails(projectCode);
        task.setVariableLocal(
                DETAILS,
                JsonRows.of(round.mine().stream()
                        .map(id -> details(
                                round.cases().get(id),
                                labels.lastResult(
                                        latest.get(id), round.toRetest().contains(id))))
                        .toList()));
        task.setVariableLocal(
                ROWS,
                JsonRows.of(round.mine().stream()
                        .map(id -> prefill(round.cases().get(id)))
                        .toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        int round = ProcessVariables.integer(task, "uatRound");
        Checked<List<Execution>> checked =
                UatRules.results(JsonRows.read(TaskForms.submitted(task, ROWS)), round(task));
        if (!checked.valid()) {
            throw Problem.reject(messages, checked.problems());
        }
        String user = TaskForms.currentUser(task);
        for (Execution e : checked.value()) {
            repository.recordResult(projectCode, e.caseId(), round, e.result(), e.comment(), user);
            if ("fail".equals(e.result())) {
                repository.reopenFixedDefects(projectCode, e.caseId(), round, e.comment(), user);
                if (e.severity() != null) {
                    repository.openDefect(
                            projectCode, e.caseId(), round, e.severity(), e.module(), e.description(), user);
                }
            } else if (UatGateRule.PASS.equals(e.result())) {
                repository.closeFixedDefects(projectCode, e.caseId(), round, user);
            }
        }
    }

    /** The task's tester, their cases in round {@code uatRound}, the project's cases and those to retest. */
    private Round round(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String tester = ProcessVariables.string(task, "tester");
        Map<String, TestCase> cases = repository.testCases(projectCode).stream()
                .collect(Collectors.toMap(TestCase::caseId, Function.identity()));
        Set<String> mine =
                repository.roundTesters(projectCode, ProcessVariables.integer(task, "uatRound")).entrySet().stream()
                        .filter(e -> e.getValue().equals(tester))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toCollection(TreeSet::new));
        Set<String> toRetest = repository.defects(projectCode, Defect.FIXED).stream()
                .map(Defect::caseId)
                .collect(Collectors.toSet());
        return new Round(tester, mine, cases, toRetest);
    }

    private static Map<String, Object> details(TestCase c, String lastResult) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", c.caseId());
        row.put("title", c.title());
        row.put("requirementIds", String.join(", ", c.requirementIds()));
        row.put("steps", c.steps());
        row.put("expectedResult", c.expectedResult());
        row.put("lastResult", lastResult);
        return row;
    }

    private static Map<String, Object> prefill(TestCase c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", c.caseId());
        row.put("result", null);
        row.put("comment", null);
        row.put("defectSeverity", null);
        row.put("defectModule", c.module());
        row.put("defectDescription", null);
        return row;
    }
}
