package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of the runbook runs in {@code goLive}: {@code UserTask_RehearseCutover} (the mock cutover),
 * {@code UserTask_ExecuteCutover} (dual run or big bang) and {@code UserTask_ExecuteWaveCutover} (one wave). On
 * create it prefills what the run is ({@code runTitle}), the plan as rows of a read-only table
 * ({@code runbookPlan}: step, owner by display name, planned minutes, the steps it comes after) and the dynamic
 * list {@code runbook} with one row per step to report on; on complete every step must be done
 * or failed (the run is over), with actual minutes for a done step, and no step may be done or in progress before
 * the steps it depends on are done ({@link RunbookRunRules}). The run, its steps and decision
 * {@code cutoverRehearsal} or {@code cutover} are stored; {@code runbookOk} is true when every step is done.
 */
@Component("runbookRunRecorder")
class RunbookRunRecorder extends FormTaskListener {

    static final String ROWS = "runbook";
    static final String REHEARSAL = "UserTask_RehearseCutover";

    private final CutoverPlanRepository plans;
    private final GoLiveRepository runs;
    private final CutoverPeople people;
    private final DecisionLog decisions;
    private final Messages messages;

    RunbookRunRecorder(
            CutoverPlanRepository plans,
            GoLiveRepository runs,
            CutoverPeople people,
            DecisionLog decisions,
            Messages messages) {
        this.plans = plans;
        this.runs = runs;
        this.people = people;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<Runbook.Step> plan = plans.runbook(projectCode);
        task.setVariableLocal("runTitle", title(task, projectCode));
        task.setVariableLocal(
                "runbookPlan", JsonRows.of(plan.stream().map(this::planRow).toList()));
        task.setVariableLocal(
                ROWS,
                JsonRows.of(plan.stream().map(RunbookRunRecorder::reportRow).toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        List<Runbook.Step> plan = plans.runbook(projectCode);
        String report = TaskForms.text(task, "cutoverReport");
        RunbookRunRules.Result result =
                RunbookRunRules.check(plan, JsonRows.read(TaskForms.submitted(task, ROWS)), report);
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        List<Runbook.StepRun> run = result.run();
        boolean ok = RunbookRunRules.succeeded(plan, run);
        boolean rehearsal = REHEARSAL.equals(task.getTaskDefinitionKey());
        Integer waveNo = ProcessVariables.integer(task, "wave");
        String user = TaskForms.currentUser(task);
        String strategy = ProcessVariables.string(task, "cutoverStrategy");
        long runId =
                runs.saveRun(projectCode, strategy, rehearsal ? "mock" : "real", waveNo, ok, report, user, plan, run);
        int plannedMinutes =
                plan.stream().mapToInt(Runbook.Step::plannedMinutes).sum();
        int actualMinutes = run.stream()
                .mapToInt(r -> r.actualMinutes() == null ? 0 : r.actualMinutes())
                .sum();
        decisions.record(new Decision(
                projectCode,
                rehearsal ? "cutoverRehearsal" : "cutover",
                waveNo == null ? strategy : "wave " + waveNo,
                ok ? "succeeded" : "failed",
                List.of(report),
                "run=" + runId + ", planned " + plannedMinutes + " min, actual " + actualMinutes + " min",
                user,
                task.getProcessInstanceId()));
        if (waveNo != null && ok) {
            plans.waveStatus(projectCode, waveNo, "live");
        }
        task.getExecution().setVariable("runbookOk", ok);
        task.getExecution()
                .setVariable(
                        "runbookSummary",
                        messages.forRecord(
                                "golive.runbook.summary", ok ? "succeeded" : "failed", plannedMinutes, actualMinutes));
    }

    // "Rehearsal (mock cutover) of T-1: waves by department", "Wave 1: Procurement, Warehouse", "Cutover of T-1: dual
    // run"
    private String title(DelegateTask task, String projectCode) {
        String strategy = plans.plan(projectCode)
                .map(CutoverPlanRepository.Plan::strategy)
                .orElse("");
        String strategyName = strategy.isEmpty() ? "" : messages.forRecord("golive.strategy." + strategy);
        if (REHEARSAL.equals(task.getTaskDefinitionKey())) {
            return messages.forRecord("golive.run.rehearsal", projectCode, strategyName);
        }
        Integer wave = ProcessVariables.integer(task, "wave");
        if (wave != null) {
            List<String> departments = plans.waves(projectCode).stream()
                    .filter(w -> w.no() == wave)
                    .findFirst()
                    .map(CutoverPlanRepository.Wave::departments)
                    .orElse(List.of());
            return messages.forRecord("golive.run.wave", wave, people.departmentNames(departments));
        }
        return messages.forRecord("golive.run.cutover", projectCode, strategyName);
    }

    private Map<String, Object> planRow(Runbook.Step s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stepNo", s.no());
        row.put("title", s.title());
        row.put("owner", people.displayName(s.owner()));
        row.put("plannedMinutes", s.plannedMinutes());
        row.put(
                "dependsOn",
                String.join(", ", s.dependsOn().stream().map(String::valueOf).toList()));
        return row;
    }

    private static Map<String, Object> reportRow(Runbook.Step s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stepNo", (long) s.no());
        row.put("title", s.title());
        row.put("status", Runbook.NOT_STARTED);
        row.put("actualMinutes", null);
        row.put("note", null);
        return row;
    }
}
