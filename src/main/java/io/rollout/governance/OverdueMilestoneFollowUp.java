package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Dates;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_FollowUpOverdueMilestones} in {@code implementationProject} (PMO).
 * <ul>
 * <li>create: task-local {@code overdueMilestones}, one row per overdue open milestone (name, due date, days overdue,
 *     {@code owner}, {@code reached}), with {@code overdueIds} (the milestone of each row, in order) and
 *     {@code ownerOptions} (the people who may own a milestone, {@link ProjectPeople}).</li>
 * <li>complete: every row keeps its milestone and has an owner who may own it; refused with every problem, or the
 *     milestones given to another owner change owner (decision {@code milestoneOwnerChanged}) and those ticked
 *     reached are completed (decision {@code milestoneCompleted}).</li>
 * </ul>
 */
@Component("overdueMilestoneFollowUp")
class OverdueMilestoneFollowUp implements TaskListener {

    static final String ROWS = "overdueMilestones";
    static final String IDS = "overdueIds";

    private final Milestones milestones;
    private final ProjectPeople owners;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Clock clock;

    OverdueMilestoneFollowUp(Milestones milestones, ProjectPeople owners, DecisionLog decisions, Messages messages,
                             Clock clock) {
        this.milestones = milestones;
        this.owners = owners;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        List<OpenMilestone> open = milestones.open(projectCode);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            LocalDate today = LocalDate.now(clock);
            List<OpenMilestone> overdue = OverdueRules.overdue(open, today);
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
            TaskForms.prefill(task, IDS, JsonRows.ofStrings(overdue.stream().map(m -> String.valueOf(m.id())).toList()));
            TaskForms.prefill(task, "ownerOptions", owners.options());
            return;
        }
        List<FormRow> rows = JsonRows.read(TaskForms.submitted(task, ROWS));
        List<String> ids = JsonRows.readStrings(task.getVariableLocal(IDS));
        if (rows.size() != ids.size()) {
            throw Problem.reject(messages, List.of(Problem.of("governance.overdue.changed")));
        }
        List<Problem> problems = new ArrayList<>();
        List<OpenMilestone> reached = new ArrayList<>();
        Map<OpenMilestone, String> newOwners = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            FormRow row = rows.get(i);
            String id = ids.get(i);
            Optional<OpenMilestone> found = open.stream().filter(m -> String.valueOf(m.id()).equals(id)).findFirst();
            if (found.isEmpty()) {
                // completed meanwhile, in a status report: nothing left to follow up
                continue;
            }
            OpenMilestone m = found.get();
            if (!m.name().equals(row.text("milestone"))) {
                problems.add(Problem.of("governance.overdue.changed"));
                continue;
            }
            String owner = row.text("owner");
            ProjectPeople.Refusal refusal = owner == null ? null : owners.check(owner);
            if (owner == null) {
                problems.add(Problem.of("governance.overdue.ownerRequired", row.number(), m.name()));
            } else if (refusal == ProjectPeople.Refusal.UNKNOWN) {
                problems.add(Problem.of("governance.overdue.ownerUnknown", row.number(), m.name(), owner));
            } else if (refusal == ProjectPeople.Refusal.NOT_ON_PROJECTS) {
                problems.add(Problem.of("governance.overdue.ownerNotOnProjects", row.number(), m.name(), owner));
            } else if (!owner.equals(m.owner())) {
                newOwners.put(m, owner);
            }
            if (row.bool("reached")) {
                reached.add(m);
            }
        }
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems.stream().distinct().toList());
        }
        String user = TaskForms.currentUser(task);
        newOwners.forEach((m, owner) -> {
            milestones.reassign(m, owner);
            decisions.record(new Decision(projectCode, "milestoneOwnerChanged", m.name(), owner,
                List.of(messages.forRecord("governance.milestone.ownerChanged", owners.name(m.owner()), owners.name(owner))),
                "dueDate=" + m.dueDate() + "; ownerBefore=" + m.owner(), user, task.getProcessInstanceId()));
        });
        milestones.complete(projectCode, reached.stream().map(m -> String.valueOf(m.id())).toList(), open, user,
            task.getProcessInstanceId());
    }
}
