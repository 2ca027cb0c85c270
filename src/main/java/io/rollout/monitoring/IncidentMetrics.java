package io.rollout.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.rollout.identity.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's open incidents as the gauge {@code camunda.incidents.open}, one per incident type (a job out of
 * retries, an external task out of retries): one count query per type and scrape. Counted over all projects whatever
 * the scraping user may read in Cockpit: the figure is a total, nothing of a project is shown.
 */
@Component
class IncidentMetrics implements MeterBinder {

    static final List<String> TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE);

    // the engine is built after the meter registry that this binder is bound to: looked up at scrape time
    private final ObjectProvider<RuntimeService> runtime;
    private final ObjectProvider<CurrentUser> user;

    IncidentMetrics(ObjectProvider<RuntimeService> runtime, ObjectProvider<CurrentUser> user) {
        this.runtime = runtime;
        this.user = user;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (String type : TYPES) {
            Gauge.builder("camunda.incidents.open", () -> open(type))
                    .tag("type", type)
                    .description("Open incidents of the process engine")
                    .register(meters);
        }
    }

    long open(String type) {
        // the scrape runs as its HTTP user, whose authorizations would hide other projects' incidents
        return user.getObject()
                .readAsApplication(() -> runtime.getObject()
                        .createIncidentQuery()
                        .incidentType(type)
                        .count());
    }
}
