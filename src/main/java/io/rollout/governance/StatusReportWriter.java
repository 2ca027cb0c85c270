package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.identity.RoleMembers;
import io.rollout.shared.Engine;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_WriteStatusReport} (PMO, weekly) and {@code UserTask_HoldSteeringReview}
 * (steering committee, monthly) in {@code implementationProject}. A report states the project as it is when it is
 * written, not when its task was created (a week may lie between): the facts are read again whenever the task's
 * form is opened ({@link #refresh}, called by {@link ReportFactsOnOpen}), and once more when it is completed, and the
 * report keeps those.
 * <ul>
 * <li>create: the facts as they are now, task-locally ({@link StatusFacts#formVariables}), {@code milestoneOptions}
 *     (the open milestones, for the checklist {@code milestonesReached}) and the empty fields {@code rag},
 *     {@code summary}.</li>
 * <li>complete: {@code rag} green / amber / red and {@code summary} are required ({@link StatusReportRules}), the
 *     checked milestones must be open ones; refused with every problem, or the milestones are completed and the report
 *     is stored in {@code status_report} (kind {@code weekly} / {@code steering}) with the facts read at this moment,
 *     and logged as decision {@code statusReport} / {@code steeringReview} with the RAG status as outcome.</li>
 * </ul>
 * The task ends unwritten when the project closes or is cancelled (terminate end event {@code EndEvent_ProjectClosed},
 * interrupting {@code SubProcess_CancelProject}).
 */
@Component("statusReportWriter")
class StatusReportWriter extends FormTaskListener {

    static final String STEERING_TASK = "UserTask_HoldSteeringReview";
    static final List<String> REPORT_TASKS = List.of("UserTask_WriteStatusReport", STEERING_TASK);

    private final StatusFacts facts;
    private final Milestones milestones;
    private final StatusReportRepository reports;
    private final DecisionLog decisions;
    private final RoleMembers people;
    private final TaskService tasks;
    private final Engine engine;
    private final Messages messages;

    StatusReportWriter(
            StatusFacts facts,
            Milestones milestones,
            StatusReportRepository reports,
            DecisionLog decisions,
            RoleMembers people,
            TaskService tasks,
            Engine engine,
            Messages messages) {
        this.facts = facts;
        this.milestones = milestones;
        this.reports = reports;
        this.decisions = decisions;
        this.people = people;
        this.tasks = tasks;
        this.engine = engine;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        formVariables(
                        projectCode,
                        task.getProcessInstanceId(),
                        task.getProcessDefinitionId(),
                        milestones.open(projectCode))
                .forEach((name, value) -> TaskForms.prefill(task, name, value));
        TaskForms.prefill(task, "milestonesReached", JsonRows.ofStrings(List.of()));
        TaskForms.prefill(task, "rag", null);
        TaskForms.prefill(task, "summary", null);
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<OpenMilestone> open = milestones.open(projectCode);
        String rag = FormInput.text(TaskForms.submitted(task, "rag"));
        String summary = FormInput.text(TaskForms.submitted(task, "summary"));
        List<String> reached = JsonRows.readStrings(TaskForms.submitted(task, "milestonesReached"));
        List<Problem> problems = new ArrayList<>(StatusReportRules.check(rag, summary));
        problems.addAll(Milestones.check(reached, open));
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String user = TaskForms.currentUser(task);
        milestones.complete(projectCode, reached, open, user, task.getProcessInstanceId());
        boolean steering = STEERING_TASK.equals(task.getTaskDefinitionKey());
        String kind = steering ? StatusReport.STEERING : StatusReport.WEEKLY;
        reports.save(
                projectCode,
                kind,
                rag.toLowerCase(Locale.ROOT),
                summary,
                facts.markdown(facts.of(projectCode, task.getProcessInstanceId(), task.getProcessDefinitionId())),
                user);
        decisions.record(new Decision(
                projectCode,
                steering ? "steeringReview" : "statusReport",
                kind + " report",
                rag.toLowerCase(Locale.ROOT),
                List.of(summary),
                "milestonesReached=" + reached,
                user,
                task.getProcessInstanceId()));
    }

    /**
     * Shows the facts of now in an open report task: nothing happens for another task or one that has ended. Only
     * the facts that changed are written again (and {@code reportAsOf}), so the history records a change, not every
     * look. Two people opening the same report at the same moment both read fresh facts; when their refreshes
     * collide, the later one keeps what the earlier one wrote.
     */
    void refresh(String taskId) {
        engine.asSystem(() -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !REPORT_TASKS.contains(task.getTaskDefinitionKey())) {
                return null;
            }
            String projectCode = (String) tasks.getVariable(taskId, "projectCode");
            Map<String, Object> changed = new LinkedHashMap<>();
            formVariables(
                            projectCode,
                            task.getProcessInstanceId(),
                            task.getProcessDefinitionId(),
                            milestones.open(projectCode))
                    .forEach((name, value) -> {
                        TypedValue shown = tasks.getVariableLocalTyped(taskId, name, false);
                        if (shown == null || !serialized(shown).equals(serialized(value))) {
                            changed.put(name, value);
                        }
                    });
            if (!changed.isEmpty()) {
                tasks.setVariablesLocal(taskId, changed);
            }
            return null;
        });
    }

    private static String serialized(Object value) {
        if (value instanceof SerializableValue serializable) {
            return String.valueOf(serializable.getValueSerialized());
        }
        return String.valueOf(value instanceof TypedValue typed ? typed.getValue() : value);
    }

    private Map<String, Object> formVariables(
            String projectCode, String processInstanceId, String processDefinitionId, List<OpenMilestone> open) {
        Map<String, Object> variables =
                facts.formVariables(facts.of(projectCode, processInstanceId, processDefinitionId));
        variables.put("milestoneOptions", Milestones.options(open, people::displayName));
        return variables;
    }
}
