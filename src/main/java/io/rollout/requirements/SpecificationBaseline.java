package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Baselines the signed-off version {@code specVersion} ({@code ServiceTask_BaselineSpecification} in
 * {@code requirementsPhase}, after {@code Gateway_SignOffPassed}): the version is marked baselined and the
 * requirements get status {@code baselined}. From then on they change only through a change request
 * ({@link Specification#rebaseline}).
 */
@Component("specificationBaseline")
class SpecificationBaseline implements JavaDelegate {

    private final Specification specification;

    SpecificationBaseline(Specification specification) {
        this.specification = specification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        specification.baseline(
                ProcessVariables.projectCode(execution),
                ProcessVariables.integer(execution, "specVersion"),
                DecisionLog.SYSTEM);
    }
}
