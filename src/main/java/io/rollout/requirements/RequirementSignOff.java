package io.rollout.requirements;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.gate.GateDelegate;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRecorder;
import io.rollout.project.ProjectScope;
import io.rollout.shared.Findings;
import io.rollout.shared.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The requirement sign-off gate ({@code ServiceTask_RequirementSignOff} in {@code requirementsPhase}): applies
 * {@link RequirementSignOffRule} to version {@code specVersion} and writes {@code signOffPassed} (Boolean,
 * read by {@code Gateway_SignOffPassed}) and {@code signOffFindings} (String, one finding per line, shown by
 * {@code UserTask_ClarifyRequirements}); records the outcome as {@code requirementSignOff} in the decision log.
 */
@Component("requirementSignOff")
class RequirementSignOff extends GateDelegate<RequirementSignOffRule.Input, GateOutcome> {

    static final String DECISION = "requirementSignOff";

    private final RequirementRepository requirements;
    private final ProjectScope scope;

    RequirementSignOff(RequirementRepository requirements, ProjectScope scope, GateRecorder recorder) {
        super(recorder, DECISION, "signOffPassed", "signOffFindings", new RequirementSignOffRule());
        this.requirements = requirements;
        this.scope = scope;
    }

    @Override
    protected RequirementSignOffRule.Input load(String projectCode, DelegateExecution execution) {
        Integer version = ProcessVariables.integer(execution, "specVersion");
        List<Requirement> rows = requirements.findByProject(projectCode);
        String frozenHash = version == null
                ? null
                : requirements
                        .version(projectCode, version)
                        .map(RequirementRepository.FrozenVersion::contentHash)
                        .orElse(null);
        return new RequirementSignOffRule.Input(
                scope.departments(projectCode),
                rows,
                version,
                frozenHash,
                SpecificationHash.of(rows),
                requirements.approvals(projectCode));
    }

    @Override
    protected List<Decision> decisions(Run<RequirementSignOffRule.Input, GateOutcome> run) {
        return List.of(decision(
                run, "specification v" + run.input().version(), run.input().summary()));
    }

    // the form shows these lines under a heading of their own
    @Override
    protected String findingsText(List<String> findings) {
        return Findings.asLines(findings);
    }
}
