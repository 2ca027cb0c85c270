package io.rollout.golive;

import io.rollout.shared.Problem;
import java.util.Optional;

/**
 * What a review during a cutover ({@code UserTask_ReviewWave}, {@code UserTask_ReviewDualRun},
 * {@code UserTask_HandleCriticalIncident} in {@code goLive}) must contain: the answer yes or no, and for a no the
 * comment that says why, so that a rollback is never decided without a reason on record. Plain Java.
 */
final class CutoverReviewRules {

    static final String YES = "yes";
    static final String NO = "no";

    private CutoverReviewRules() {}

    /** The problem that refuses the review, or empty when it may be recorded. */
    static Optional<Problem> check(String answer, String comment) {
        if (!YES.equals(answer) && !NO.equals(answer)) {
            return Optional.of(new Problem("form.field.choice", "Decision", "yes, no", answer == null ? "" : answer));
        }
        if (NO.equals(answer) && comment == null) {
            return Optional.of(new Problem("golive.review.commentRequired"));
        }
        return Optional.empty();
    }
}
