package io.rollout.golive;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The daily reconciliation of a dual run: a key figure (open orders, stock value …) taken from the legacy and the
 * new system matches when their difference, as a share of the legacy value, is within the figure's tolerance; a
 * legacy value of zero matches only zero. Plain Java.
 */
final class Reconciliation {

    /** The difference in percent of the legacy value (100 when legacy is 0 and new is not) and whether it is within. */
    record Result(BigDecimal differencePercent, boolean within) {}

    static Result compare(BigDecimal legacy, BigDecimal current, BigDecimal tolerancePercent) {
        BigDecimal difference = current.subtract(legacy).abs();
        BigDecimal percent = legacy.signum() == 0
                ? (difference.signum() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100))
                : difference.multiply(BigDecimal.valueOf(100)).divide(legacy.abs(), 4, RoundingMode.HALF_UP);
        return new Result(percent.stripTrailingZeros(), percent.compareTo(tolerancePercent) <= 0);
    }

    private Reconciliation() {}
}
