package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_CaptureKpiBaseline} in {@code planningPhase} (form {@code captureKpiBaseline}):
 * prefills the stored baseline; on complete checks it with {@link KpiBaselineRules}, stores it and records decision
 * {@code kpiBaseline}. The post-implementation review is measured against it.
 */
@Component("kpiBaselineCapture")
class KpiBaselineCapture implements TaskListener {

    private final KpiBaselineRepository repository;
    private final DecisionLog decisions;
    private final Messages messages;

    KpiBaselineCapture(KpiBaselineRepository repository, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            repository.baseline(projectCode).ifPresent(b -> {
                task.setVariableLocal("manualHoursPerMonth", FormInput.formNumber(b.manualHoursPerMonth()));
                task.setVariableLocal("baselineErrorRatePct", FormInput.formNumber(b.errorRatePct()));
                task.setVariableLocal("baselineSatisfaction", b.satisfaction());
                task.setVariableLocal("baselineResolutionHours", FormInput.formNumber(b.resolutionHours()));
                task.setVariableLocal("targetActiveUsersPct", FormInput.formNumber(b.targetActiveUsersPct()));
                task.setVariableLocal("plannedGoLive", b.plannedGoLive().toString());
                task.setVariableLocal("hourlyRate", FormInput.formNumber(b.hourlyRate()));
                task.setVariableLocal("projectCost", FormInput.formNumber(b.projectCost()));
            });
            return;
        }
        Object satisfaction = task.getVariable("baselineSatisfaction");
        KpiBaselineRules.Result result = KpiBaselineRules.check(decimal(task, "manualHoursPerMonth"),
            decimal(task, "baselineErrorRatePct"), satisfaction == null ? null : decimal(task, "baselineSatisfaction")
                .intValue(),
            decimal(task, "baselineResolutionHours"), decimal(task, "targetActiveUsersPct"),
            TaskForms.text(task, "plannedGoLive"), decimal(task, "hourlyRate"), decimal(task, "projectCost"));
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        KpiBaseline b = result.baseline();
        String user = TaskForms.currentUser(task);
        repository.save(projectCode, b, user);
        decisions.record(new Decision(projectCode, "kpiBaseline", "planning", "captured", List.of(messages.forRecord(
            "operations.baseline.summary", b.manualHoursPerMonth(), b.errorRatePct(), b.satisfaction(),
            b.resolutionHours(), b.targetActiveUsersPct(), b.plannedGoLive().toString())), null, user,
            task.getProcessInstanceId()));
    }

    private static BigDecimal decimal(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }
}
