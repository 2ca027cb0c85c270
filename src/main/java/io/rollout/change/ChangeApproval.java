package io.rollout.change;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ApproveChange} in {@code implementationProject} (candidate group: the
 * {@code approverGroup} the DMN table chose).
 * <ul>
 * <li>create: shows the change request and its impact ({@link ChangeForms}).</li>
 * <li>complete: {@code changeDecision} approve / reject, {@code decisionReason} (required to reject); refuses a
 *     bad decision, or stores it, logs decision {@code changeApproval} ({@code approved} / {@code rejected} with the
 *     reason) and writes {@code changeApproved} for {@code Gateway_ChangeApproved}.</li>
 * </ul>
 */
@Component("changeApproval")
class ChangeApproval extends FormTaskListener {

    private final ChangeRequestRepository repository;
    private final ChangeForms forms;
    private final DecisionLog decisions;
    private final Messages messages;

    ChangeApproval(ChangeRequestRepository repository, ChangeForms forms, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.forms = forms;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        forms.show(task, forms.find(task));
    }

    @Override
    protected void complete(DelegateTask task) {
        ChangeRequest cr = forms.find(task);
        long id = cr.id();
        String decision = FormInput.text(task.getVariable("changeDecision"));
        String reason = FormInput.text(task.getVariable("decisionReason"));
        List<Problem> problems = ChangeRequestRules.decision(decision, reason);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        boolean approved = decision.equals("approve");
        String user = TaskForms.currentUser(task);
        repository.saveDecision(id, approved, reason, user);
        task.setVariable("changeApproved", approved);
        decisions.record(new Decision(
                cr.projectCode(),
                "changeApproval",
                ChangeRequest.subject(id),
                approved ? ChangeRequest.APPROVED : ChangeRequest.REJECTED,
                reason == null ? List.of() : List.of(reason),
                "approverGroup=" + cr.approverGroup(),
                user,
                task.getProcessInstanceId()));
    }
}
