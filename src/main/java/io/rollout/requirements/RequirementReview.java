package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The department owner's review of the researched requirements ({@code UserTask_ReviewDepartmentRequirements} in
 * {@code requirementsPhase}, form {@code reviewDepartmentRequirements}). On create it shows the department's
 * requirements as a read-only table ({@code requirementTable}, task-local, must-haves first) under the department's
 * name ({@code departmentName}); on complete it needs {@code departmentReviewOk} (yes/no, stored back as a Boolean for
 * {@code Gateway_DepartmentReviewOk}) and, when not ok, a {@code reviewComment} ({@link RequirementRules#review}),
 * which the research task then shows. The review is recorded in the decision log as
 * {@code departmentRequirementsReview}.
 */
@Component("requirementReview")
class RequirementReview extends FormTaskListener {

    static final String DECISION = "departmentRequirementsReview";

    private final RequirementRepository requirements;
    private final RequirementTables tables;
    private final DecisionLog decisions;
    private final Messages messages;

    RequirementReview(
            RequirementRepository requirements, RequirementTables tables, DecisionLog decisions, Messages messages) {
        this.requirements = requirements;
        this.tables = tables;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String department = ProcessVariables.department(task);
        TaskForms.prefill(task, "departmentName", tables.department(department));
        TaskForms.prefill(
                task,
                RequirementTables.TABLE,
                JsonRows.of(
                        tables.rows(requirements.findByDepartment(ProcessVariables.projectCode(task), department))));
    }

    @Override
    protected void complete(DelegateTask task) {
        String code = ProcessVariables.projectCode(task);
        String department = ProcessVariables.department(task);
        Boolean ok = FormInput.yesNo(task.getVariable("departmentReviewOk"));
        String comment = FormInput.text(task.getVariable("reviewComment"));
        List<Problem> problems = RequirementRules.review(ok, comment, department);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        task.setVariable("departmentReviewOk", ok);
        decisions.record(new Decision(
                code,
                DECISION,
                "requirements " + department,
                ok ? "accepted" : "returned",
                comment == null ? List.of() : List.of(comment),
                requirements.findByDepartment(code, department).size() + " requirements",
                TaskForms.currentUser(task),
                task.getProcessInstanceId()));
    }
}
