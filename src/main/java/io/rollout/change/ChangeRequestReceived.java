package io.rollout.change;

import io.rollout.shared.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_ChangeRequestRaised} in {@code implementationProject}: a message's payload
 * lands on the process instance, and several change requests can run at once, so the {@code changeRequestId} moves
 * into this event sub-process instance, and the variables its tasks and the routing decision write are declared
 * here so that they stay in it too ({@link #LOCAL}). {@code changeRequestTitle} names the request in the task names
 * ("Analyse impact of change request CR-3: Supplier portal for order confirmations", {@link ChangeRequestRules#title}).
 */
@Component("changeRequestReceived")
class ChangeRequestReceived implements ExecutionListener {

    /** The variables of one change request's run through {@code SubProcess_ChangeRequest}. */
    static final List<String> LOCAL = List.of(
            "effortDays",
            "scheduleDelayDays",
            "cost",
            "riskLevel",
            "impactNotes",
            "approverGroup",
            "changeDecision",
            "decisionReason",
            "changeApproved",
            "requirements",
            ChangeSpecification.VERSION);

    private final ChangeRequestRepository repository;

    ChangeRequestReceived(ChangeRequestRepository repository) {
        this.repository = repository;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long changeRequestId = ProcessVariables.id(execution, ChangeRequests.ID);
        if (changeRequestId == null) {
            throw new IllegalStateException("message " + ChangeRequests.MESSAGE + " without changeRequestId");
        }
        execution.setVariableLocal(ChangeRequests.ID, changeRequestId);
        execution.getProcessInstance().removeVariableLocal(ChangeRequests.ID);
        LOCAL.forEach(name -> execution.setVariableLocal(name, null));
        ChangeRequest cr = repository
                .find(changeRequestId)
                .orElseThrow(() -> new IllegalStateException("no change request " + changeRequestId));
        execution.setVariableLocal("changeRequestTitle", ChangeRequestRules.title(cr.description()));
    }
}
