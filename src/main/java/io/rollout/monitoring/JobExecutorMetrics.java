package io.rollout.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's counts as Micrometer counters ({@code /actuator/prometheus}): jobs acquired, executed
 * successfully or failed, rejected for lack of threads. The engine counts these in its own metrics registry and writes
 * them to {@code ACT_RU_METER_LOG} every 15 minutes, resetting its in-memory meters each time; this plugin gives the
 * engine a registry that also counts each occurrence in Micrometer, so a scrape is exact and queries no table.
 */
@Component
class JobExecutorMetrics extends AbstractProcessEnginePlugin {

    /** Camunda's metric name → the counter's name and, for executions, its outcome. */
    private static final Map<String, Meter> COUNTERS = Map.of(
            Metrics.JOB_ACQUISITION_ATTEMPT, new Meter("camunda.jobs.acquisition.attempts", null),
            Metrics.JOB_ACQUIRED_SUCCESS, new Meter("camunda.jobs.acquired", null),
            Metrics.JOB_ACQUIRED_FAILURE, new Meter("camunda.jobs.acquired.failed", null),
            Metrics.JOB_SUCCESSFUL, new Meter("camunda.jobs.executed", "successful"),
            Metrics.JOB_FAILED, new Meter("camunda.jobs.executed", "failed"),
            Metrics.JOB_EXECUTION_REJECTED, new Meter("camunda.jobs.rejected", null),
            Metrics.JOB_LOCKED_EXCLUSIVE, new Meter("camunda.jobs.locked.exclusive", null));

    private record Meter(String name, String outcome) {

        Counter register(String camundaName, MeterRegistry meters) {
            Counter.Builder counter = Counter.builder(name).description("Camunda job executor: " + camundaName);
            return (outcome == null ? counter : counter.tag("outcome", outcome)).register(meters);
        }
    }

    private final MeterRegistry meters;

    JobExecutorMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<String, Counter> counters = new HashMap<>();
        COUNTERS.forEach((camundaName, meter) -> counters.put(camundaName, meter.register(camundaName, meters)));
        configuration.setMetricsRegistry(new Counting(Map.copyOf(counters)));
    }

    /** The engine's registry, counting the job executor's occurrences in Micrometer as well. */
    static final class Counting extends MetricsRegistry {

        private final Map<String, Counter> counters;

        Counting(Map<String, Counter> counters) {
            this.counters = counters;
        }

        @Override
        public void markOccurrence(String name, long times) {
            super.markOccurrence(name, times);
            Counter counter = counters.get(name);
            if (counter != null) {
                counter.increment(times);
            }
        }
    }
}
