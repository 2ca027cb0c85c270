package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Freezes the next specification version ({@code ServiceTask_FreezeSpecification} in {@code requirementsPhase}):
 * stores version n+1 with the hash of the requirements now and writes {@code specVersion} (Integer). Approvals
 * of older versions no longer count once a new version is frozen.
 */
@Component("specificationFreeze")
class SpecificationFreeze implements JavaDelegate {

    private final RequirementRepository requirements;

    SpecificationFreeze(RequirementRepository requirements) {
        this.requirements = requirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable("projectCode");
        int version = requirements.latestVersion(code).map(v -> v.version() + 1).orElse(1);
        requirements.insertVersion(code, version, SpecificationHash.of(requirements.findByProject(code)),
            DecisionLog.SYSTEM);
        execution.setVariable("specVersion", version);
    }
}
