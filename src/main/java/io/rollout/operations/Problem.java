package io.rollout.operations;

import io.rollout.shared.Messages;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** One reason a submission is refused: a message key and its arguments, resolved by {@link Messages}. */
record Problem(String code, Object... args) {

    /** Refuses a submission naming every problem found, one per line, so the user fixes all at once. */
    static BadUserRequestException reject(Messages messages, List<Problem> problems) {
        return new BadUserRequestException(problems.stream().map(p -> messages.get(p.code(), p.args()))
            .collect(Collectors.joining("\n")));
    }
}
