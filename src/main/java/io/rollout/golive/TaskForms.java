package io.rollout.golive;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads and prefills form values of user tasks. A value prefilled as a task-local variable comes back
 * by two roads: Tasklist's submit-form updates the task-local variable, the REST/Java complete call
 * writes it on the process instance. Removing the process-level copy when the task is created and
 * when it is recorded keeps the two apart, and keeps big lists out of the process variables.
 */
final class TaskForms {

    private TaskForms() {
    }

    static void prefill(DelegateTask task, String name, Object value) {
        task.getExecution().removeVariable(name);
        task.setVariableLocal(name, value);
    }

    static Object submitted(DelegateTask task, String name) {
        Object fromCompleteCall = task.getExecution().getVariable(name);
        return fromCompleteCall != null ? fromCompleteCall : task.getVariableLocal(name);
    }

    static void forget(DelegateTask task, String name) {
        task.getExecution().removeVariable(name);
    }

    static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString().trim();
    }

    /** A yes/no field: a checkbox submits a boolean, a radio or select {@code yes}/{@code no}. */
    static Boolean yesNo(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("no") || text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The user who completes the task: the authenticated one, else the assignee, else {@code unknown}. */
    static String currentUser(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
