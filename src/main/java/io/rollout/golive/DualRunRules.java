package io.rollout.golive;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one day of a dual run's reconciliation ({@code UserTask_ReconcileDualRun} in {@code goLive}) must contain:
 * for every key figure of the plan, and for no other, the legacy and the new system's value as numbers
 * (thousands separators allowed). How two values compare is {@link Reconciliation}'s. Plain Java.
 */
final class DualRunRules {

    /** One key figure's two values as submitted. */
    record Values(String figure, BigDecimal legacy, BigDecimal current) {}

    /** The values by figure, in the order submitted, or the problems that refuse the submission. */
    record Result(List<Values> values, List<Problem> problems) {}

    private DualRunRules() {}

    /**
     * Checks the submitted rows against the plan's key figures.
     *
     * @param figures the names of the plan's key figures, in plan order
     */
    static Result check(List<FormRow> rows, List<String> figures) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Values> values = new LinkedHashMap<>();
        for (FormRow row : rows) {
            String name = row.text("name");
            if (name == null || !figures.contains(name)) {
                problems.add(new Problem("golive.dualRun.unknownFigure", row.number(), name));
                continue;
            }
            BigDecimal legacy = decimal(row.text("legacyValue"));
            BigDecimal current = decimal(row.text("newValue"));
            if (legacy == null || current == null) {
                problems.add(new Problem("golive.dualRun.values", row.number(), name));
                continue;
            }
            values.put(name, new Values(name, legacy, current));
        }
        // a missing figure is named only when the rows themselves are fine, and only the first one in plan order
        if (problems.isEmpty()) {
            figures.stream()
                    .filter(n -> !values.containsKey(n))
                    .findFirst()
                    .ifPresent(n -> problems.add(new Problem("golive.dualRun.missing", n)));
        }
        return new Result(List.copyOf(values.values()), problems);
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
