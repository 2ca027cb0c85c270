package io.rollout.migration;

import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The reconciliation of a migration dry run ({@code UserTask_RunDryRun} and {@code Gateway_DryRunClean}
 * in {@code dataMigration}): row counts are whole numbers from 0, the source rows equal accepted plus
 * rejected rows (every record accounted for), the source file is named (traceability) and rejects come
 * with their reasons. A reconciled run is clean when its reject rate is at most the project's reject
 * threshold in percent. Plain rule: no engine, no Spring.
 */
final class DryRunRules {

    /** The reconciled counts of one dry run. */
    record Figures(long source, long accepted, long rejected) {
    }

    /** The checked figures, or the problems that refuse the submission (then {@code figures} is {@code null}). */
    record Reconciliation(Figures figures, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * The outcome of a reconciled run.
     *
     * @param rejectRate rejected rows in percent of the source rows, rounded to two decimals
     * @param finding    the reason, as the data steward and the business owner read it
     */
    record Evaluation(double rejectRate, boolean clean, Problem finding) {
    }

    private DryRunRules() {
    }

    /** Checks the figures a data steward submits for a dry run. */
    static Reconciliation reconcile(Object sourceRows, Object acceptedRows, Object rejectedRows, String sourceFile,
                                    String rejectReasons) {
        List<Problem> problems = new ArrayList<>();
        Long source = count(sourceRows, "migration.field.sourceRows", problems);
        Long accepted = count(acceptedRows, "migration.field.acceptedRows", problems);
        Long rejected = count(rejectedRows, "migration.field.rejectedRows", problems);
        if (source != null && accepted != null && rejected != null && source != accepted + rejected) {
            problems.add(new Problem("migration.dryRun.unreconciled", String.valueOf(source), String.valueOf(accepted),
                String.valueOf(rejected), String.valueOf(source - accepted - rejected)));
        }
        if (sourceFile == null) {
            problems.add(new Problem("form.field.required", new Label("migration.field.sourceFile")));
        }
        if (rejected != null && rejected > 0 && rejectReasons == null) {
            problems.add(new Problem("migration.dryRun.rejectReasonsRequired", String.valueOf(rejected)));
        }
        return problems.isEmpty()
            ? new Reconciliation(new Figures(source, accepted, rejected), List.of())
            : new Reconciliation(null, List.copyOf(problems));
    }

    /** Judges a reconciled run against the reject threshold (percent). */
    static Evaluation evaluate(Figures figures, int rejectThresholdPercent) {
        double rate = figures.source() == 0 ? 0.0
            : BigDecimal.valueOf(figures.rejected() * 100.0 / figures.source()).setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
        boolean clean = rate <= rejectThresholdPercent;
        Problem finding = new Problem(clean ? "migration.dryRun.clean" : "migration.dryRun.tooManyRejects", rate,
            String.valueOf(figures.rejected()), String.valueOf(figures.source()), rejectThresholdPercent);
        return new Evaluation(rate, clean, finding);
    }

    private static Long count(Object value, String label, List<Problem> problems) {
        if (value == null || value.toString().isBlank()) {
            problems.add(new Problem("form.field.required", new Label(label)));
            return null;
        }
        try {
            long count = new BigDecimal(value.toString().trim()).longValueExact();
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below like a negative count
        }
        problems.add(new Problem("migration.dryRun.count", new Label(label), value.toString()));
        return null;
    }
}
