package io.rollout.governance;

import io.rollout.shared.ProcessVariables;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_RiskOrIssueRaised} in {@code implementationProject}: several risks and issues
 * run at once, so the message's {@code logEntryId} moves from the process instance into this event sub-process
 * instance, with what its tasks show and decide on: {@code logEntryKind}, {@code logEntryTitle},
 * {@code ownerAssigned} (for {@code Gateway_OwnerKnown}), {@code logEntryOwner} (candidate of
 * {@code UserTask_ResolveLogEntry}) and {@code logEntryDueAt} (its boundary timer), and the form fields of its
 * tasks ({@code owner}, {@code dueDate}, {@code resolution}) declared locally.
 */
@Component("logEntryReceived")
class LogEntryReceived implements ExecutionListener {

    static final List<String> LOCAL =
            List.of("owner", "dueDate", "resolution", "ownerAssigned", "logEntryOwner", "logEntryDueAt");

    private final LogEntryRepository repository;

    LogEntryReceived(LogEntryRepository repository) {
        this.repository = repository;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long entryId = ProcessVariables.id(execution, RisksAndIssues.ID);
        if (entryId == null) {
            throw new IllegalStateException("message " + RisksAndIssues.MESSAGE + " without logEntryId");
        }
        execution.setVariableLocal(RisksAndIssues.ID, entryId);
        execution.getProcessInstance().removeVariableLocal(RisksAndIssues.ID);
        LogEntry entry =
                repository.find(entryId).orElseThrow(() -> new IllegalStateException("no log entry " + entryId));
        execution.setVariableLocal("logEntryKind", entry.kind());
        execution.setVariableLocal("logEntryTitle", entry.title());
        LOCAL.forEach(name -> execution.setVariableLocal(name, null));
        assigned(execution, entry.owner(), entry.dueDate());
    }

    /** Sets who resolves the entry and when its timer fires: the start of the day after the due date. */
    static void assigned(DelegateExecution execution, String owner, LocalDate dueDate) {
        boolean known = owner != null && dueDate != null;
        execution.setVariable("ownerAssigned", known);
        execution.setVariable("logEntryOwner", owner);
        execution.setVariable("logEntryDueAt", known ? overdueAt(dueDate) : null);
    }

    static Date overdueAt(LocalDate dueDate) {
        return Date.from(
                dueDate.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
