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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ExecuteUatRound} (form {@code executeUatRound}), one task per key user of the
 * round ({@code tester}). On create it prefills the read-only table {@code caseDetails} (what to do and expect, the
 * last result) and the dynamic list {@code results} (one row to fill per case, the defect's module preset to the
 * case's) with the cases assigned to that tester in round {@code uatRound}; on complete it validates every row —
 * only the tester's own cases, each with a result, a comment for a blocked case, and for a failure the defect's
 * severity and description unless the failure is a failed retest of a fixed defect — and then records the results:
 * a fail raises a defect (module from the row or the case) or reopens the case's fixed defects, a pass closes
 * (verifies) them.
 */
@Component("uatRoundRecorder")
class UatRoundRecorder implements TaskListener {

    static final String ROWS = "results";
    static final String DETAILS = "caseDetails";
    static final List<String> RESULTS = List.of("pass", "fail", "blocked");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

    private final UatRepository repository;
    private final Messages messages;
    private final UatLabels labels;

    UatRoundRecorder(UatRepository repository, Messages messages, UatLabels labels) {
        this.repository = repository;
        this.messages = messages;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        int round = ((Number) task.getVariable("uatRound")).intValue();
        String tester = (String) task.getVariable("tester");
        Map<String, TestCase> cases = repository.testCases(projectCode).stream()
            .collect(Collectors.toMap(TestCase::caseId, Function.identity()));
        Set<String> mine = repository.roundTesters(projectCode, round).entrySet().stream()
            .filter(e -> e.getValue().equals(tester)).map(Map.Entry::getKey).collect(Collectors.toCollection(
                java.util.TreeSet::new));
        Set<String> toRetest = repository.defects(projectCode, Defect.FIXED).stream().map(Defect::caseId)
            .collect(Collectors.toSet());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Map<String, UatRepository.LatestResult> latest = repository.latestResultDetails(projectCode);
            task.setVariableLocal(DETAILS, JsonRows.of(mine.stream()
                .map(id -> details(cases.get(id), labels.lastResult(latest.get(id), toRetest.contains(id))))
                .toList()));
            task.setVariableLocal(ROWS, JsonRows.of(mine.stream().map(id -> prefill(cases.get(id))).toList()));
            return;
        }
        List<Execution> executions = validate(JsonRows.read(TaskForms.submitted(task, ROWS)), cases, mine, toRetest,
            tester);
        String user = TaskForms.currentUser(task);
        for (Execution e : executions) {
            repository.recordResult(projectCode, e.caseId(), round, e.result(), e.comment(), user);
            if ("fail".equals(e.result())) {
                repository.reopenFixedDefects(projectCode, e.caseId(), round, e.comment(), user);
                if (e.severity() != null) {
                    repository.openDefect(projectCode, e.caseId(), round, e.severity(), e.module(), e.description(),
                        user);
                }
            } else if (UatGateRule.PASS.equals(e.result())) {
                repository.closeFixedDefects(projectCode, e.caseId(), round, user);
            }
        }
    }

    private List<Execution> validate(List<FormRow> rows, Map<String, TestCase> cases, Set<String> mine,
                                     Set<String> toRetest, String tester) {
        List<String> problems = new ArrayList<>();
        List<Execution> executions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : rows) {
            String caseId = row.text("caseId");
            if (caseId == null) {
                problems.add(messages.get("form.row.required", row.number(), label("caseId")));
                continue;
            }
            if (!cases.containsKey(caseId)) {
                problems.add(messages.get("uat.round.unknownCase", row.number(), caseId));
                continue;
            }
            if (!mine.contains(caseId)) {
                problems.add(messages.get("uat.round.notYourCase", row.number(), caseId, tester));
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
            String module = row.text("defectModule") == null ? cases.get(caseId).module() : row.text("defectModule");
            boolean newDefect = severity != null || description != null;
            if (result == null) {
                problems.add(messages.get("form.row.required", row.number(), label("result")));
            } else if (!RESULTS.contains(result)) {
                problems.add(messages.get("form.row.choice", row.number(), label("result"), String.join("/", RESULTS),
                    result));
            } else if ("fail".equals(result)) {
                if (newDefect || !toRetest.contains(caseId)) {
                    if (severity == null) {
                        problems.add(messages.get("uat.round.failNeedsDefect", row.number(), caseId,
                            label("defectSeverity")));
                    } else if (!SEVERITIES.contains(severity)) {
                        problems.add(messages.get("form.row.choice", row.number(), label("defectSeverity"),
                            String.join("/", SEVERITIES), severity));
                    }
                    if (description == null) {
                        problems.add(messages.get("uat.round.failNeedsDefect", row.number(), caseId,
                            label("defectDescription")));
                    }
                }
            } else if (newDefect) {
                problems.add(messages.get("uat.round.defectOnlyOnFail", row.number(), caseId));
            } else if ("blocked".equals(result) && comment == null) {
                problems.add(messages.get("uat.round.blockedNeedsComment", row.number(), caseId));
            }
            tooLong(problems, row, description, "defectDescription");
            tooLong(problems, row, comment, "comment");
            executions.add(new Execution(caseId, result, comment, severity, module, description));
        }
        List<String> missing = mine.stream().filter(id -> !seen.contains(id)).toList();
        if (!missing.isEmpty()) {
            problems.add(messages.get("uat.round.missingCases", String.join(", ", missing)));
        }
        if (mine.isEmpty()) {
            problems.add(messages.get("uat.round.empty"));
        }
        FormInput.refuseIfAny(problems);
        return executions;
    }

    private void tooLong(List<String> problems, FormRow row, String value, String field) {
        if (value != null && value.length() > 2000) {
            problems.add(messages.get("uat.row.tooLong", row.number(), label(field), 2000));
        }
    }

    private String label(String key) {
        return messages.get("uat.field." + key);
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

    private record Execution(String caseId, String result, String comment, String severity, String module,
                             String description) {
    }
}
