package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.gate.GateDelegate;
import io.rollout.gate.GateRecorder;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.identity.ProjectPeople;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_FindOverdueMilestones} in {@code implementationProject} (timer {@code StartEvent_MilestoneCheckDue},
 * daily by default): escalates each milestone that newly passed its due date without completion
 * ({@link OverdueRules}) once, logs decision {@code milestoneOverdue} ({@code escalated}) for it, and writes the
 * number as {@code newlyOverdue} for {@code Gateway_NewlyOverdue}. Unlike a gate it writes no findings variable
 * (the follow-up task lists the overdue milestones itself) and records one decision per milestone, none when
 * nothing is newly overdue.
 */
@Component("overdueMilestoneCheck")
class OverdueMilestoneCheck extends GateDelegate<OverdueRules.Input, OverdueRules.Escalations> {

    static final String DECISION = "milestoneOverdue";

    private final Milestones milestones;
    private final ProjectPeople owners;
    private final Clock clock;

    OverdueMilestoneCheck(Milestones milestones, ProjectPeople owners, Clock clock, GateRecorder recorder) {
        super(recorder, DECISION, new OverdueRules());
        this.milestones = milestones;
        this.owners = owners;
        this.clock = clock;
    }

    @Override
    protected OverdueRules.Input load(String projectCode, DelegateExecution execution) {
        LocalDate today = LocalDate.now(clock);
        List<OpenMilestone> open = milestones.open(projectCode);
        Map<String, String> names = new HashMap<>();
        OverdueRules.overdue(open, today).forEach(m -> names.put(m.owner(), owners.name(m.owner())));
        return new OverdueRules.Input(open, milestones.escalated(projectCode), today, names);
    }

    @Override
    protected void act(Run<OverdueRules.Input, OverdueRules.Escalations> run) {
        Instant now = Instant.now(clock);
        run.outcome().escalations().forEach(e -> milestones.escalate(run.projectCode(), e.milestone(), now));
    }

    @Override
    protected void write(Run<OverdueRules.Input, OverdueRules.Escalations> run) {
        run.execution()
                .setVariableLocal("newlyOverdue", run.outcome().escalations().size());
    }

    @Override
    protected List<Decision> decisions(Run<OverdueRules.Input, OverdueRules.Escalations> run) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < run.findings().size(); i++) {
            OpenMilestone m = run.outcome().escalations().get(i).milestone();
            decisions.add(new Decision(
                    run.projectCode(),
                    DECISION,
                    m.name(),
                    "escalated",
                    List.of(run.findings().get(i)),
                    "dueDate=" + m.dueDate() + "; today=" + run.input().today(),
                    DecisionLog.SYSTEM,
                    run.execution().getProcessInstanceId()));
        }
        return decisions;
    }
}
