package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostImplementationReviewRulesTests {

    final PostImplementationReviewRules rules = new PostImplementationReviewRules();

    static Map<String, Object> review() {
        Map<String, Object> values = new HashMap<>();
        values.put("hoursSavedPerMonth", 320);
        values.put("errorRateBeforePct", 6.5);
        values.put("errorRateAfterPct", "1.5");
        values.put("satisfaction", 4);
        values.put("onTimeGoLive", "no");
        values.put("activeUsersPct", 87L);
        values.put("avgResolutionHours", 5.25);
        return values;
    }

    @Test
    void validReviewIsRead() {
        var result = rules.check(review());

        assertThat(result.problems()).isEmpty();
        assertThat(result.kpis().satisfaction()).isEqualTo(4);
        assertThat(result.kpis().onTimeGoLive()).isFalse();
        assertThat(result.kpis().errorRateBeforePct()).isEqualByComparingTo(new BigDecimal("6.5"));
        assertThat(result.kpis().notes()).isNull();
    }

    @Test
    void percentagesAbove100AndNegativeHoursAreRefused() {
        Map<String, Object> values = review();
        values.put("activeUsersPct", 101);
        values.put("hoursSavedPerMonth", -1);

        assertThat(rules.check(values).problems()).extracting(p -> p.args()[0])
            .containsExactly("Hours saved per month", "Active users (%)");
    }

    @Test
    void satisfactionMustBeAWholeNumberFrom1To5() {
        Map<String, Object> values = review();
        values.put("satisfaction", 3.5);
        assertThat(rules.check(values).problems()).extracting(Problem::code).containsExactly("operations.review.range");
        values.put("satisfaction", 0);
        assertThat(rules.check(values).problems()).extracting(Problem::code).containsExactly("operations.review.range");
    }

    @Test
    void missingOrUnreadableValuesAreRefused() {
        Map<String, Object> values = review();
        values.remove("avgResolutionHours");
        values.put("errorRateAfterPct", "low");
        values.put("onTimeGoLive", "maybe");

        assertThat(rules.check(values).problems()).extracting(Problem::code)
            .containsExactly("operations.review.range", "form.field.choice", "form.field.required");
    }
}
