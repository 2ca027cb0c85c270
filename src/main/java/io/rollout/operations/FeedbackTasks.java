package io.rollout.operations;

import io.rollout.identity.RoleMembers;
import io.rollout.planning.MilestoneRegister;
import io.rollout.requirements.RequirementCatalogue;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Feedback from Tasklist ({@code giveFeedback}): {@code ServiceTask_SubmitFeedback} stores the start form's feedback
 * in the backlog (writes {@code feedbackId}). {@code UserTask_TriageFeedback}: on create the PMO's form gets the
 * feedback as the reporter gave it ({@code feedbackSummary}) and the project's requirements and open milestones to
 * pick from ({@code requirementOptions}, {@code milestoneOptions}) when promoting it to a change request; on complete
 * the decision — accept, reject or promote — is recorded by {@link FeedbackService}, as for the REST API.
 */
@Component("feedbackTasks")
class FeedbackTasks extends FormTaskListener implements JavaDelegate {

    private final FeedbackService feedback;
    private final FeedbackRepository repository;
    private final RequirementCatalogue requirements;
    private final MilestoneRegister milestones;
    private final RoleMembers members;
    private final Names names;
    private final FeedbackNames feedbackNames;
    private final Messages messages;

    FeedbackTasks(
            FeedbackService feedback,
            FeedbackRepository repository,
            RequirementCatalogue requirements,
            MilestoneRegister milestones,
            RoleMembers members,
            Names names,
            FeedbackNames feedbackNames,
            Messages messages) {
        this.feedback = feedback;
        this.repository = repository;
        this.requirements = requirements;
        this.milestones = milestones;
        this.members = members;
        this.names = names;
        this.feedbackNames = feedbackNames;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // start-form values are checked by the rules, whatever type a client sent
        String code = FormInput.text(execution.getVariable(ProcessVariables.PROJECT_CODE));
        String reporter = FormInput.text(execution.getVariable("reportedBy"));
        long id = feedback.report(
                code,
                new FeedbackRules.NewFeedback(
                        FormInput.text(execution.getVariable("kind")),
                        FormInput.text(execution.getVariable("module")),
                        FormInput.text(execution.getVariable("text"))),
                reporter == null ? "unknown" : reporter);
        execution.setVariable("feedbackId", id);
    }

    @Override
    protected void prefill(DelegateTask task) {
        String code = ProcessVariables.projectCode(task);
        long id = ProcessVariables.id(task, "feedbackId");
        repository
                .item(code, id)
                .ifPresent(item -> task.setVariableLocal(
                        "feedbackSummary",
                        messages.forRecord(
                                "operations.feedback.summary",
                                feedbackNames.kind(item.kind()),
                                item.module() == null ? "-" : names.module(item.module()),
                                FormInput.md(members.displayName(item.reporter())),
                                Dates.time(item.reportedAt()),
                                FormInput.md(item.text()))));
        TaskForms.prefill(
                task,
                "requirementOptions",
                JsonRows.of(requirements.of(code).stream()
                        .map(r -> option(r.reqId(), r.reqId() + " " + r.title()))
                        .toList()));
        TaskForms.prefill(
                task,
                "milestoneOptions",
                JsonRows.of(milestones.open(code).stream()
                        .map(m -> option(String.valueOf(m.id()), m.name() + " (" + Dates.date(m.dueDate()) + ")"))
                        .toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        feedback.triage(
                ProcessVariables.projectCode(task),
                ProcessVariables.id(task, "feedbackId"),
                new FeedbackRules.Triage(
                        TaskForms.text(task, "triageDecision"),
                        TaskForms.text(task, "priority"),
                        TaskForms.text(task, "triageReason"),
                        JsonRows.readStrings(TaskForms.submitted(task, "affectedRequirements")),
                        JsonRows.readStrings(TaskForms.submitted(task, "affectedMilestones"))),
                TaskForms.currentUser(task));
    }

    private static Map<String, Object> option(String value, String label) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
