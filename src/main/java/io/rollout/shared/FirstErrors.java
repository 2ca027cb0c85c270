package io.rollout.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * What a refusal shows of many errors: the first {@value #MAX} and how many more there are ("… and 19,900 more
 * errors."). A file of 20,000 bad rows named every row before, an answer of megabytes that no one reads past the
 * first screen; the user fixes the kind of mistake and uploads again. Used by {@link ApiErrors}, {@link RejectedInput}
 * (forms in Tasklist) and the requirement import.
 */
public final class FirstErrors {

    /** The most errors an answer lists. */
    public static final int MAX = 100;

    private FirstErrors() {}

    /** The errors as they are when there are at most {@value #MAX}, else the first ones and a line counting the rest. */
    public static List<String> of(List<String> errors, Messages messages) {
        if (errors.size() <= MAX) {
            return errors;
        }
        List<String> shown = new ArrayList<>(errors.subList(0, MAX));
        shown.add(messages.get("form.errors.more", errors.size() - MAX));
        return shown;
    }
}
