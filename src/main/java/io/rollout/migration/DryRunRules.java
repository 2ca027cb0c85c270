package io.rollout.migration;

import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The gate of a migration dry run ({@code ServiceTask_RunDryRun} and {@code Gateway_DryRunClean} in
 * {@code dataMigration}): a reconciled run is clean when its reject rate is below the dataset's reject
 * threshold in percent (a run without rejects always is); at or above it the data steward runs again.
 * Plain rule: no engine, no Spring.
 */
final class DryRunRules {

    /** The reconciled counts of one dry run. */
    record Figures(long source, long accepted, long rejected) {}

    /**
     * The outcome of a reconciled run.
     *
     * @param rejectRate rejected rows in percent of the source rows, rounded to two decimals
     * @param finding    the reason, as the data steward and the business owner read it
     */
    record Evaluation(double rejectRate, boolean clean, Problem finding) {}

    private DryRunRules() {}

    /** Judges a reconciled run against the reject threshold (percent). */
    static Evaluation evaluate(Figures figures, int rejectThresholdPercent) {
        double rate = rate(figures);
        boolean clean = figures.rejected() == 0 || rate < rejectThresholdPercent;
        Problem finding = new Problem(
                clean ? "migration.dryRun.clean" : "migration.dryRun.tooManyRejects",
                rate,
                String.valueOf(figures.rejected()),
                String.valueOf(figures.source()),
                rejectThresholdPercent);
        return new Evaluation(rate, clean, finding);
    }

    /** Rejected rows in percent of the source rows, rounded to two decimals; 0 without rows. */
    static double rate(Figures figures) {
        return figures.source() == 0
                ? 0.0
                : BigDecimal.valueOf(figures.rejected() * 100.0 / figures.source())
                        .setScale(2, RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
