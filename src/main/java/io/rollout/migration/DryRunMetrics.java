package io.rollout.migration;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rollout.migration.MigrationService.RunOutcome;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The migration's dry runs in {@code /actuator/prometheus}, per dataset: rows read
 * ({@code rollout.migration.dryrun.rows}), the time a run took ({@code rollout.migration.dryrun.duration}) and its
 * speed in rows per second ({@code rollout.migration.dryrun.rows.per.second}); a refused file counts in
 * {@code rollout.migration.dryrun.refused}. Recorded by {@link MigrationDryRun} with the run's own figures.
 */
@Component
class DryRunMetrics {

    private final MeterRegistry meters;

    DryRunMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(String dataset, RunOutcome outcome) {
        if (outcome.run() == null) {
            meters.counter("rollout.migration.dryrun.refused", "dataset", dataset)
                    .increment();
            return;
        }
        long rows = outcome.run().figures().source();
        long millis = outcome.run().millis();
        meters.counter("rollout.migration.dryrun.rows", "dataset", dataset).increment(rows);
        Timer.builder("rollout.migration.dryrun.duration")
                .tag("dataset", dataset)
                .description("Time of a dry run over a whole extract")
                .register(meters)
                .record(Duration.ofMillis(millis));
        if (millis > 0) {
            DistributionSummary.builder("rollout.migration.dryrun.rows.per.second")
                    .tag("dataset", dataset)
                    .description("Rows per second of a dry run")
                    .register(meters)
                    .record(rows * 1000.0 / millis);
        }
    }
}
