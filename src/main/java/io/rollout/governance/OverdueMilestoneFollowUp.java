package io.rollout.governance;

import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_FollowUpOverdueMilestones} in {@code implementationProject} (PMO).
 * <ul>
 * <li>create: task-local {@code overdueList} (Markdown: every overdue open milestone with owner and days overdue)
 *     and {@code overdueOptions} (checklist options), {@code milestonesReached} empty.</li>
 * <li>complete: the checked {@code milestonesReached} must be among the overdue ones; they are completed.</li>
 * </ul>
 */
@Component("overdueMilestoneFollowUp")
class OverdueMilestoneFollowUp implements TaskListener {

    private final Milestones milestones;
    private final Messages messages;
    private final Clock clock;

    OverdueMilestoneFollowUp(Milestones milestones, Messages messages, Clock clock) {
        this.milestones = milestones;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        LocalDate today = LocalDate.now(clock);
        List<OpenMilestone> overdue = OverdueRules.overdue(milestones.open(projectCode), today);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskForms.prefill(task, "overdueList", overdue.stream()
                .map(m -> "- " + messages.forRecord("governance.milestone.overdue", FormInput.md(m.name()),
                    m.dueDate().toString(), FormInput.md(m.owner()), ChronoUnit.DAYS.between(m.dueDate(), today)))
                .collect(Collectors.joining("\n")));
            TaskForms.prefill(task, "overdueOptions", Milestones.options(overdue));
            TaskForms.prefill(task, "milestonesReached", JsonRows.ofStrings(List.of()));
            return;
        }
        List<String> reached = JsonRows.readStrings(TaskForms.submitted(task, "milestonesReached"));
        List<Problem> problems = Milestones.check(reached, overdue);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        milestones.complete(projectCode, reached, overdue, TaskForms.currentUser(task), task.getProcessInstanceId());
    }
}
