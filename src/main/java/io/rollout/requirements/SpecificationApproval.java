package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.DepartmentOwners;
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
 * A department owner's approval of one frozen specification version ({@code UserTask_ApproveSpecification} in
 * {@code requirementsPhase}, form {@code approveSpecification}). On create it shows the department's
 * requirements as frozen in version {@code specVersion} (withdrawn ones left out) as a read-only table
 * ({@code requirementTable}, task-local, must-haves first) under the department's name ({@code departmentName}),
 * and clears {@code specApproved} / {@code approvalComment} for this department's task. On complete it refuses
 * users who are not business owners of the department and a "no" without a comment
 * ({@link RequirementRules#approval}); otherwise it stores the
 * decision for version {@code specVersion} in {@code specification_approval} and the decision log
 * ({@code specificationApproval}).
 */
@Component("specificationApproval")
class SpecificationApproval extends FormTaskListener {

    static final String DECISION = "specificationApproval";
    static final String VERSION = "specVersion";

    private final RequirementRepository requirements;
    private final RequirementTables tables;
    private final DepartmentOwners owners;
    private final DecisionLog decisions;
    private final Messages messages;

    SpecificationApproval(
            RequirementRepository requirements,
            RequirementTables tables,
            DepartmentOwners owners,
            DecisionLog decisions,
            Messages messages) {
        this.requirements = requirements;
        this.tables = tables;
        this.owners = owners;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String department = ProcessVariables.department(task);
        // what the owner approves is the frozen version, not the requirements as they may be edited meanwhile
        List<Requirement> frozen =
                requirements
                        .snapshot(ProcessVariables.projectCode(task), ProcessVariables.integer(task, VERSION))
                        .stream()
                        .filter(r -> department.equals(r.department()) && !r.isWithdrawn())
                        .toList();
        TaskForms.prefill(task, "departmentName", tables.department(department));
        TaskForms.prefill(task, RequirementTables.TABLE, JsonRows.of(tables.rows(frozen)));
        // local to this department's instance, so parallel approvals never see each other's answers
        task.getExecution().setVariableLocal("specApproved", null);
        task.getExecution().setVariableLocal("approvalComment", null);
    }

    @Override
    protected void complete(DelegateTask task) {
        String code = ProcessVariables.projectCode(task);
        String department = ProcessVariables.department(task);
        int version = ProcessVariables.integer(task, VERSION);
        String approver = TaskForms.currentUser(task);
        if (!owners.isOwner(approver, department)) {
            throw messages.reject("requirements.approval.notOwner", approver, department);
        }
        Boolean approved = FormInput.yesNo(task.getVariable("specApproved"));
        String comment = FormInput.text(task.getVariable("approvalComment"));
        List<Problem> problems = RequirementRules.approval(approved, comment, version, department);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        requirements.insertApproval(code, version, department, approver, approved, comment);
        decisions.record(new Decision(
                code,
                DECISION,
                "specification v" + version + ": " + department,
                approved ? "approved" : "rejected",
                comment == null ? List.of() : List.of(comment),
                requirements.findByDepartment(code, department).size() + " requirements of " + department,
                approver,
                task.getProcessInstanceId()));
    }
}
