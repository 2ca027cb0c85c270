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
 * {@code impact}, {@code severity}, {@code ownership} and {@code dueDate}; writes {@code logEntryId}. A start form
 * cannot offer people to choose from (Tasklist reads no variables for it), so the form asks only whether the one
 * who raises it owns it ({@code ownership} {@code me}, with a due date) or the PMO chooses an owner ({@code pmo},
 * task "Assign an owner"). A REST client may name an {@code owner} with a {@code dueDate} instead.
 */
@Component("logEntryIntake")
class LogEntryIntake implements JavaDelegate {

    static final String OWN_IT = "me";
    static final String PMO_CHOOSES = "pmo";

    private final RisksAndIssues risksAndIssues;

    LogEntryIntake(RisksAndIssues risksAndIssues) {
        this.risksAndIssues = risksAndIssues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = text(execution, "projectCode");
        code = code == null ? "" : code.toUpperCase();
        String raisedBy = TaskForms.starter(execution, "raisedBy");
        String ownership = text(execution, "ownership");
        String owner = text(execution, "owner");
        String dueDate = text(execution, "dueDate");
        if (OWN_IT.equals(ownership)) {
            owner = raisedBy;
        } else if (PMO_CHOOSES.equals(ownership)) {
            owner = null;
            dueDate = null;
        }
        long id = risksAndIssues.raise(
                code,
                new NewEntry(
                        text(execution, "kind"),
                        text(execution, "title"),
                        text(execution, "description"),
                        execution.getVariable("probability"),
                        execution.getVariable("impact"),
                        text(execution, "severity"),
                        owner,
                        dueDate),
                raisedBy);
        execution.setProcessBusinessKey(code);
        execution.setVariable("projectCode", code);
        execution.setVariable(RisksAndIssues.ID, id);
    }

    private static String text(DelegateExecution execution, String name) {
        return FormInput.text(execution.getVariable(name));
    }
}
