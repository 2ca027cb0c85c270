package io.rollout.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Prefilling and reading the form values of a user task inside its task listener, and who completes it.
 *
 * <p>A value prefilled as a task-local variable comes back by two roads: Tasklist's submit-form
 * updates the task-local variable, while the REST/Java complete call writes it on the process
 * instance. Both are accepted, and the process-level copy is removed (when the task is created and
 * when the value is read) because lists belong in our tables, not in process variables.
 */
public final class TaskForms {

    private TaskForms() {}

    /** Prefills a form value as a task-local variable, dropping a stale process-level copy. */
    public static void prefill(DelegateTask task, String name, Object value) {
        DelegateExecution execution = task.getExecution();
        if (execution != null) {
            execution.removeVariable(name);
        }
        task.setVariableLocal(name, value);
    }

    /**
     * The value submitted for a variable that {@link #prefill} (or a create listener) set task-locally:
     * the one the complete call set on the process instance when it set one (which is then removed
     * there), else the task-local one.
     */
    public static Object submitted(DelegateTask task, String name) {
        DelegateExecution execution = task.getExecution();
        if (execution != null && execution.hasVariable(name)) {
            Object value = execution.getVariable(name);
            execution.removeVariable(name);
            return value;
        }
        return task.getVariableLocal(name);
    }

    /** Trimmed text of a task variable, {@code null} when missing or blank; see {@link FormInput#text}. */
    public static String text(DelegateTask task, String name) {
        return FormInput.text(task.getVariable(name));
    }

    /** The user completing the task: the authenticated user, else the assignee, else {@code unknown}. */
    public static String currentUser(DelegateTask task) {
        Authentication auth =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    /**
     * The user who submitted a process's start form: the authenticated user, else the value of the start event's
     * {@code camunda:initiator} variable, else {@code unknown}.
     */
    public static String starter(DelegateExecution execution, String initiatorVariable) {
        Authentication auth =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        Object initiator = execution.getVariable(initiatorVariable);
        return initiator == null ? "unknown" : initiator.toString();
    }
}
