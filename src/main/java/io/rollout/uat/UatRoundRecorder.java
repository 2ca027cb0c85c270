package io.rollout.uat;

import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ExecuteUatRound} (form {@code executeUatRound}). On create it
 * prefills the dynamic list {@code results} with one row per test case; on complete it validates
 * every row (a result for each, a failed test needs a defect severity and description) and then
 * records the round: round = last round + 1, one result per row, a new open defect per failure,
 * and a pass closes the fixed defects of its case (the fix is verified). Open defects stay open
 * until a developer fixes them. Writes {@code uatRound}.
 */
@Component("uatRoundRecorder")
class UatRoundRecorder implements TaskListener {

    static final String ROWS = "results";
    static final List<String> RESULTS = List.of("pass", "fail", "blocked");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

    private final UatRepository repository;
    private final Messages messages;

    UatRoundRecorder(UatRepository repository, Messages messages) {
        this.repository = repository;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Map<String, String> latest = repository.latestResults(projectCode);
            task.setVariableLocal(ROWS, JsonRows.of(repository.testCases(projectCode).stream()
                .map(c -> prefill(c, latest.get(c.caseId()))).toList()));
            return;
        }
        Set<String> known = repository.testCases(projectCode).stream().map(TestCase::caseId).collect(Collectors.toSet());
        List<Execution> executions = validate(JsonRows.read(TaskForms.submitted(task, ROWS)), known);
        int round = repository.lastRound(projectCode) + 1;
        String tester = TaskForms.currentUser(task);
        for (Execution e : executions) {
            repository.recordResult(projectCode, e.caseId(), round, e.result(), e.comment(), tester);
            if ("fail".equals(e.result())) {
                repository.openDefect(projectCode, e.caseId(), round, e.severity(), e.description(), tester);
            } else if (UatGateRule.PASS.equals(e.result())) {
                repository.closeFixedDefects(projectCode, e.caseId());
            }
        }
        task.getExecution().setVariable("uatRound", round);
    }

    private List<Execution> validate(List<FormRow> rows, Set<String> knownCases) {
        List<String> problems = new ArrayList<>();
        List<Execution> executions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : rows) {
            String caseId = row.text("caseId");
            if (caseId == null) {
                problems.add(messages.get("form.row.required", row.number(), label("caseId")));
                continue;
            }
            if (!knownCases.contains(caseId)) {
                problems.add(messages.get("uat.round.unknownCase", row.number(), caseId));
                continue;
            }
            if (!seen.add(caseId)) {
                problems.add(messages.get("uat.case.duplicate", row.number(), caseId));
                continue;
            }
            String result = row.text("result");
            String severity = row.text("defectSeverity");
            String description = row.text("defectDescription");
            String comment = row.text("comment");
            if (result == null) {
                problems.add(messages.get("form.row.required", row.number(), label("result")));
            } else if (!RESULTS.contains(result)) {
                problems.add(messages.get("form.row.choice", row.number(), label("result"), String.join("/", RESULTS),
                    result));
            } else if ("fail".equals(result)) {
                if (severity == null) {
                    problems.add(messages.get("uat.round.failNeedsDefect", row.number(), caseId, label("defectSeverity")));
                } else if (!SEVERITIES.contains(severity)) {
                    problems.add(messages.get("form.row.choice", row.number(), label("defectSeverity"),
                        String.join("/", SEVERITIES), severity));
                }
                if (description == null) {
                    problems.add(messages.get("uat.round.failNeedsDefect", row.number(), caseId,
                        label("defectDescription")));
                }
            } else if (severity != null || description != null) {
                problems.add(messages.get("uat.round.defectOnlyOnFail", row.number(), caseId));
            }
            if (description != null && description.length() > 2000) {
                problems.add(messages.get("uat.row.tooLong", row.number(), label("defectDescription"), 2000));
            }
            if (comment != null && comment.length() > 2000) {
                problems.add(messages.get("uat.row.tooLong", row.number(), label("comment"), 2000));
            }
            executions.add(new Execution(caseId, result, comment, severity, description));
        }
        if (rows.isEmpty()) {
            problems.add(messages.get("uat.round.empty"));
        }
        FormInput.refuseIfAny(problems);
        return executions;
    }

    private String label(String key) {
        return messages.get("uat.field." + key);
    }

    private static Map<String, Object> prefill(TestCase c, String lastResult) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", c.caseId());
        row.put("title", c.title());
        row.put("lastResult", lastResult == null ? "-" : lastResult);
        row.put("result", null);
        row.put("comment", null);
        row.put("defectSeverity", null);
        row.put("defectDescription", null);
        return row;
    }

    private record Execution(String caseId, String result, String comment, String severity, String description) {
    }
}
