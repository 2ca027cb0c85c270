package io.rollout.requirements;

import java.util.List;

/**
 * A reason to refuse input or a sign-off, as a message code and its arguments; the caller turns it into
 * text in the user's language. Keeps the plain rule classes free of Spring.
 *
 * @param code a key of {@code messages/requirements.properties} or {@code messages/core.properties}
 */
record Problem(String code, List<Object> args) {

    static Problem of(String code, Object... args) {
        return new Problem(code, List.of(args));
    }

    Object[] argArray() {
        return args.toArray();
    }
}
