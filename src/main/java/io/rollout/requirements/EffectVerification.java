package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.DepartmentOwners;
import io.rollout.requirements.EffectVerificationRule.Verdict;
import io.rollout.requirements.RequirementRules.Verdicts;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A department owner verifies, per requirement, whether the matched solution delivers the expected effect
 * ({@code UserTask_VerifyEffects} in {@code requirementsPhase}, one task per department, form {@code verifyEffects}).
 * On create it shows the department's requirements that are not withdrawn as a read-only table
 * ({@code requirementTable}, task-local: expected effect, acceptance criterion, solution and its note) and fills the
 * list {@code verifications} (Json: id and title of the same requirements, with empty {@code verified} and
 * {@code verificationComment}) local to the department's instance. On complete it refuses users who are not owners of
 * the department, a row without yes/no, a "no" without a comment, rows of other requirements and requirements left out
 * ({@link RequirementRules#verdicts}); otherwise it stores one verdict per requirement in {@code effect_verification},
 * moves the verified ones to {@code verified}, and records the department's verdict as {@code effectVerification} in
 * the decision log.
 */
@Component("effectVerification")
class EffectVerification extends FormTaskListener {

    static final String DECISION = "effectVerification";
    static final String ROWS = "verifications";

    private final RequirementRepository requirements;
    private final RequirementTables tables;
    private final DepartmentOwners owners;
    private final DecisionLog decisions;
    private final Messages messages;

    EffectVerification(
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
        List<Requirement> open = ofDepartment(ProcessVariables.projectCode(task), department).stream()
                .sorted(RequirementTables.BY_PRIORITY)
                .toList();
        TaskForms.prefill(task, "departmentName", tables.department(department));
        TaskForms.prefill(task, RequirementTables.TABLE, JsonRows.of(tables.rows(open)));
        task.getExecution()
                .setVariableLocal(
                        ROWS,
                        JsonRows.of(open.stream()
                                .map(r -> {
                                    Map<String, Object> row = new LinkedHashMap<>();
                                    row.put("reqId", r.reqId());
                                    row.put("title", r.title());
                                    row.put("verified", null);
                                    row.put("verificationComment", null);
                                    return row;
                                })
                                .toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String code = ProcessVariables.projectCode(task);
        String department = ProcessVariables.department(task);
        String owner = TaskForms.currentUser(task);
        if (!owners.isOwner(owner, department)) {
            throw messages.reject("requirements.verify.notOwner", owner, department);
        }
        Verdicts submitted = RequirementRules.verdicts(
                JsonRows.read(task.getVariable(ROWS)),
                ofDepartment(code, department).stream().map(Requirement::reqId).toList(),
                department);
        if (!submitted.problems().isEmpty()) {
            throw Problem.reject(messages, submitted.problems());
        }
        Collection<Verdict> verdicts = submitted.verdicts().values();
        verdicts.forEach(v -> requirements.insertVerification(code, v, department, owner));
        requirements.setStatus(
                code,
                verdicts.stream().filter(Verdict::verified).map(Verdict::reqId).toList(),
                Requirement.VERIFIED);
        task.getExecution().removeVariableLocal(ROWS);
        List<String> rejected = verdicts.stream()
                .filter(v -> !v.verified())
                .map(v -> v.reqId() + ": " + v.comment())
                .toList();
        decisions.record(new Decision(
                code,
                DECISION,
                "expected effects: " + department,
                rejected.isEmpty() ? "verified" : "not verified",
                rejected,
                verdicts.size() + " requirements of " + department,
                owner,
                task.getProcessInstanceId()));
    }

    private List<Requirement> ofDepartment(String code, String department) {
        return requirements.findByDepartment(code, department).stream()
                .filter(r -> !r.isWithdrawn())
                .toList();
    }
}
