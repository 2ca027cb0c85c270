package io.rollout.governance;

import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the risk and issue tasks show of an entry: task-local text {@code logEntrySummary} (Markdown) with its title,
 * description, rating, who raised it when, and its owner and due date; people by their display names.
 */
final class LogEntryForms {

    private LogEntryForms() {}

    static void show(DelegateTask task, LogEntry entry, ProjectPeople owners, Messages messages) {
        String rating = LogEntryRules.RISK.equals(entry.kind())
                ? messages.forRecord("governance.summary.risk", entry.probability(), entry.impact())
                : messages.forRecord("governance.summary.issue", entry.severity());
        String owner = entry.owner() == null
                ? messages.forRecord("governance.summary.unassigned")
                : messages.forRecord(
                        "governance.summary.owner",
                        FormInput.md(owners.name(entry.owner())),
                        Dates.date(entry.dueDate()));
        TaskForms.prefill(
                task,
                "logEntrySummary",
                "**" + FormInput.md(entry.title()) + "**\n\n"
                        + (entry.description() == null ? "" : FormInput.md(entry.description()) + "\n\n") + "- "
                        + rating + "\n- "
                        + messages.forRecord(
                                "governance.summary.raised",
                                FormInput.md(owners.name(entry.raisedBy())),
                                Dates.time(entry.raisedAt()))
                        + "\n- " + owner);
    }

    static LogEntry entry(DelegateTask task, LogEntryRepository repository) {
        long id = ProcessVariables.id(task, RisksAndIssues.ID);
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no log entry " + id));
    }
}
