package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectScope;
import io.rollout.shared.Messages;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The requirement sign-off gate ({@code ServiceTask_RequirementSignOff} in {@code requirementsPhase}): applies
 * {@link RequirementSignOffRule} to version {@code specVersion} and writes {@code signOffPassed} (Boolean,
 * read by {@code Gateway_SignOffPassed}) and {@code signOffFindings} (String, one finding per line, shown by
 * {@code UserTask_ClarifyRequirements}); records the outcome as {@code requirementSignOff} in the decision log.
 */
@Component("requirementSignOff")
class RequirementSignOff implements JavaDelegate {

    static final String DECISION = "requirementSignOff";

    private final RequirementRepository requirements;
    private final ProjectScope scope;
    private final DecisionLog decisions;
    private final Messages messages;

    RequirementSignOff(RequirementRepository requirements, ProjectScope scope, DecisionLog decisions,
                       Messages messages) {
        this.requirements = requirements;
        this.scope = scope;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable("projectCode");
        Integer version = (Integer) execution.getVariable("specVersion");
        List<Requirement> rows = requirements.findByProject(code);
        String frozenHash = version == null ? null
            : requirements.version(code, version).map(RequirementRepository.FrozenVersion::contentHash).orElse(null);
        var inputs = new RequirementSignOffRule.Inputs(scope.departments(code), rows, version, frozenHash,
            SpecificationHash.of(rows), requirements.approvals(code));
        var outcome = RequirementSignOffRule.check(inputs);
        List<String> findings = outcome.findings().stream().map(f -> messages.forRecord(f.code(), f.args())).toList();
        execution.setVariable("signOffPassed", outcome.passed());
        execution.setVariable("signOffFindings", String.join("\n", findings));
        decisions.record(new Decision(code, DECISION, "specification v" + version,
            outcome.passed() ? "passed" : "failed", findings, inputs.summary(), DecisionLog.SYSTEM,
            execution.getProcessInstanceId()));
    }
}
