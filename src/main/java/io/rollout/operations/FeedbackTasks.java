package io.rollout.operations;

import io.rollout.shared.FormInput;
import io.rollout.shared.TaskForms;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Feedback from Tasklist ({@code giveFeedback}): {@code ServiceTask_SubmitFeedback} stores the start form's feedback
 * in the backlog (writes {@code feedbackId}); the complete listener of {@code UserTask_TriageFeedback} records the
 * PMO's decision — accept, reject or promote to a change request — with the same rules as the REST API.
 */
@Component("feedbackTasks")
class FeedbackTasks implements JavaDelegate, TaskListener {

    private final FeedbackController backlog;

    FeedbackTasks(FeedbackController backlog) {
        this.backlog = backlog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = FormInput.text(execution.getVariable("projectCode"));
        String reporter = FormInput.text(execution.getVariable("reportedBy"));
        long id = backlog.report(code, new FeedbackController.NewFeedback(FormInput.text(execution.getVariable("kind")),
            FormInput.text(execution.getVariable("module")), FormInput.text(execution.getVariable("text"))),
            reporter == null ? "unknown" : reporter);
        execution.setVariable("feedbackId", id);
    }

    @Override
    public void notify(DelegateTask task) {
        String code = (String) task.getVariable("projectCode");
        long id = ((Number) task.getVariable("feedbackId")).longValue();
        backlog.triage(code, id, new FeedbackController.Triage(TaskForms.text(task, "triageDecision"),
            TaskForms.text(task, "priority"), TaskForms.text(task, "triageReason"), list(TaskForms.text(task,
                "affectedRequirements")), List.of()), TaskForms.currentUser(task));
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，;\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
