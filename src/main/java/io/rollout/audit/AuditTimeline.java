package io.rollout.audit;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Translations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * One timeline per project (business key): the engine's history of every process instance of the project —
 * phases started and ended, tasks created, claimed or assigned and completed and by whom, variables set,
 * incidents opened and resolved — merged with our decision log (gates with inputs and reasons, approvals,
 * sign-offs, overrides), oldest first, filtered. Read from history only: it works the same for running and
 * finished projects. Every query is indexed by process instance or business key, so one project's timeline
 * costs the same however many projects the database holds.
 */
@Component
public class AuditTimeline {

    /** What to keep: every field is optional; {@code person} matches who did it, {@code phase} the process key. */
    public record Filter(String phase, String person, Instant from, Instant to, List<String> types) {

        boolean keeps(TimelineEvent e) {
            return (phase == null || phase.equals(e.phase()))
                    && (person == null || person.equals(e.person()))
                    && (from == null || !e.at().isBefore(from))
                    && (to == null || e.at().isBefore(to))
                    && (types == null || types.isEmpty() || types.contains(e.type()));
        }
    }

    static final int MAX_VALUE = 300;
    // the engine's own multi-instance bookkeeping says nothing about the project
    static final java.util.Set<String> ENGINE_VARIABLES =
            java.util.Set.of("nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances", "loopCounter");

    private final HistoryService history;
    private final DecisionLog decisions;

    AuditTimeline(HistoryService history, DecisionLog decisions) {
        this.history = history;
        this.decisions = decisions;
    }

    public List<TimelineEvent> of(String projectCode, Filter filter) {
        return of(projectCode, filter, UnaryOperator.identity());
    }

    /**
     * The timeline with the texts Rollout and the engine stored in English (task and process names, decision
     * subjects, outcomes and findings, details) rendered by {@code text}, e.g. into the reader's language; codes,
     * ids, people and filters are untouched. Findings are rendered one by one, before they are joined.
     */
    public List<TimelineEvent> of(String projectCode, Filter filter, UnaryOperator<String> text) {
        List<TimelineEvent> events = new ArrayList<>();
        boolean engine = filter.types() == null
                || filter.types().isEmpty()
                || filter.types().stream().anyMatch(t -> !t.equals("decision"));
        if (engine) {
            List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(projectCode)
                    .list();
            Map<String, String> phases = new HashMap<>();
            instances.forEach(pi -> phases.put(pi.getId(), pi.getProcessDefinitionKey()));
            processes(instances, events);
            if (!instances.isEmpty()) {
                String[] ids = phases.keySet().toArray(String[]::new);
                Map<String, String> completedBy = new HashMap<>();
                operations(ids, phases, completedBy, events);
                tasks(projectCode, completedBy, events);
                variables(ids, phases, events);
                incidents(ids, phases, events);
            }
        }
        decisionEvents(projectCode, text, events);
        Map<String, String> phaseOfInstance = new HashMap<>();
        events.stream()
                .filter(e -> e.phase() != null && e.processInstanceId() != null)
                .forEach(e -> phaseOfInstance.putIfAbsent(e.processInstanceId(), e.phase()));
        return events.stream()
                .map(e -> e.phase() == null
                                && e.processInstanceId() != null
                                && phaseOfInstance.containsKey(e.processInstanceId())
                        ? new TimelineEvent(
                                e.at(),
                                e.type(),
                                e.event(),
                                phaseOfInstance.get(e.processInstanceId()),
                                e.subject(),
                                e.person(),
                                e.detail(),
                                e.processInstanceId())
                        : e)
                .filter(filter::keeps)
                .map(e -> e.type().equals("decision") ? e : rendered(e, text))
                // a decision is recorded inside the engine operation that ends its task or step: first at the same
                // instant
                .sorted(Comparator.comparing(TimelineEvent::at)
                        .thenComparing(e -> e.type().equals("decision") ? 0 : 1))
                .toList();
    }

    // the decision log's entries, their outcome and each finding rendered by text before they are joined
    private void decisionEvents(String projectCode, UnaryOperator<String> text, List<TimelineEvent> events) {
        for (Decision d : decisions.forProject(projectCode)) {
            String detail = text.apply(d.outcome())
                    + (d.findings().isEmpty()
                            ? ""
                            : ": "
                                    + String.join(
                                            "; ",
                                            d.findings().stream().map(text).toList()))
                    + (d.inputs() == null ? "" : " [" + d.inputs() + "]");
            events.add(new TimelineEvent(
                    d.decidedAt(),
                    "decision",
                    d.decision(),
                    null,
                    text.apply(d.subject()),
                    d.decidedBy(),
                    detail,
                    d.processInstanceId()));
        }
    }

    private static void processes(List<HistoricProcessInstance> instances, List<TimelineEvent> events) {
        for (HistoricProcessInstance pi : instances) {
            events.add(new TimelineEvent(
                    instant(pi.getStartTime()),
                    "process",
                    "started",
                    pi.getProcessDefinitionKey(),
                    pi.getProcessDefinitionName(),
                    pi.getStartUserId(),
                    "version " + pi.getProcessDefinitionVersion(),
                    pi.getId()));
            if (pi.getEndTime() != null) {
                String state = pi.getState() == null ? "COMPLETED" : pi.getState();
                events.add(new TimelineEvent(
                        instant(pi.getEndTime()),
                        "process",
                        state.contains("TERMINATED") ? "cancelled" : "ended",
                        pi.getProcessDefinitionKey(),
                        pi.getProcessDefinitionName(),
                        null,
                        pi.getDeleteReason(),
                        pi.getId()));
            }
        }
    }

    // who claimed, assigned and completed tasks: the user operation log keeps the user of each request
    private void operations(
            String[] ids, Map<String, String> phases, Map<String, String> completedBy, List<TimelineEvent> events) {
        for (String id : ids) {
            for (UserOperationLogEntry op : history.createUserOperationLogQuery()
                    .processInstanceId(id)
                    .entityType("Task")
                    .list()) {
                String type = op.getOperationType();
                if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(type)) {
                    completedBy.putIfAbsent(op.getTaskId(), op.getUserId());
                } else if (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(type)
                        || UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(type)
                        || UserOperationLogEntry.OPERATION_TYPE_DELEGATE.equals(type)) {
                    if (op.getProperty() == null || "assignee".equals(op.getProperty())) {
                        events.add(new TimelineEvent(
                                instant(op.getTimestamp()),
                                "task",
                                type.toLowerCase(),
                                phases.get(id),
                                op.getTaskId(),
                                op.getUserId(),
                                op.getNewValue() == null ? null : "assignee " + op.getNewValue(),
                                id));
                    }
                }
            }
        }
    }

    private void tasks(String projectCode, Map<String, String> completedBy, List<TimelineEvent> events) {
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(projectCode)
                .list();
        Map<String, String> names = new HashMap<>();
        for (HistoricTaskInstance t : tasks) {
            names.put(t.getId(), t.getName());
            events.add(new TimelineEvent(
                    instant(t.getStartTime()),
                    "task",
                    "created",
                    t.getProcessDefinitionKey(),
                    t.getName(),
                    null,
                    t.getTaskDefinitionKey(),
                    t.getProcessInstanceId()));
            if (t.getEndTime() != null) {
                boolean completed = "completed".equals(t.getDeleteReason());
                String by = completedBy.getOrDefault(t.getId(), t.getAssignee());
                events.add(new TimelineEvent(
                        instant(t.getEndTime()),
                        "task",
                        completed ? "completed" : "cancelled",
                        t.getProcessDefinitionKey(),
                        t.getName(),
                        completed ? by : null,
                        completed ? null : t.getDeleteReason(),
                        t.getProcessInstanceId()));
            }
        }
        // claims and assignments were recorded with the task id: name the task
        events.replaceAll(e -> e.type().equals("task")
                        && names.containsKey(e.subject())
                        && !e.event().equals("created")
                        && !e.event().equals("completed")
                        && !e.event().equals("cancelled")
                ? new TimelineEvent(
                        e.at(),
                        e.type(),
                        e.event(),
                        e.phase(),
                        names.get(e.subject()),
                        e.person(),
                        e.detail(),
                        e.processInstanceId())
                : e);
    }

    private void variables(String[] ids, Map<String, String> phases, List<TimelineEvent> events) {
        for (HistoricDetail detail : history.createHistoricDetailQuery()
                .variableUpdates()
                .processInstanceIdIn(ids)
                .disableCustomObjectDeserialization()
                .list()) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            // the engine's bookkeeping, and the project code every task carries for Tasklist's task cards
            if (ENGINE_VARIABLES.contains(update.getVariableName())
                    || update.getTaskId() != null && "projectCode".equals(update.getVariableName())) {
                continue;
            }
            events.add(new TimelineEvent(
                    instant(update.getTime()),
                    "variable",
                    "set",
                    phases.get(update.getProcessInstanceId()),
                    update.getVariableName(),
                    null,
                    value(update),
                    update.getProcessInstanceId()));
        }
    }

    private void incidents(String[] ids, Map<String, String> phases, List<TimelineEvent> events) {
        for (String id : ids) {
            for (HistoricIncident incident :
                    history.createHistoricIncidentQuery().processInstanceId(id).list()) {
                events.add(new TimelineEvent(
                        instant(incident.getCreateTime()),
                        "incident",
                        "opened",
                        phases.get(id),
                        incident.getActivityId(),
                        null,
                        incident.getIncidentMessage(),
                        id));
                if (incident.getEndTime() != null) {
                    events.add(new TimelineEvent(
                            instant(incident.getEndTime()),
                            "incident",
                            incident.isDeleted() ? "deleted" : "resolved",
                            phases.get(id),
                            incident.getActivityId(),
                            null,
                            null,
                            id));
                }
            }
        }
    }

    /**
     * The event's stored English texts in the reader's language; a variable's name is an id and stays, and so does a
     * value that is a code ({@code finance}, {@code high}), as the auditor finds it in the engine's history.
     */
    private static TimelineEvent rendered(TimelineEvent e, UnaryOperator<String> text) {
        boolean variable = "variable".equals(e.type());
        return new TimelineEvent(
                e.at(),
                e.type(),
                e.event(),
                e.phase(),
                e.subject() == null || variable ? e.subject() : text.apply(e.subject()),
                e.person(),
                e.detail() == null || Translations.code(e.detail()) ? e.detail() : text.apply(e.detail()),
                e.processInstanceId());
    }

    static String value(HistoricVariableUpdate update) {
        Object value;
        try {
            TypedValue typed = update.getTypedValue();
            value = typed instanceof SerializableValue s && !s.isDeserialized()
                    ? s.getValueSerialized()
                    : typed == null ? null : typed.getValue();
        } catch (RuntimeException e) {
            value = "[" + update.getTypeName() + "]";
        }
        if (value instanceof byte[] || "file".equals(update.getTypeName())) {
            return "[" + update.getTypeName() + "]";
        }
        String text = String.valueOf(value);
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
