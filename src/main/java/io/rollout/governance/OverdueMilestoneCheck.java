package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Dates;
import io.rollout.shared.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_FindOverdueMilestones} in {@code implementationProject} (timer {@code StartEvent_MilestoneCheckDue},
 * daily by default): escalates each milestone that newly passed its due date without completion
 * ({@link OverdueRules}) once, logs decision {@code milestoneOverdue} ({@code escalated}) for it, and writes the
 * number as {@code newlyOverdue} for {@code Gateway_NewlyOverdue}.
 */
@Component("overdueMilestoneCheck")
class OverdueMilestoneCheck implements JavaDelegate {

    private final Milestones milestones;
    private final DecisionLog decisions;
    private final ProjectPeople owners;
    private final Messages messages;
    private final Clock clock;

    OverdueMilestoneCheck(Milestones milestones, DecisionLog decisions, ProjectPeople owners, Messages messages, Clock clock) {
        this.milestones = milestones;
        this.decisions = decisions;
        this.owners = owners;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = (String) execution.getVariable("projectCode");
        LocalDate today = LocalDate.now(clock);
        List<OpenMilestone> escalate = OverdueRules.newlyOverdue(milestones.open(projectCode),
            milestones.escalated(projectCode), today);
        for (OpenMilestone m : escalate) {
            milestones.escalate(projectCode, m, Instant.now(clock));
            decisions.record(new Decision(projectCode, "milestoneOverdue", m.name(), "escalated",
                List.of(messages.forRecord("governance.milestone.overdue", m.name(), Dates.date(m.dueDate()), owners.name(m.owner()),
                    ChronoUnit.DAYS.between(m.dueDate(), today))),
                "dueDate=" + m.dueDate() + "; today=" + today, DecisionLog.SYSTEM, execution.getProcessInstanceId()));
        }
        execution.setVariableLocal("newlyOverdue", escalate.size());
    }
}
