package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Freezes the next specification version ({@code ServiceTask_FreezeSpecification} in {@code requirementsPhase}):
 * stores version n+1 with the hash and a snapshot of the requirements now (see {@link Specification#freeze}) and
 * writes {@code specVersion} (Integer). Approvals of older versions no longer count once a new version is frozen.
 */
@Component("specificationFreeze")
class SpecificationFreeze implements JavaDelegate {

    private final Specification specification;

    SpecificationFreeze(Specification specification) {
        this.specification = specification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                "specVersion", specification.freeze(ProcessVariables.projectCode(execution), DecisionLog.SYSTEM, null));
    }
}
