package io.rollout.change;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.change.RebaselineRules.PlannedMilestone;
import io.rollout.change.RebaselineRules.Shift;
import io.rollout.shared.Messages;
import io.rollout.shared.ProcessVariables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RebaselineChange} in {@code implementationProject}: an approved change request re-baselines
 * the plan (its affected milestones move by the schedule delay, {@link RebaselineRules}; the new
 * {@code plan_baseline} version keeps every milestone's dates before and after) and records the specification
 * version that {@code UserTask_UpdateSpecification} baselined for it ({@code rebaselinedSpecVersion}, see
 * {@link ChangeSpecification}); a change to requirements of a specification not yet baselined is noted as taken
 * over by the running requirements phase. Logs decision {@code changeRebaseline}.
 */
@Component("changeRebaseline")
class ChangeRebaseline implements JavaDelegate {

    private final ChangeRequestRepository repository;
    private final DecisionLog decisions;
    private final Messages messages;

    ChangeRebaseline(ChangeRequestRepository repository, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.id(execution, ChangeRequests.ID);
        ChangeRequest cr = repository.find(id).orElseThrow(() -> new IllegalStateException("no change request " + id));
        String reason = messages.forRecord("change.rebaseline.reason", id, cr.reason());
        Set<Long> affected = new HashSet<>();
        cr.milestones().forEach(m -> affected.add(m.id()));
        List<PlannedMilestone> plan = repository.plan(cr.projectCode());
        List<Shift> shifts = RebaselineRules.shift(plan, affected, cr.scheduleDelayDays());
        int planVersion = repository.rebaseline(cr.projectCode(), id, reason, shifts, cr.decidedBy());
        List<String> findings = new ArrayList<>();
        shifts.stream()
                .filter(Shift::moved)
                .forEach(s -> findings.add(messages.forRecord(
                        "change.rebaseline.moved",
                        s.name(),
                        s.before().toString(),
                        s.after().toString())));
        Integer specVersion = ProcessVariables.integer(execution, ChangeSpecification.VERSION);
        if (specVersion != null) {
            findings.add(messages.forRecord("change.rebaseline.specification", specVersion));
        } else if (!cr.requirements().isEmpty()) {
            findings.add(messages.forRecord("change.rebaseline.specificationNotBaselined"));
        }
        repository.markRebaselined(id, specVersion);
        decisions.record(new Decision(
                cr.projectCode(),
                "changeRebaseline",
                ChangeRequest.subject(id),
                ChangeRequest.REBASELINED,
                findings,
                "planBaseline=" + planVersion + "; specVersion=" + specVersion + "; scheduleDelayDays="
                        + cr.scheduleDelayDays(),
                DecisionLog.SYSTEM,
                execution.getProcessInstanceId()));
    }
}
