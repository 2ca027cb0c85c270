package io.rollout.change;

import io.rollout.shared.FormInput;
import io.rollout.shared.TaskForms;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SubmitChangeRequest} of {@code changeRequest}, the process business users start in Tasklist
 * ("Raise change request"): raises the change request of the start form through {@link ChangeRequests} and makes
 * the project code the business key. A refusal rolls the start back and Tasklist shows the reasons.
 *
 * <p>Reads {@code projectCode}, {@code description}, {@code changeReason}, {@code affectedRequirements} (ids
 * separated by commas, spaces or lines), {@code affectedMilestones} (one milestone name per line);
 * writes {@code changeRequestId}.
 */
@Component("changeRequestIntake")
class ChangeRequestIntake implements JavaDelegate {

    private final ChangeRequests changeRequests;

    ChangeRequestIntake(ChangeRequests changeRequests) {
        this.changeRequests = changeRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = FormInput.text(execution.getVariable("projectCode"));
        code = code == null ? "" : code.toUpperCase();
        long id = changeRequests.raise(
                code,
                FormInput.text(execution.getVariable("description")),
                FormInput.text(execution.getVariable("changeReason")),
                split(execution.getVariable("affectedRequirements"), "[,;\\s]+"),
                split(execution.getVariable("affectedMilestones"), "\\R"),
                TaskForms.starter(execution, "changeInitiator"));
        execution.setProcessBusinessKey(code);
        execution.setVariable("projectCode", code);
        execution.setVariable(ChangeRequests.ID, id);
    }

    static List<String> split(Object value, String separator) {
        String text = FormInput.text(value);
        return text == null
                ? List.of()
                : Arrays.stream(text.split(separator))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
