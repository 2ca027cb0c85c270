package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_CaptureKpiBaseline} in {@code planningPhase} (form {@code captureKpiBaseline}):
 * prefills the stored baseline — every figure as a number, so a plan sent back returns the form with what the PMO
 * typed; on complete checks it with {@link KpiBaselineRules}, stores it and records decision {@code kpiBaseline}.
 * The post-implementation review is measured against it.
 *
 * <p>Reads {@code projectCode}, {@code manualHoursPerMonth}, {@code baselineErrorRatePct},
 * {@code baselineSatisfaction}, {@code baselineResolutionHours}, {@code targetActiveUsersPct}, {@code plannedGoLive},
 * {@code hourlyRate}, {@code projectCost}.
 */
@Component("kpiBaselineCapture")
class KpiBaselineCapture extends FormTaskListener {

    private final KpiBaselineRepository repository;
    private final DecisionLog decisions;
    private final Messages messages;

    KpiBaselineCapture(KpiBaselineRepository repository, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        repository.baseline(ProcessVariables.projectCode(task)).ifPresent(b -> {
            TaskForms.prefill(task, "manualHoursPerMonth", FormInput.formNumber(b.manualHoursPerMonth()));
            TaskForms.prefill(task, "baselineErrorRatePct", FormInput.formNumber(b.errorRatePct()));
            TaskForms.prefill(task, "baselineSatisfaction", FormInput.formNumber(b.satisfaction()));
            TaskForms.prefill(task, "baselineResolutionHours", FormInput.formNumber(b.resolutionHours()));
            TaskForms.prefill(task, "targetActiveUsersPct", FormInput.formNumber(b.targetActiveUsersPct()));
            TaskForms.prefill(task, "plannedGoLive", Dates.date(b.plannedGoLive()));
            TaskForms.prefill(task, "hourlyRate", FormInput.formNumber(b.hourlyRate()));
            TaskForms.prefill(task, "projectCost", FormInput.formNumber(b.projectCost()));
        });
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<Problem> problems = new ArrayList<>();
        KpiBaselineRules.Result result = KpiBaselineRules.check(
                decimal(task, "manualHoursPerMonth", problems),
                decimal(task, "baselineErrorRatePct", problems),
                decimal(task, "baselineSatisfaction", problems),
                decimal(task, "baselineResolutionHours", problems),
                decimal(task, "targetActiveUsersPct", problems),
                TaskForms.text(task, "plannedGoLive"),
                decimal(task, "hourlyRate", problems),
                decimal(task, "projectCost", problems));
        problems.addAll(result.problems());
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        KpiBaseline b = result.baseline();
        String user = TaskForms.currentUser(task);
        repository.save(projectCode, b, user);
        decisions.record(new Decision(
                projectCode,
                "kpiBaseline",
                "planning",
                "captured",
                List.of(messages.forRecord(
                        "operations.baseline.summary",
                        b.manualHoursPerMonth(),
                        b.errorRatePct(),
                        b.satisfaction(),
                        b.resolutionHours(),
                        b.targetActiveUsersPct(),
                        Dates.date(b.plannedGoLive()))),
                null,
                user,
                task.getProcessInstanceId()));
    }

    /** A submitted number as typed (2.8 stays 2.8); text that is no number is refused naming the field. */
    private static BigDecimal decimal(DelegateTask task, String name, List<Problem> problems) {
        Object value = TaskForms.submitted(task, name);
        try {
            return FormInput.decimal(value);
        } catch (NumberFormatException e) {
            problems.add(new Problem("operations.baseline.notANumber", name, value.toString()));
            return null;
        }
    }
}
