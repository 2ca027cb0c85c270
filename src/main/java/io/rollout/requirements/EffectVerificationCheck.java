package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the departments' verdicts after {@code UserTask_VerifyEffects} ({@code ServiceTask_CheckEffectVerification}
 * in {@code requirementsPhase}) with {@link EffectVerificationRule}: writes {@code effectsVerified} (Boolean, read
 * by {@code Gateway_EffectsVerified}) and {@code effectFindings} (String, one line per requirement not verified,
 * shown by {@code UserTask_ClarifyRequirements}); records the outcome as {@code effectVerificationCheck}.
 */
@Component("effectVerificationCheck")
class EffectVerificationCheck implements JavaDelegate {

    static final String DECISION = "effectVerificationCheck";

    private final RequirementRepository requirements;
    private final DecisionLog decisions;
    private final Messages messages;

    EffectVerificationCheck(RequirementRepository requirements, DecisionLog decisions, Messages messages) {
        this.requirements = requirements;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable("projectCode");
        List<Requirement> rows = requirements.findByProject(code);
        List<String> findings = EffectVerificationRule.notVerified(rows, requirements.latestVerifications(code))
            .stream().map(f -> messages.forRecord(f.code(), f.args())).toList();
        execution.setVariable("effectsVerified", findings.isEmpty());
        execution.setVariable("effectFindings", String.join("\n", findings));
        decisions.record(new Decision(code, DECISION, "expected effects", findings.isEmpty() ? "passed" : "failed",
            findings, rows.stream().filter(r -> !r.isWithdrawn()).count() + " requirements", DecisionLog.SYSTEM,
            execution.getProcessInstanceId()));
    }
}
