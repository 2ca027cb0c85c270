package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_SelectSystem} in {@code planningPhase}.
 * <ul>
 * <li>create: prefills {@code selectionApproach} and {@code selectionReason} with the stored selection.</li>
 * <li>complete: checks them with {@link SystemSelectionRules} (refused with every problem), stores the
 *     selection, records {@code systemSelection} in the decision log and sets the process variable
 *     {@code systemApproach} (build, customise or buy) for {@code Gateway_SystemApproach}.</li>
 * </ul>
 */
@Component("systemSelection")
class SystemSelection extends FormTaskListener {

    static final String DECISION = "systemSelection";

    private final SelectionRepository selections;
    private final DecisionLog decisions;
    private final Messages messages;

    SystemSelection(SelectionRepository selections, DecisionLog decisions, Messages messages) {
        this.selections = selections;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        var stored = selections.find(ProcessVariables.projectCode(task));
        TaskForms.prefill(
                task,
                "selectionApproach",
                stored.map(SelectionRepository.Selection::approach).orElse(null));
        TaskForms.prefill(
                task,
                "selectionReason",
                stored.map(SelectionRepository.Selection::reason).orElse(null));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String approach = FormInput.text(TaskForms.submitted(task, "selectionApproach"));
        String reason = FormInput.text(TaskForms.submitted(task, "selectionReason"));
        List<Problem> problems = SystemSelectionRules.checkSelection(approach, reason);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String user = TaskForms.currentUser(task);
        selections.select(projectCode, approach, reason, user);
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "system",
                approach,
                List.of(reason),
                "approach=" + approach,
                user,
                task.getProcessInstanceId()));
        task.getExecution().setVariable("systemApproach", approach);
    }
}
