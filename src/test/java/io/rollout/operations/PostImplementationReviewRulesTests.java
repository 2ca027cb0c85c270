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
        values.put("satisfaction", 4);
        values.put("activeUsersPct", 87L);
        return values;
    }

    @Test
    void validReviewIsRead() {
        var result = rules.check(review());

        assertThat(result.problems()).isEmpty();
        assertThat(result.kpis().satisfaction()).isEqualByComparingTo("4");
        assertThat(result.kpis().activeUsersPct()).isEqualByComparingTo("87");
        assertThat(result.kpis().notes()).isNull();
    }

    @Test
    void aDecimalSatisfactionKeepsWhatWasTyped() {
        Map<String, Object> values = review();
        values.put("satisfaction", 2.8);
        values.put("hoursSavedPerMonth", "120.25");

        var kpis = rules.check(values).kpis();

        assertThat(kpis.satisfaction()).isEqualTo(new BigDecimal("2.8"));
        assertThat(kpis.hoursSavedPerMonth()).isEqualTo(new BigDecimal("120.25"));
    }

    @Test
    void moreDecimalsThanStoredAreRefusedNotRounded() {
        Map<String, Object> values = review();
        values.put("satisfaction", 2.845);

        assertThat(rules.check(values).problems())
                .containsExactly(new Problem("operations.review.decimals", "Satisfaction", 2, "2.845"));
    }

    @Test
    void percentagesAbove100NegativeHoursAndSatisfactionOutside1To5AreRefused() {
        Map<String, Object> values = review();
        values.put("activeUsersPct", 101);
        values.put("hoursSavedPerMonth", -1);
        values.put("satisfaction", 0.5);

        assertThat(rules.check(values).problems())
                .extracting(p -> p.args()[0])
                .containsExactly("Hours saved per month", "Satisfaction", "Active users (%)");
    }

    @Test
    void missingOrUnreadableValuesAreRefused() {
        Map<String, Object> values = review();
        values.remove("activeUsersPct");
        values.put("satisfaction", "good");

        assertThat(rules.check(values).problems())
                .extracting(Problem::code)
                .containsExactly("operations.review.range", "form.field.required");
    }
}
