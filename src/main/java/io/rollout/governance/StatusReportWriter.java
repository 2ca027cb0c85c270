package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_WriteStatusReport} (PMO, weekly) and {@code UserTask_HoldSteeringReview}
 * (steering committee, monthly) in {@code implementationProject}.
 * <ul>
 * <li>create: task-local {@code reportFacts} ({@link StatusFacts}), {@code milestoneOptions} (the open milestones,
 *     for the checklist {@code milestonesReached}), and the empty fields {@code rag}, {@code summary}.</li>
 * <li>complete: {@code rag} green / amber / red and {@code summary} are required, the checked milestones must be
 *     open ones; refused with every problem, or the milestones are completed and the report is stored in
 *     {@code status_report} (kind {@code weekly} / {@code steering}) and logged as decision {@code statusReport} /
 *     {@code steeringReview} with the RAG status as outcome.</li>
 * </ul>
 */
@Component("statusReportWriter")
class StatusReportWriter implements TaskListener {

    static final String STEERING_TASK = "UserTask_HoldSteeringReview";
    static final List<String> RAG = List.of("green", "amber", "red");

    private final StatusFacts facts;
    private final Milestones milestones;
    private final StatusReportRepository reports;
    private final DecisionLog decisions;
    private final Messages messages;

    StatusReportWriter(StatusFacts facts, Milestones milestones, StatusReportRepository reports, DecisionLog decisions,
                       Messages messages) {
        this.facts = facts;
        this.milestones = milestones;
        this.reports = reports;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        List<OpenMilestone> open = milestones.open(projectCode);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskForms.prefill(task, "reportFacts", facts.of(projectCode, task.getProcessInstanceId(),
                task.getProcessDefinitionId()));
            TaskForms.prefill(task, "milestoneOptions", Milestones.options(open));
            TaskForms.prefill(task, "milestonesReached", JsonRows.ofStrings(List.of()));
            TaskForms.prefill(task, "rag", null);
            TaskForms.prefill(task, "summary", null);
            return;
        }
        String rag = FormInput.text(TaskForms.submitted(task, "rag"));
        String summary = FormInput.text(TaskForms.submitted(task, "summary"));
        List<String> reached = JsonRows.readStrings(TaskForms.submitted(task, "milestonesReached"));
        List<Problem> problems = new ArrayList<>();
        if (rag == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.rag")));
        } else if (!RAG.contains(rag.toLowerCase(Locale.ROOT))) {
            problems.add(Problem.of("form.field.choice", new Label("governance.field.rag"), String.join(", ", RAG), rag));
        }
        if (summary == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.summary")));
        } else if (summary.length() > 4000) {
            problems.add(Problem.of("governance.text.tooLong", new Label("governance.field.summary"), 4000));
        }
        problems.addAll(Milestones.check(reached, open));
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String user = TaskForms.currentUser(task);
        milestones.complete(projectCode, reached, open, user, task.getProcessInstanceId());
        boolean steering = STEERING_TASK.equals(task.getTaskDefinitionKey());
        String kind = steering ? StatusReport.STEERING : StatusReport.WEEKLY;
        reports.save(projectCode, kind, rag.toLowerCase(Locale.ROOT), summary,
            (String) task.getVariableLocal("reportFacts"), user);
        decisions.record(new Decision(projectCode, steering ? "steeringReview" : "statusReport", kind + " report",
            rag.toLowerCase(Locale.ROOT), List.of(summary), "milestonesReached=" + reached, user,
            task.getProcessInstanceId()));
    }
}
