package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.ProjectPeople;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ResolveLogEntry} in {@code implementationProject} (the entry's owner).
 * <ul>
 * <li>create: shows the entry ({@link LogEntryForms}).</li>
 * <li>complete: {@code resolution} is required; stores it (a risk is closed in the register, its mitigation is the
 *     resolution unless one was recorded) and logs decision {@code riskOrIssue} ({@code resolved}).</li>
 * </ul>
 */
@Component("logEntryResolution")
class LogEntryResolution extends FormTaskListener {

    private final LogEntryRepository repository;
    private final DecisionLog decisions;
    private final ProjectPeople owners;
    private final Messages messages;

    LogEntryResolution(LogEntryRepository repository, DecisionLog decisions, ProjectPeople owners, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.owners = owners;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        LogEntryForms.show(task, LogEntryForms.entry(task, repository), owners, messages);
    }

    @Override
    protected void complete(DelegateTask task) {
        LogEntry entry = LogEntryForms.entry(task, repository);
        String resolution = FormInput.text(task.getVariable("resolution"));
        List<Problem> problems = LogEntryRules.resolve(resolution);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String user = TaskForms.currentUser(task);
        repository.resolve(entry, resolution, user);
        decisions.record(new Decision(
                entry.projectCode(),
                "riskOrIssue",
                entry.subject(),
                LogEntry.RESOLVED,
                List.of(resolution),
                "owner=" + entry.owner() + "; dueDate=" + entry.dueDate(),
                user,
                task.getProcessInstanceId()));
    }
}
