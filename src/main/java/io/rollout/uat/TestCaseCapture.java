package io.rollout.uat;

import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Names;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PrepareTestCases} (form {@code prepareTestCases}). On create it prefills the dynamic
 * list {@code testCases} with the project's test cases and the read-only table {@code requirementsTable} with the
 * requirements to trace them to (id, title, priority, department, the cases covering each), so key users see what is
 * still uncovered; on complete it validates every submitted row (required fields, priority, requirement ids that
 * exist in the project, no duplicate case ids) and only then inserts or updates the cases.
 */
@Component("testCaseCapture")
class TestCaseCapture extends FormTaskListener {

    static final String ROWS = "testCases";
    static final String REQUIREMENTS = "requirementsTable";

    private final UatRepository repository;
    private final TestCaseRows validator;
    private final Names names;

    TestCaseCapture(UatRepository repository, TestCaseRows validator, Names names) {
        this.repository = repository;
        this.validator = validator;
        this.names = names;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<TestCase> cases = repository.testCases(projectCode);
        task.setVariableLocal(
                ROWS, JsonRows.of(cases.stream().map(TestCaseCapture::row).toList()));
        task.setVariableLocal(REQUIREMENTS, JsonRows.of(requirements(projectCode, cases)));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        TestCaseRows.Result result = validator.validate(
                JsonRows.read(TaskForms.submitted(task, ROWS)), repository.requirementIds(projectCode));
        FormInput.refuseIfAny(result.problems());
        repository.saveTestCases(projectCode, result.cases(), TaskForms.currentUser(task));
    }

    /** A test case as a row of the form's list {@code testCases}. */
    static Map<String, Object> row(TestCase c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", c.caseId());
        row.put("title", c.title());
        row.put("requirementIds", String.join(", ", c.requirementIds()));
        row.put("module", c.module());
        row.put("priority", c.priority());
        row.put("steps", c.steps());
        row.put("expectedResult", c.expectedResult());
        return row;
    }

    private List<Map<String, Object>> requirements(String projectCode, List<TestCase> cases) {
        Map<String, List<String>> covering = new TreeMap<>();
        cases.forEach(c -> c.requirementIds()
                .forEach(id ->
                        covering.computeIfAbsent(id, k -> new ArrayList<>()).add(c.caseId())));
        return repository.requirements(projectCode).stream()
                .map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", r.id());
                    row.put("title", r.title());
                    row.put("priority", r.priority());
                    row.put("department", names.department(r.department()));
                    row.put("cases", String.join(", ", covering.getOrDefault(r.id(), List.of("-"))));
                    return row;
                })
                .toList();
    }
}
