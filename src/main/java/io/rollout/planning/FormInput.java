package io.rollout.planning;

import io.rollout.shared.Messages;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Helpers the task listeners of this feature share: problems found in a form submission, turning
 * them into one refusal, yes/no decisions, and who completed a task.
 */
final class FormInput {

    private FormInput() {
    }

    /** One reason to refuse a submission: a message code and its arguments ({@link Label}s are resolved too). */
    record Problem(String code, Object... args) {

        @Override
        public String toString() {
            return code + Arrays.toString(args);
        }
    }

    /** A message argument that is itself a message code, e.g. a field label. */
    record Label(String code) {
    }

    /** Refuses the submission with every problem, one per line, in the user's language. */
    static BadUserRequestException refuse(Messages messages, List<Problem> problems) {
        List<String> lines = problems.stream()
            .map(p -> messages.get(p.code(), resolve(messages, p.args())))
            .toList();
        return new BadUserRequestException(String.join("\n", lines));
    }

    private static Object[] resolve(Messages messages, Object[] args) {
        return Arrays.stream(args).map(a -> a instanceof Label l ? messages.get(l.code()) : a).toArray();
    }

    /**
     * A yes/no decision as a form submits it (radio "yes"/"no") or a REST client sends it (Boolean):
     * {@code null} when missing or anything else.
     */
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

    /** Trimmed text of a variable, {@code null} when missing or blank. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    /** The user completing the task: the authenticated user, else the assignee, else "unknown". */
    static String userOf(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    /** User text made safe to place inside Markdown shown by a form's text component. */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_{}[]()<>#|!~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
