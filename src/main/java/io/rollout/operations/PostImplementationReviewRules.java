package io.rollout.operations;

import io.rollout.shared.FormInput;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ranges of the KPIs of a post-implementation review ({@code UserTask_ReviewPostImplementation} in
 * {@code operationsPhase}): hours saved and resolution hours are not negative, rates are percentages
 * from 0 to 100, satisfaction is a whole number from 1 to 5, and on-time go-live is yes or no.
 */
final class PostImplementationReviewRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(9_999_999);

    /** The review as stored. */
    record Kpis(BigDecimal hoursSavedPerMonth, BigDecimal errorRateBeforePct, BigDecimal errorRateAfterPct,
                int satisfaction, boolean onTimeGoLive, BigDecimal activeUsersPct, BigDecimal avgResolutionHours,
                String notes) {
    }

    /** The KPIs read from the form, or the problems that refuse the submission. */
    record Result(Kpis kpis, List<Problem> problems) {
    }

    Result check(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal hoursSaved = number(values, "hoursSavedPerMonth", "Hours saved per month", BigDecimal.ZERO, MAX_HOURS, problems);
        BigDecimal errorBefore = number(values, "errorRateBeforePct", "Error rate before (%)", BigDecimal.ZERO, HUNDRED, problems);
        BigDecimal errorAfter = number(values, "errorRateAfterPct", "Error rate after (%)", BigDecimal.ZERO, HUNDRED, problems);
        BigDecimal satisfaction = number(values, "satisfaction", "Satisfaction", BigDecimal.ONE, BigDecimal.valueOf(5), problems);
        if (satisfaction != null && satisfaction.stripTrailingZeros().scale() > 0) {
            problems.add(new Problem("operations.review.range", "Satisfaction", 1, 5, satisfaction.toPlainString()));
        }
        Boolean onTime = FormInput.yesNo(values.get("onTimeGoLive"));
        if (onTime == null) {
            problems.add(new Problem("form.field.choice", "On-time go-live", "yes, no", text(values.get("onTimeGoLive"))));
        }
        BigDecimal activeUsers = number(values, "activeUsersPct", "Active users (%)", BigDecimal.ZERO, HUNDRED, problems);
        BigDecimal resolution = number(values, "avgResolutionHours", "Average resolution time (hours)", BigDecimal.ZERO, MAX_HOURS, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        String notes = text(values.get("notes"));
        return new Result(new Kpis(hoursSaved, errorBefore, errorAfter, satisfaction.intValue(), onTime, activeUsers,
            resolution, notes.isEmpty() ? null : notes), List.of());
    }

    private static BigDecimal number(Map<String, Object> values, String key, String label, BigDecimal min,
                                     BigDecimal max, List<Problem> problems) {
        String text = text(values.get(key));
        if (text.isEmpty()) {
            problems.add(new Problem("form.field.required", label));
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem("operations.review.range", label, min, max, text));
        return null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
