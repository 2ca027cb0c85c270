package io.rollout.change;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.change.ChangeRequestRules.Impact;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_AnalyseChangeImpact} in {@code implementationProject}.
 * <ul>
 * <li>create: shows the change request ({@link ChangeForms}).</li>
 * <li>complete: checks {@code effortDays}, {@code scheduleDelayDays}, {@code cost}, {@code riskLevel} and
 *     {@code impactNotes} with {@link ChangeRequestRules#impact} and refuses the form with every problem, or stores
 *     the impact, logs decision {@code changeImpact} and writes the typed values back for the DMN table
 *     {@code changeRouting} (effort and delay as integers, cost as a double, risk level in lower case).</li>
 * </ul>
 */
@Component("changeImpactAnalysis")
class ChangeImpactAnalysis extends FormTaskListener {

    private final ChangeRequestRepository repository;
    private final ChangeForms forms;
    private final DecisionLog decisions;
    private final Messages messages;

    ChangeImpactAnalysis(
            ChangeRequestRepository repository, ChangeForms forms, DecisionLog decisions, Messages messages) {
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
        Impact impact = ChangeRequestRules.impact(
                task.getVariable("effortDays"),
                task.getVariable("scheduleDelayDays"),
                task.getVariable("cost"),
                task.getVariable("riskLevel"),
                FormInput.text(task.getVariable("impactNotes")));
        if (!impact.valid()) {
            throw Problem.reject(messages, impact.problems());
        }
        String user = TaskForms.currentUser(task);
        repository.saveImpact(id, impact, user);
        task.setVariable("effortDays", impact.effortDays());
        task.setVariable("scheduleDelayDays", impact.scheduleDelayDays());
        task.setVariable("cost", impact.cost().doubleValue());
        task.setVariable("riskLevel", impact.riskLevel());
        decisions.record(new Decision(
                cr.projectCode(),
                "changeImpact",
                ChangeRequest.subject(id),
                ChangeRequest.ANALYSED,
                impact.notes() == null ? List.of() : List.of(impact.notes()),
                inputs(impact),
                user,
                task.getProcessInstanceId()));
    }

    static String inputs(Impact impact) {
        return "effortDays=" + impact.effortDays() + "; scheduleDelayDays=" + impact.scheduleDelayDays() + "; cost="
                + impact.cost().toPlainString() + "; riskLevel=" + impact.riskLevel();
    }
}
