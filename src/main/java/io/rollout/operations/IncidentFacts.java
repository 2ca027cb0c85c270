package io.rollout.operations;

import io.rollout.identity.RoleMembers;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener that shows the people of hypercare what is known about incidents, as they read it: for
 * {@code UserTask_ResolveIncident} and {@code UserTask_EscalateIncident} of {@code hypercareIncident} the incident's
 * facts ({@code incidentFacts}: the title, then severity, module, who reported it and when and the SLA as a one-row
 * Markdown table, then the description); for {@code UserTask_ContinueHypercare} of {@code operationsPhase} the incidents that keep hypercare
 * open — open, or reported in the last seven days — as a table ({@code hypercareIncidents}).
 */
@Component("incidentFacts")
class IncidentFacts implements TaskListener {

    private final IncidentRepository repository;
    private final RoleMembers members;
    private final Names names;
    private final Messages messages;
    private final Clock clock;

    IncidentFacts(IncidentRepository repository, RoleMembers members, Names names, Messages messages, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.names = names;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        if ("UserTask_ContinueHypercare".equals(task.getTaskDefinitionKey())) {
            Instant weekAgo = Instant.now(clock).minus(Duration.ofDays(7));
            TaskForms.prefill(
                    task,
                    "hypercareIncidents",
                    JsonRows.of(repository.incidents(projectCode).stream()
                            .filter(i ->
                                    "open".equals(i.status()) || !i.openedAt().isBefore(weekAgo))
                            .map(this::row)
                            .toList()));
            return;
        }
        int id = ProcessVariables.integer(task, "incidentId");
        repository.incident(projectCode, id).ifPresent(i -> task.setVariableLocal("incidentFacts", facts(i)));
    }

    private Map<String, Object> row(IncidentRepository.IncidentView i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(
                "incident",
                messages.forRecord(
                        i.module() == null ? "operations.incident.row" : "operations.incident.rowOfModule",
                        i.id(),
                        i.title(),
                        names.module(i.module())));
        row.put("severity", messages.forRecord("operations.severity." + i.severity()));
        row.put("reported", Dates.time(i.openedAt()));
        row.put("status", messages.forRecord("operations.incident.status." + i.status()));
        row.put(
                "slaDue",
                i.slaBreachedAt() != null
                        ? messages.forRecord("operations.incident.breached", Dates.time(i.slaDueAt()))
                        : Dates.time(i.slaDueAt()));
        return row;
    }

    private String facts(IncidentRepository.IncidentView i) {
        String table = String.join(
                "\n",
                List.of(
                        "**" + FormInput.md(i.title()) + "**",
                        "",
                        "| "
                                + String.join(
                                        " | ",
                                        messages.forRecord("operations.incident.column.severity"),
                                        messages.forRecord("operations.incident.column.module"),
                                        messages.forRecord("operations.incident.column.reporter"),
                                        messages.forRecord("operations.incident.column.reported"),
                                        messages.forRecord("operations.incident.column.slaDue"))
                                + " |",
                        "|---|---|---|---|---|",
                        "| "
                                + String.join(
                                        " | ",
                                        messages.forRecord("operations.severity." + i.severity()),
                                        i.module() == null ? "-" : FormInput.md(names.module(i.module())),
                                        FormInput.md(members.displayName(i.reporter())),
                                        Dates.time(i.openedAt()),
                                        i.slaBreachedAt() == null
                                                ? Dates.time(i.slaDueAt())
                                                : messages.forRecord(
                                                        "operations.incident.breached", Dates.time(i.slaDueAt())))
                                + " |"));
        return i.description() == null ? table : table + "\n\n" + FormInput.md(i.description());
    }
}
