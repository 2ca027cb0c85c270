package io.rollout.requirements;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: the authenticated user, else the assignee, else {@code unknown}. */
final class TaskUser {

    private TaskUser() {
    }

    static String of(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    /** A yes/no form answer: {@code true}/{@code yes}, {@code false}/{@code no}, {@code null} when not given. */
    static Boolean yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value == null ? "" : value.toString().trim().toLowerCase();
        return switch (text) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    static String text(Object value) {
        String text = value == null ? null : value.toString().trim();
        return text == null || text.isEmpty() ? null : text;
    }
}
