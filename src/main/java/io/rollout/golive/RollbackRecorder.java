package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_RollBack} in {@code goLive}: the rollback report is required; it is
 * added to the failed {@code cutover_run} and recorded as decision {@code cutoverRollback}.
 *
 * <p>Reads {@code projectCode}, {@code rollbackReport}.
 */
@Component("rollbackRecorder")
class RollbackRecorder implements TaskListener {

    private final GoLiveRepository repository;
    private final CutoverPlanRepository plans;
    private final DecisionLog decisions;
    private final Messages messages;

    RollbackRecorder(
            GoLiveRepository repository, CutoverPlanRepository plans, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.plans = plans;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String report = TaskForms.text(task, "rollbackReport");
        if (report == null) {
            throw messages.reject("form.field.required", "Rollback report");
        }
        String user = TaskForms.currentUser(task);
        if (!repository.recordRollback(projectCode, report, user)) {
            throw new IllegalStateException("no failed cutover run to roll back for project " + projectCode);
        }
        Integer wave = ProcessVariables.integer(task, "wave");
        if (wave != null) {
            // the wave's departments go back to the legacy system; earlier waves stay live
            plans.waveStatus(projectCode, wave, "rolled-back");
        }
        decisions.record(new Decision(
                projectCode,
                "cutoverRollback",
                wave == null ? "cutover" : "wave " + wave,
                "rolled-back",
                List.of(report),
                null,
                user,
                task.getProcessInstanceId()));
    }
}
