package io.rollout.change;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code BusinessRuleTask_RouteChangeRequest} in {@code implementationProject}: stores and logs
 * (decision {@code changeRouting}, outcome = the group) where the DMN table {@code changeRouting} routed the change
 * request, with the inputs it decided on. An unknown group is a modelling error and fails.
 */
@Component("changeRoutingRecorder")
class ChangeRoutingRecorder implements ExecutionListener {

    static final List<String> APPROVER_GROUPS = List.of("pmo", "steering-committee");

    private final ChangeRequestRepository repository;
    private final DecisionLog decisions;

    ChangeRoutingRecorder(ChangeRequestRepository repository, DecisionLog decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long id = ProcessVariables.id(execution, ChangeRequests.ID);
        Object group = execution.getVariable("approverGroup");
        if (group == null || !APPROVER_GROUPS.contains(group.toString())) {
            throw new IllegalStateException("changeRouting routed change request " + id + " to " + group
                    + "; expected one of " + APPROVER_GROUPS);
        }
        repository.saveRouting(id, group.toString());
        decisions.record(new Decision(
                ProcessVariables.projectCode(execution),
                "changeRouting",
                ChangeRequest.subject(id),
                group.toString(),
                List.of(),
                "effortDays=" + execution.getVariable("effortDays")
                        + "; scheduleDelayDays=" + execution.getVariable("scheduleDelayDays") + "; cost="
                        + execution.getVariable("cost") + "; riskLevel=" + execution.getVariable("riskLevel"),
                DecisionLog.SYSTEM,
                execution.getProcessInstanceId()));
    }
}
