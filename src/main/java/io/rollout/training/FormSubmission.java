package io.rollout.training;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reading what a form submitted, and who submitted it, inside a task listener. */
final class FormSubmission {

    private FormSubmission() {
    }

    /**
     * The value a form submitted for a list that the create listener prefilled as a task-local variable.
     * Tasklist ({@code submit-form}) updates the task-local variable; {@code TaskService.complete} with
     * variables sets them on the execution instead. Both are accepted, and the process-level copy is
     * removed because the rows belong in our tables, not in process variables.
     */
    static Object rows(DelegateTask task, String name) {
        DelegateExecution execution = task.getExecution();
        if (execution != null && execution.hasVariable(name)) {
            Object value = execution.getVariable(name);
            execution.removeVariable(name);
            return value;
        }
        return task.getVariableLocal(name);
    }

    /** The user completing the task: the authenticated user, else the assignee, else {@code unknown}. */
    static String user(DelegateTask task) {
        Authentication authentication =
            task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    /** Refuses a submission with every problem found, one per line; nothing is stored. */
    static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BadUserRequestException(String.join("\n", problems));
        }
    }
}
