package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.LogEntryRules.Assignment;
import io.rollout.identity.ProjectPeople;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_AssignLogEntryOwner} in {@code implementationProject} (PMO).
 * <ul>
 * <li>create: shows the entry ({@link LogEntryForms}) and offers the people who may own it by name
 *     ({@code ownerOptions}, {@link ProjectPeople}).</li>
 * <li>complete: {@code owner} (one of those people) and {@code dueDate} (today or later) checked with
 *     {@link LogEntryRules#assign}; refused with every problem, or stored (the risk register's owner too), logged as
 *     decision {@code riskOrIssue} ({@code assigned}) and set as {@code logEntryOwner} / {@code logEntryDueAt}.</li>
 * </ul>
 */
@Component("logEntryAssignment")
class LogEntryAssignment extends FormTaskListener {

    private final LogEntryRepository repository;
    private final DecisionLog decisions;
    private final ProjectPeople owners;
    private final Messages messages;
    private final Clock clock;

    LogEntryAssignment(
            LogEntryRepository repository,
            DecisionLog decisions,
            ProjectPeople owners,
            Messages messages,
            Clock clock) {
        this.repository = repository;
        this.decisions = decisions;
        this.owners = owners;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void prefill(DelegateTask task) {
        LogEntryForms.show(task, LogEntryForms.entry(task, repository), owners, messages);
        TaskForms.prefill(task, "ownerOptions", owners.options());
    }

    @Override
    protected void complete(DelegateTask task) {
        LogEntry entry = LogEntryForms.entry(task, repository);
        Assignment assignment = LogEntryRules.assign(
                FormInput.text(task.getVariable("owner")),
                FormInput.text(task.getVariable("dueDate")),
                LocalDate.now(clock),
                owners::check);
        if (!assignment.valid()) {
            throw Problem.reject(messages, assignment.problems());
        }
        repository.assign(entry, assignment.owner(), assignment.dueDate());
        LogEntryReceived.assigned(task.getExecution(), assignment.owner(), assignment.dueDate());
        decisions.record(new Decision(
                entry.projectCode(),
                "riskOrIssue",
                entry.subject(),
                "assigned",
                List.of(),
                "owner=" + assignment.owner() + "; dueDate=" + assignment.dueDate(),
                TaskForms.currentUser(task),
                task.getProcessInstanceId()));
    }
}
