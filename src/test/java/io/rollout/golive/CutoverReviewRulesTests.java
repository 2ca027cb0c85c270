package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import org.junit.jupiter.api.Test;

class CutoverReviewRulesTests {

    @Test
    void aYesNeedsNoComment() {
        assertThat(CutoverReviewRules.check("yes", null)).isEmpty();
    }

    @Test
    void aNoNeedsTheCommentThatSaysWhy() {
        assertThat(CutoverReviewRules.check("no", null)).contains(new Problem("golive.review.commentRequired"));
        assertThat(CutoverReviewRules.check("no", "Stock differs in the warehouse"))
                .isEmpty();
    }

    @Test
    void anAnswerOtherThanYesOrNoIsRefused() {
        assertThat(CutoverReviewRules.check(null, "fine"))
                .contains(new Problem("form.field.choice", "Decision", "yes, no", ""));
        assertThat(CutoverReviewRules.check("maybe", null))
                .contains(new Problem("form.field.choice", "Decision", "yes, no", "maybe"));
    }
}
