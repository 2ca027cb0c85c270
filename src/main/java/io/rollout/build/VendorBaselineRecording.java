package io.rollout.build;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.build.VendorBaselineRules.Baseline;
import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_RecordVendorBaseline} in {@code SubProcess_ModuleBuild} of
 * {@code buildPhase}: checks {@code baselineProduct}, {@code baselineVersion}, {@code baselineDate} and
 * {@code baselineBackup} with {@link VendorBaselineRules}; refuses with every problem, or stores the
 * module's vendor baseline and records the decision {@code vendorBaseline}.
 */
@Component("vendorBaselineRecording")
class VendorBaselineRecording extends FormTaskListener {

    static final String DECISION = "vendorBaseline";

    private final BuildRepository builds;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Clock clock;

    VendorBaselineRecording(BuildRepository builds, DecisionLog decisions, Messages messages, Clock clock) {
        this.builds = builds;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        Checked<Baseline> result = VendorBaselineRules.baseline(
                TaskForms.text(task, "baselineProduct"),
                TaskForms.text(task, "baselineVersion"),
                TaskForms.text(task, "baselineDate"),
                TaskForms.text(task, "baselineBackup"),
                LocalDate.now(clock));
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        Baseline b = result.value();
        String user = TaskForms.currentUser(task);
        builds.recordBaseline(projectCode, module, b, user, Instant.now(clock));
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "module " + module,
                "recorded",
                List.of(),
                "product=" + b.product() + ", version=" + b.version() + ", date=" + b.date() + ", backup="
                        + b.backupLocation(),
                user,
                task.getProcessInstanceId()));
    }
}
