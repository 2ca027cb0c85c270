package io.rollout.operations;

import io.rollout.identity.RoleMembers;
import io.rollout.planning.MilestoneRegister;
import io.rollout.requirements.RequirementCatalogue;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Feedback from Tasklist ({@code giveFeedback}): {@code ServiceTask_SubmitFeedback} stores the start form's feedback
 * in the backlog (writes {@code feedbackId}). {@code UserTask_TriageFeedback}: on create the PMO's form gets the
 * feedback as the reporter gave it ({@code feedbackSummary}) and the project's requirements and open milestones to
 * pick from ({@code requirementOptions}, {@code milestoneOptions}) when promoting it to a change request; on complete
 * the decision — accept, reject or promote — is recorded with the same rules as the REST API.
 */
@Component("feedbackTasks")
class FeedbackTasks implements JavaDelegate, TaskListener {

    private final FeedbackController backlog;
    private final RequirementCatalogue requirements;
    private final MilestoneRegister milestones;
    private final RoleMembers members;
    private final Names names;
    private final FeedbackNames feedbackNames;
    private final Messages messages;

    FeedbackTasks(FeedbackController backlog, RequirementCatalogue requirements, MilestoneRegister milestones,
                  RoleMembers members, Names names, FeedbackNames feedbackNames, Messages messages) {
        this.backlog = backlog;
        this.feedbackNames = feedbackNames;
        this.requirements = requirements;
        this.milestones = milestones;
        this.members = members;
        this.names = names;
        this.messages = messages;
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
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            backlog.items(code).stream().filter(i -> i.id() == id).findFirst().ifPresent(item ->
                task.setVariableLocal("feedbackSummary", messages.forRecord("operations.feedback.summary",
                    feedbackNames.kind(item.kind()), item.module() == null ? "-" : names.module(item.module()),
                    FormInput.md(members.displayName(item.reporter())), Dates.time(item.reportedAt()),
                    FormInput.md(item.text()))));
            TaskForms.prefill(task, "requirementOptions", JsonRows.of(requirements.of(code).stream()
                .map(r -> option(r.reqId(), r.reqId() + " " + r.title())).toList()));
            TaskForms.prefill(task, "milestoneOptions", JsonRows.of(milestones.open(code).stream()
                .map(m -> option(String.valueOf(m.id()), m.name() + " (" + Dates.date(m.dueDate()) + ")")).toList()));
            return;
        }
        backlog.triage(code, id, new FeedbackController.Triage(TaskForms.text(task, "triageDecision"),
            TaskForms.text(task, "priority"), TaskForms.text(task, "triageReason"),
            JsonRows.readStrings(TaskForms.submitted(task, "affectedRequirements")),
            JsonRows.readStrings(TaskForms.submitted(task, "affectedMilestones"))), TaskForms.currentUser(task));
    }

    private static Map<String, Object> option(String value, String label) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
