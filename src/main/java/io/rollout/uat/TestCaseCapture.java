package io.rollout.uat;

import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PrepareTestCases} (form {@code prepareTestCases}). On create it
 * prefills the dynamic list {@code testCases} with the project's test cases; on complete it
 * validates every submitted row (required fields, priority, requirement ids that exist in the
 * project, no duplicate case ids) and only then inserts or updates the cases.
 */
@Component("testCaseCapture")
class TestCaseCapture implements TaskListener {

    static final String ROWS = "testCases";

    private final UatRepository repository;
    private final TestCaseRows validator;

    TestCaseCapture(UatRepository repository, TestCaseRows validator) {
        this.repository = repository;
        this.validator = validator;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ROWS, JsonRows.of(repository.testCases(projectCode).stream().map(TestCaseCapture::row)
                .toList()));
            return;
        }
        TestCaseRows.Result result = validator.validate(JsonRows.read(TaskForms.submitted(task, ROWS)),
            repository.requirementIds(projectCode));
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
}
