package io.rollout.change;

import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the change-control tasks show of a change request (task-local, read-only text of the forms
 * {@code analyseChangeImpact} and {@code approveChange}): {@code changeDescription}, {@code changeReason},
 * {@code changeAffects} and, once analysed, {@code changeImpact}.
 */
final class ChangeForms {

    private ChangeForms() {
    }

    static void show(DelegateTask task, ChangeRequest cr, Messages messages) {
        TaskForms.prefill(task, "changeDescription", FormInput.md(cr.description()));
        TaskForms.prefill(task, "changeReason", FormInput.md(cr.reason()));
        String requirements = cr.requirements().stream().map(r -> "- " + FormInput.md(r)).collect(Collectors.joining("\n"));
        String milestones = cr.milestones().stream()
            .map(m -> "- " + messages.forRecord("change.summary.milestone", FormInput.md(m.name()), m.dueDate().toString()))
            .collect(Collectors.joining("\n"));
        TaskForms.prefill(task, "changeAffects", (requirements + "\n" + milestones).strip());
        if (cr.effortDays() != null) {
            TaskForms.prefill(task, "changeImpact", messages.forRecord("change.summary.impact", cr.effortDays(),
                cr.scheduleDelayDays(), cr.cost().toPlainString(), cr.riskLevel(),
                cr.impactNotes() == null ? "" : FormInput.md(cr.impactNotes())));
        }
    }

    static long changeRequestId(DelegateTask task) {
        return ((Number) task.getVariable("changeRequestId")).longValue();
    }
}
