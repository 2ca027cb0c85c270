package io.rollout.governance;

import io.rollout.shared.FormInput;
import io.rollout.shared.TaskForms;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_HandCancellationToProject} of {@code cancelProject}, the process a steering committee member
 * starts in Tasklist ("Cancel project"): records the decision through {@link ProjectCancellations}, which ends
 * the project's phases, and makes the project code the business key. Only the steering committee (and
 * administrators) may start it (authorization {@code CREATE_INSTANCE} on {@code cancelProject}, see
 * {@code IdentitySetup}); a refusal rolls the start back and Tasklist shows the reason.
 *
 * <p>Reads {@code projectCode} and {@code cancellationReason}; writes {@code cancellationId}.
 */
@Component("projectCancellationIntake")
class ProjectCancellationIntake implements JavaDelegate {

    private final ProjectCancellations cancellations;

    ProjectCancellationIntake(ProjectCancellations cancellations) {
        this.cancellations = cancellations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = FormInput.text(execution.getVariable("projectCode"));
        code = code == null ? "" : code.toUpperCase();
        String user = TaskForms.starter(execution, "cancellationInitiator");
        long id = cancellations.cancel(code, FormInput.text(execution.getVariable("cancellationReason")), user);
        execution.setProcessBusinessKey(code);
        execution.setVariable("projectCode", code);
        execution.setVariable("cancellationId", id);
    }
}
