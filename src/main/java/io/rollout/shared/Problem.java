package io.rollout.shared;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * One reason to refuse input or to fail a gate: a message code and its arguments. Rule classes return
 * problems so they stay free of Spring; the listener or delegate turns them into text with
 * {@link Messages}. An argument that is a {@link Label} is itself resolved as a message code (a field
 * label in the user's language). Two problems are equal when code and arguments are equal.
 *
 * @param code a message key, e.g. {@code form.row.required} or {@code requirements.row.duplicateId}
 * @param args the message arguments
 */
public record Problem(String code, Object... args) {

    /** A problem with the given code and arguments. */
    public static Problem of(String code, Object... args) {
        return new Problem(code, args);
    }

    /** A message argument that is itself a message code, e.g. a field label. */
    public record Label(String code) {}

    /** The problem as text in the current request's language, {@link Label} arguments resolved. */
    public String text(Messages messages) {
        Object[] resolved = Arrays.stream(args)
                .map(a -> a instanceof Label l ? messages.get(l.code()) : a)
                .toArray();
        return messages.get(code, resolved);
    }

    /**
     * Refuses a submission naming every problem found, one per line in the user's language, so the user
     * fixes all at once; thrown from a task listener nothing is stored.
     */
    public static BadUserRequestException reject(Messages messages, List<Problem> problems) {
        return FormInput.refusal(problems.stream().map(p -> p.text(messages)).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Problem p && code.equals(p.code) && Arrays.deepEquals(args, p.args);
    }

    @Override
    public int hashCode() {
        return 31 * code.hashCode() + Arrays.deepHashCode(args);
    }

    @Override
    public String toString() {
        return code + Arrays.deepToString(args);
    }
}
