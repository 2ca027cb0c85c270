package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The life of an incident in {@code hypercareIncident}: complete listener of {@code UserTask_ResolveIncident} (a
 * resolution is required, {@link IncidentRules}; the incident is resolved by whom and when) and delegate of
 * {@code ServiceTask_RecordSlaBreach} (the SLA timer fired while the incident was open: the breach is stored and
 * logged before the PMO is told).
 */
@Component("incidentResolution")
class IncidentResolution extends FormTaskListener implements JavaDelegate {

    private final IncidentRepository repository;
    private final DecisionLog decisions;
    private final Messages messages;

    IncidentResolution(IncidentRepository repository, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void complete(DelegateTask task) {
        String resolution = TaskForms.text(task, "resolution");
        IncidentRules.checkResolution(resolution).ifPresent(problem -> {
            throw Problem.reject(messages, List.of(problem));
        });
        String projectCode = ProcessVariables.projectCode(task);
        int id = ProcessVariables.integer(task, "incidentId");
        String user = TaskForms.currentUser(task);
        repository.resolve(projectCode, id, resolution, user);
        decisions.record(new Decision(
                projectCode,
                "incidentResolved",
                "incident #" + id,
                "resolved",
                List.of(resolution),
                "severity=" + task.getVariable("severity"),
                user,
                task.getProcessInstanceId()));
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = ProcessVariables.projectCode(execution);
        int id = ProcessVariables.integer(execution, "incidentId");
        repository.slaBreached(projectCode, id);
        decisions.record(new Decision(
                projectCode,
                "incidentSlaBreached",
                "incident #" + id,
                "breached",
                List.of(messages.forRecord("operations.incident.slaBreached", id, execution.getVariable("severity"))),
                null,
                DecisionLog.SYSTEM,
                execution.getProcessInstanceId()));
    }
}
