package io.rollout.shared;

import java.util.List;

/**
 * What a feature's {@code *Rules} make of a submission: the checked value, or the problems that refuse it (then
 * {@code value} is {@code null}). The listener stores the value or throws {@link Problem#reject} with all problems.
 *
 * @param <T> the checked value
 */
public record Checked<T>(T value, List<Problem> problems) {

    /** Whether nothing refuses the submission. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The value when {@code problems} is empty, else the problems alone. */
    public static <T> Checked<T> of(T value, List<Problem> problems) {
        return problems.isEmpty() ? new Checked<>(value, List.of()) : new Checked<>(null, List.copyOf(problems));
    }
}
