package io.rollout.operations;

import io.rollout.shared.FormInput;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the PMO enters in a post-implementation review ({@code UserTask_ReviewPostImplementation} in
 * {@code operationsPhase}) — the figures the system cannot measure: hours saved a month (not negative), satisfaction
 * (the survey's average, 1 to 5) and the share of active users (0 to 100 %). Each keeps what was typed up to the two
 * decimals its column holds (satisfaction 4.2 stays 4.2); more decimals are refused with the reason, never rounded.
 * Error rate, resolution time and go-live against plan are measured ({@link ReviewMeasures}), not entered.
 */
final class PostImplementationReviewRules {

    static final int DECIMALS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(9_999_999);

    /** The figures entered in the review. */
    record Kpis(BigDecimal hoursSavedPerMonth, BigDecimal satisfaction, BigDecimal activeUsersPct, String notes) {}

    /** The KPIs read from the form, or the problems that refuse the submission. */
    record Result(Kpis kpis, List<Problem> problems) {}

    Result check(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal hoursSaved =
                number(values, "hoursSavedPerMonth", "Hours saved per month", BigDecimal.ZERO, MAX_HOURS, problems);
        BigDecimal satisfaction =
                number(values, "satisfaction", "Satisfaction", BigDecimal.ONE, BigDecimal.valueOf(5), problems);
        BigDecimal activeUsers =
                number(values, "activeUsersPct", "Active users (%)", BigDecimal.ZERO, HUNDRED, problems);
        String notes = FormInput.text(values.get("notes"));
        if (notes != null && notes.length() > 4000) {
            problems.add(new Problem("operations.review.notesTooLong", 4000));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new Kpis(hoursSaved, satisfaction, activeUsers, notes), List.of());
    }

    private static BigDecimal number(
            Map<String, Object> values,
            String key,
            String label,
            BigDecimal min,
            BigDecimal max,
            List<Problem> problems) {
        Object raw = values.get(key);
        String text = raw == null ? "" : raw.toString().trim();
        if (text.isEmpty()) {
            problems.add(new Problem("form.field.required", label));
            return null;
        }
        BigDecimal value;
        try {
            value = FormInput.decimal(raw);
        } catch (NumberFormatException e) {
            problems.add(new Problem("operations.review.range", label, min, max, text));
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(new Problem(
                    "operations.review.range",
                    label,
                    min,
                    max,
                    KpiBaselineRepository.typed(value).toPlainString()));
            return null;
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            problems.add(new Problem(
                    "operations.review.decimals",
                    label,
                    DECIMALS,
                    KpiBaselineRepository.typed(value).toPlainString()));
            return null;
        }
        return value;
    }
}
