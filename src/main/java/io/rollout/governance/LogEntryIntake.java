package io.rollout.governance;

import io.rollout.governance.RisksAndIssues.NewEntry;
import io.rollout.shared.FormInput;
import io.rollout.shared.TaskForms;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SubmitRiskOrIssue} of {@code raiseRiskOrIssue}, the process every role can start in Tasklist
 * ("Raise risk or issue"): raises the start form's entry through {@link RisksAndIssues} and makes the project code
 * the business key. A refusal rolls the start back and Tasklist shows the reasons.
 *
 * <p>Reads {@code projectCode}, {@code kind}, {@code title}, {@code description}, {@code probability},
 * {@code impact}, {@code severity}, {@code owner}, {@code dueDate}; writes {@code logEntryId}.
 */
@Component("logEntryIntake")
class LogEntryIntake implements JavaDelegate {

    private final RisksAndIssues risksAndIssues;

    LogEntryIntake(RisksAndIssues risksAndIssues) {
        this.risksAndIssues = risksAndIssues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = text(execution, "projectCode");
        code = code == null ? "" : code.toUpperCase();
        long id = risksAndIssues.raise(code, new NewEntry(text(execution, "kind"), text(execution, "title"),
            text(execution, "description"), execution.getVariable("probability"), execution.getVariable("impact"),
            text(execution, "severity"), text(execution, "owner"), text(execution, "dueDate")),
            TaskForms.starter(execution, "raisedBy"));
        execution.setProcessBusinessKey(code);
        execution.setVariable("projectCode", code);
        execution.setVariable("logEntryId", id);
    }

    private static String text(DelegateExecution execution, String name) {
        return FormInput.text(execution.getVariable(name));
    }
}
