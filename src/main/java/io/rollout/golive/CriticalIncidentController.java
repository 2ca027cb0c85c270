package io.rollout.golive;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.operations.Incidents;
import io.rollout.project.ProjectAccess;
import io.rollout.shared.Engine;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/projects/{code}/cutover/critical-incident} {@code {"title", "module"}}: a critical incident
 * during a wave. Opens it in operations and starts the wave's emergency response (message {@code criticalIncident}:
 * the on-call team's task, escalated to the steering committee when not handled in time). 202 {@code {incidentId}};
 * 409 when no wave is being cut over; 400 without title; for it-operations, key users and business owners.
 */
@RestController
class CriticalIncidentController {

    static final List<String> REPORTERS = List.of(Roles.IT_OPERATIONS, Roles.KEY_USER, Roles.BUSINESS_OWNER, Roles.PMO);

    private final Incidents incidents;
    private final Engine engine;
    private final RuntimeService runtime;
    private final ProjectAccess access;
    private final CurrentUser user;
    private final Messages messages;

    CriticalIncidentController(
            Incidents incidents,
            Engine engine,
            RuntimeService runtime,
            ProjectAccess access,
            CurrentUser user,
            Messages messages) {
        this.incidents = incidents;
        this.engine = engine;
        this.runtime = runtime;
        this.access = access;
        this.user = user;
        this.messages = messages;
    }

    record Report(String title, String module) {}

    @Transactional
    @PostMapping("/api/projects/{code}/cutover/critical-incident")
    ResponseEntity<Map<String, Integer>> report(@PathVariable String code, @RequestBody Report report) {
        access.require(code, REPORTERS);
        String title = report == null ? null : FormInput.text(report.title());
        if (title == null) {
            throw messages.reject("form.field.required", "title");
        }
        int id = incidents.open(code, title, "critical", FormInput.text(report.module()), user.id(), "cutover");
        try {
            engine.asSystem(() -> runtime.createMessageCorrelation("criticalIncident")
                    .processInstanceBusinessKey(code)
                    .setVariable("criticalIncidentId", id)
                    .setVariable("criticalIncidentTitle", title)
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, messages.get("golive.incident.noWave", code));
        }
        return ResponseEntity.accepted().body(Map.of("incidentId", id));
    }
}
