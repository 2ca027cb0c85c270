package io.rollout.operations;

import io.rollout.shared.Engine;
import io.rollout.shared.ForModels;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Opens the incidents of a project (numbered per project) — from the REST API, from another phase (a dual-run
 * mismatch during cutover) — each with its own {@code hypercareIncident} process: the resolution task for IT
 * operations with the SLA of its severity as a timer that escalates to the PMO when breached.
 */
@Component
public class Incidents {

    private final IncidentRepository repository;
    private final OperationsPolicy policy;
    private final RuntimeService runtime;
    private final Engine engine;

    Incidents(IncidentRepository repository, OperationsPolicy policy, RuntimeService runtime, Engine engine) {
        this.repository = repository;
        this.policy = policy;
        this.runtime = runtime;
        this.engine = engine;
    }

    /**
     * Opens an incident, starts its process and returns its number within the project.
     *
     * @param severity critical, high, medium or low
     * @param source   where it comes from, e.g. {@code dual-run day 3}; kept with the title
     */
    public int open(String projectCode, String title, String severity, String module, String reporter, String source) {
        return open(projectCode, title, severity, module, reporter, source, null);
    }

    /**
     * Opens an incident with the reporter's description of what happened (shown to whoever resolves it).
     *
     * @see #open(String, String, String, String, String, String)
     */
    public int open(
            String projectCode,
            String title,
            String severity,
            String module,
            String reporter,
            String source,
            String description) {
        if (!IncidentRules.SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("unknown severity " + severity);
        }
        String text = source == null ? title : title + " [" + source + "]";
        int id = repository.open(projectCode, text, severity, module, reporter, policy.slaDue(severity), description);
        // whoever reports may open an incident: its process is the application's, not the reporter's
        String instance = engine.asSystem(() -> runtime.startProcessInstanceByKey(
                        "hypercareIncident",
                        projectCode,
                        Map.of(
                                "projectCode",
                                projectCode,
                                "incidentId",
                                id,
                                "incidentTitle",
                                text,
                                "severity",
                                severity))
                .getId());
        repository.processInstance(projectCode, id, instance);
        return id;
    }

    /**
     * An incident's title short enough for a task name (Tasklist lists tasks by name; the engine keeps 255
     * characters of it): at most {@value #HEADLINE} characters, cut at a word with "…".
     */
    @ForModels
    public String headline(String title) {
        if (title == null) {
            return "";
        }
        String text = title.strip();
        if (text.length() <= HEADLINE) {
            return text;
        }
        int cut = text.lastIndexOf(' ', HEADLINE - 1);
        return text.substring(0, cut > HEADLINE / 2 ? cut : HEADLINE - 1).strip() + "…";
    }

    static final int HEADLINE = 100;
}
