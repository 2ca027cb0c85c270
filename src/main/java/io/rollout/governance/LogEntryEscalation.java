package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Dates;
import io.rollout.shared.Messages;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of {@code UserTask_ChaseOverdueLogEntry} in {@code implementationProject}, the PMO's task when
 * {@code BoundaryEvent_LogEntryOverdue} fires because the owner did not resolve the entry by its due date: marks the
 * entry {@code escalated}, logs decision {@code riskOrIssue} ({@code escalated}) and shows the entry.
 */
@Component("logEntryEscalation")
class LogEntryEscalation implements TaskListener {

    private final LogEntryRepository repository;
    private final DecisionLog decisions;
    private final ProjectPeople owners;
    private final Messages messages;

    LogEntryEscalation(LogEntryRepository repository, DecisionLog decisions, ProjectPeople owners, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.owners = owners;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        LogEntry entry = LogEntryForms.entry(task, repository);
        repository.escalate(entry);
        decisions.record(new Decision(
                entry.projectCode(),
                "riskOrIssue",
                entry.subject(),
                LogEntry.ESCALATED,
                List.of(messages.forRecord(
                        "governance.escalation.overdue", owners.name(entry.owner()), Dates.date(entry.dueDate()))),
                "owner=" + entry.owner() + "; dueDate=" + entry.dueDate(),
                DecisionLog.SYSTEM,
                task.getProcessInstanceId()));
        LogEntryForms.show(task, repository.find(entry.id()).orElseThrow(), owners, messages);
    }
}
