package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The life of an incident in {@code hypercareIncident}: complete listener of {@code UserTask_ResolveIncident} (a
 * resolution is required; the incident is resolved by whom and when) and delegate of
 * {@code ServiceTask_RecordSlaBreach} (the SLA timer fired while the incident was open: the breach is stored and
 * logged before the PMO is told).
 */
@Component("incidentResolution")
class IncidentResolution implements TaskListener, JavaDelegate {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DecisionLog decisions;
    private final Messages messages;

    IncidentResolution(JdbcClient jdbc, Clock clock, DecisionLog decisions, Messages messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String resolution = TaskForms.text(task, "resolution");
        if (resolution == null) {
            throw messages.reject("form.field.required", "Resolution");
        }
        if (resolution.length() > 2000) {
            throw messages.reject("operations.incident.resolutionTooLong", 2000);
        }
        String projectCode = (String) task.getVariable("projectCode");
        int id = ((Number) task.getVariable("incidentId")).intValue();
        String user = TaskForms.currentUser(task);
        jdbc.sql("""
                update incident set status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?
                where project_code = ? and id = ?""")
            .params(resolution, user, Timestamp.from(Instant.now(clock)), projectCode, id).update();
        decisions.record(new Decision(projectCode, "incidentResolved", "incident #" + id, "resolved",
            List.of(resolution), "severity=" + task.getVariable("severity"), user, task.getProcessInstanceId()));
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = (String) execution.getVariable("projectCode");
        int id = ((Number) execution.getVariable("incidentId")).intValue();
        jdbc.sql("update incident set sla_breached_at = ? where project_code = ? and id = ?")
            .params(Timestamp.from(Instant.now(clock)), projectCode, id).update();
        decisions.record(new Decision(projectCode, "incidentSlaBreached", "incident #" + id, "breached",
            List.of(messages.forRecord("operations.incident.slaBreached", id, execution.getVariable("severity"))),
            null, DecisionLog.SYSTEM, execution.getProcessInstanceId()));
    }
}
