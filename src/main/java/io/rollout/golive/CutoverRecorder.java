package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of {@code UserTask_ExecuteCutover} in {@code goLive}. On create it prefills the dynamic list
 * {@code runbook} with the steps of the last attempt, or with the standard steps of the chosen
 * {@code cutoverStrategy}. On complete it checks the runbook and outcome with {@link CutoverRules},
 * stores {@code cutover_run} with its {@code cutover_step} rows and decision {@code cutover}, and writes
 * {@code cutoverOk} (Boolean) for {@code Gateway_CutoverSucceeded}.
 *
 * <p>Reads {@code projectCode}, {@code cutoverStrategy}, {@code runbook} (rows step, owner,
 * plannedMinutes, done), {@code cutoverSucceeded} (yes/no), {@code cutoverReport}.
 */
@Component("cutoverRecorder")
class CutoverRecorder implements TaskListener {

    static final String RUNBOOK = "runbook";

    private final CutoverRules rules = new CutoverRules();
    private final GoLiveRepository repository;
    private final DecisionLog decisions;
    private final Messages messages;

    CutoverRecorder(GoLiveRepository repository, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String strategy = TaskForms.text(task, "cutoverStrategy");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskForms.prefill(task, RUNBOOK, JsonRows.of(runbook(projectCode, strategy)));
            return;
        }
        Boolean succeeded = FormInput.yesNo(task.getVariable("cutoverSucceeded"));
        String report = TaskForms.text(task, "cutoverReport");
        CutoverRules.Result result = rules.check(JsonRows.read(TaskForms.submitted(task, RUNBOOK)), succeeded, report);
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        String user = TaskForms.currentUser(task);
        long runId = repository.saveCutover(projectCode, strategy, succeeded, report, user, result.steps());
        decisions.record(new Decision(projectCode, "cutover", strategy == null ? "cutover" : strategy,
            succeeded ? "succeeded" : "failed", List.of(report), "cutoverRun=" + runId + ", steps=" + result.steps().size(),
            user, task.getProcessInstanceId()));
        task.setVariable("cutoverOk", succeeded);
    }

    private List<Map<String, Object>> runbook(String projectCode, String strategy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<CutoverRules.Step> previous = repository.latestSteps(projectCode);
        if (!previous.isEmpty()) {
            previous.forEach(s -> rows.add(row(s.step(), s.owner(), s.plannedMinutes())));
            return rows;
        }
        String key = "golive.runbook." + (strategy == null ? "dual-run" : strategy);
        for (String step : messages.forRecord(key).split("\\|")) {
            rows.add(row(step.trim(), "", null));
        }
        return rows;
    }

    private static Map<String, Object> row(String step, String owner, Integer minutes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put("owner", owner);
        row.put("plannedMinutes", minutes);
        row.put("done", false);
        return row;
    }
}
