package io.rollout.requirements;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.gate.GateDelegate;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRecorder;
import io.rollout.shared.Findings;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Checks the departments' verdicts after {@code UserTask_VerifyEffects} ({@code ServiceTask_CheckEffectVerification}
 * in {@code requirementsPhase}) with {@link EffectVerificationRule}: writes {@code effectsVerified} (Boolean, read
 * by {@code Gateway_EffectsVerified}) and {@code effectFindings} (String, one line per requirement not verified,
 * shown by {@code UserTask_ClarifyRequirements}); records the outcome as {@code effectVerificationCheck}.
 */
@Component("effectVerificationCheck")
class EffectVerificationCheck extends GateDelegate<EffectVerificationRule.Input, GateOutcome> {

    static final String DECISION = "effectVerificationCheck";

    private final RequirementRepository requirements;

    EffectVerificationCheck(RequirementRepository requirements, GateRecorder recorder) {
        super(recorder, DECISION, "effectsVerified", "effectFindings", new EffectVerificationRule());
        this.requirements = requirements;
    }

    @Override
    protected EffectVerificationRule.Input load(String projectCode, DelegateExecution execution) {
        return new EffectVerificationRule.Input(
                requirements.findByProject(projectCode), requirements.latestVerifications(projectCode));
    }

    @Override
    protected List<Decision> decisions(Run<EffectVerificationRule.Input, GateOutcome> run) {
        return List.of(decision(run, "expected effects", run.input().summary()));
    }

    // the form shows these lines under a heading of their own
    @Override
    protected String findingsText(List<String> findings) {
        return Findings.asLines(findings);
    }
}
