package io.rollout.build;

import io.rollout.shared.Checked;
import io.rollout.shared.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code UserTask_RecordVendorBaseline} of {@code buildPhase} must record before a module's first
 * customisation: the vendor's product, its standard version, the date of that baseline (not in the
 * future) and where its backup is (a path, URL or ticket). Plain rule: no engine, no Spring.
 */
final class VendorBaselineRules {

    /** The vendor's standard version of a module. */
    record Baseline(String product, String version, LocalDate date, String backupLocation) {}

    private VendorBaselineRules() {}

    static Checked<Baseline> baseline(
            String product, String version, String date, String backupLocation, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        BuildRules.requiredField(product, "build.field.baselineProduct", problems);
        BuildRules.requiredField(version, "build.field.baselineVersion", problems);
        LocalDate day = IterationPlanRules.date(date, "build.field.baselineDate", problems);
        if (day != null && day.isAfter(today)) {
            problems.add(new Problem("build.baseline.futureDate", day));
        }
        BuildRules.requiredField(backupLocation, "build.field.baselineBackup", problems);
        return Checked.of(new Baseline(product, version, day, backupLocation), problems);
    }
}
