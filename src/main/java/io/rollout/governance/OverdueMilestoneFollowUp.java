package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.governance.OverdueFollowUpRules.FollowUp;
import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Dates;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_FollowUpOverdueMilestones} in {@code implementationProject} (PMO).
 * <ul>
 * <li>create: task-local {@code overdueMilestones}, one row per overdue open milestone (name, due date, days overdue,
 *     {@code owner}, {@code reached}), with {@code overdueIds} (the milestone of each row, in order) and
 *     {@code ownerOptions} (the people who may own a milestone, {@link ProjectPeople}).</li>
 * <li>complete: every row keeps its milestone and has an owner who may own it ({@link OverdueFollowUpRules});
 *     refused with every problem, or the
 *     milestones given to another owner change owner (decision {@code milestoneOwnerChanged}) and those ticked
 *     reached are completed (decision {@code milestoneCompleted}).</li>
 * </ul>
 */
@Component("overdueMilestoneFollowUp")
class OverdueMilestoneFollowUp extends FormTaskListener {

    static final String ROWS = "overdueMilestones";
    static final String IDS = "overdueIds";

    private final Milestones milestones;
    private final ProjectPeople owners;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Clock clock;

    OverdueMilestoneFollowUp(
            Milestones milestones, ProjectPeople owners, DecisionLog decisions, Messages messages, Clock clock) {
        this.milestones = milestones;
        this.owners = owners;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void prefill(DelegateTask task) {
        LocalDate today = LocalDate.now(clock);
        List<OpenMilestone> overdue = OverdueRules.overdue(milestones.open(ProcessVariables.projectCode(task)), today);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OpenMilestone m : overdue) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("milestone", m.name());
            row.put("due", Dates.date(m.dueDate()));
            row.put("days", String.valueOf(ChronoUnit.DAYS.between(m.dueDate(), today)));
            row.put("owner", m.owner());
            row.put("reached", false);
            rows.add(row);
        }
        TaskForms.prefill(task, ROWS, JsonRows.of(rows));
        TaskForms.prefill(
                task,
                IDS,
                JsonRows.ofStrings(
                        overdue.stream().map(m -> String.valueOf(m.id())).toList()));
        TaskForms.prefill(task, "ownerOptions", owners.options());
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<OpenMilestone> open = milestones.open(projectCode);
        FollowUp followUp = OverdueFollowUpRules.check(
                JsonRows.read(TaskForms.submitted(task, ROWS)),
                JsonRows.readStrings(task.getVariableLocal(IDS)),
                open,
                owners::check);
        if (!followUp.problems().isEmpty()) {
            throw Problem.reject(messages, followUp.problems());
        }
        String user = TaskForms.currentUser(task);
        followUp.newOwners().forEach((m, owner) -> {
            milestones.reassign(m, owner);
            decisions.record(new Decision(
                    projectCode,
                    "milestoneOwnerChanged",
                    m.name(),
                    owner,
                    List.of(messages.forRecord(
                            "governance.milestone.ownerChanged", owners.name(m.owner()), owners.name(owner))),
                    "dueDate=" + m.dueDate() + "; ownerBefore=" + m.owner(),
                    user,
                    task.getProcessInstanceId()));
        });
        milestones.complete(
                projectCode,
                followUp.reached().stream().map(m -> String.valueOf(m.id())).toList(),
                open,
                user,
                task.getProcessInstanceId());
    }
}
