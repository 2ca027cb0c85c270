package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormRow;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanCutover} (form {@code planCutover}): the PMO chooses the strategy with its
 * reason — dual run (days and key figures with tolerance), waves by department (every department in exactly one
 * wave, stabilisation days, on-call team) or big bang — and the runbook (steps with owner, planned minutes and
 * the steps they depend on; no unknown step, no cycle). Prefilled with the stored plan, the departments and the
 * people who may own steps or be on call ({@link CutoverPeople}), offered by display name; on complete everything
 * is checked by {@link CutoverPlanRules}, named by row, and the plan replaced; decision {@code cutoverPlan} records
 * strategy and reason.
 */
@Component("cutoverPlanCapture")
class CutoverPlanCapture extends FormTaskListener {

    private final CutoverPlanRepository repository;
    private final ProjectScope scope;
    private final CutoverPeople people;
    private final DecisionLog decisions;
    private final Messages messages;

    CutoverPlanCapture(
            CutoverPlanRepository repository,
            ProjectScope scope,
            CutoverPeople people,
            DecisionLog decisions,
            Messages messages) {
        this.repository = repository;
        this.scope = scope;
        this.people = people;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String strategy = TaskForms.text(task, "cutoverStrategy");
        // only the grid of the chosen strategy is read: the other one may hold leftovers of an earlier choice
        CutoverPlanRules.Result result = CutoverPlanRules.check(
                new CutoverPlanRules.Submission(
                        strategy,
                        TaskForms.text(task, "strategyReason"),
                        TaskForms.text(task, "dualRunDays"),
                        rows(task, "keyFigures", CutoverPlanRules.DUAL_RUN.equals(strategy)),
                        rows(task, "waves", CutoverPlanRules.WAVES.equals(strategy)),
                        rows(task, "runbook", true)),
                scope.departments(projectCode),
                people);
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        String user = TaskForms.currentUser(task);
        CutoverPlanRepository.Plan plan = result.plan();
        repository.save(projectCode, plan, result.waves(), result.figures(), result.steps(), user);
        task.getExecution().setVariable("cutoverStrategy", plan.strategy());
        // a new plan starts a new cutover: mismatches of an earlier dual run belong to that run
        task.getExecution().removeVariable("dualRunFindings");
        decisions.record(new Decision(
                projectCode,
                "cutoverPlan",
                plan.strategy(),
                plan.strategy(),
                List.of(plan.reason()),
                "steps=" + result.steps().size() + ", waves=" + result.waves().size() + ", dualRunDays="
                        + plan.dualRunDays(),
                user,
                task.getProcessInstanceId()));
    }

    private static List<FormRow> rows(DelegateTask task, String name, boolean read) {
        return read ? JsonRows.read(TaskForms.submitted(task, name)) : List.of();
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        repository.plan(projectCode).ifPresent(p -> {
            task.setVariableLocal("cutoverStrategy", p.strategy());
            task.setVariableLocal("strategyReason", p.reason());
            task.setVariableLocal(
                    "dualRunDays",
                    p.dualRunDays() == null ? null : p.dualRunDays().longValue());
        });
        List<String> departments = scope.departments(projectCode);
        task.setVariableLocal("projectDepartments", people.departmentNames(departments));
        task.setVariableLocal(
                "departmentOptions",
                JsonRows.of(departments.stream()
                        .map(d -> Map.<String, Object>of("value", d, "label", people.departmentNames(List.of(d))))
                        .toList()));
        task.setVariableLocal("stepOwnerOptions", JsonRows.of(people.stepOwnerOptions(departments)));
        task.setVariableLocal("onCallOptions", JsonRows.of(people.onCallOptions(departments)));
        task.setVariableLocal("keyFigures", JsonRows.of(figureRows(projectCode)));
        List<Map<String, Object>> waves = new ArrayList<>(repository.waves(projectCode).stream()
                .map(w -> wave(w.departments(), (long) w.stabilisationDays(), w.onCall()))
                .toList());
        if (waves.isEmpty()) {
            // one empty wave to start from: the first wave's departments are picked, more waves are added
            waves.add(wave(List.of(), null, List.of()));
        }
        task.setVariableLocal("waves", JsonRows.of(waves));
        task.setVariableLocal("runbook", JsonRows.of(stepRows(projectCode)));
    }

    private List<Map<String, Object>> figureRows(String projectCode) {
        List<Map<String, Object>> figures = new ArrayList<>(repository.keyFigures(projectCode).stream()
                .map(f -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", f.name());
                    row.put(
                            "tolerancePercent",
                            f.tolerancePercent().stripTrailingZeros().toPlainString());
                    return row;
                })
                .toList());
        if (figures.isEmpty()) {
            figures.add(new LinkedHashMap<>(Map.of("name", "", "tolerancePercent", "")));
        }
        return figures;
    }

    // the stored runbook, or the default steps to start from
    private List<Map<String, Object>> stepRows(String projectCode) {
        List<Runbook.Step> steps = repository.runbook(projectCode);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (steps.isEmpty()) {
            String[] defaults = messages.forRecord("golive.runbook.default").split("\\|");
            for (int i = 0; i < defaults.length; i++) {
                rows.add(step(i + 1, defaults[i].trim(), null, null, i == 0 ? "" : String.valueOf(i)));
            }
        } else {
            steps.forEach(s -> rows.add(step(
                    s.no(),
                    s.title(),
                    s.owner(),
                    s.plannedMinutes(),
                    String.join(
                            ", ", s.dependsOn().stream().map(String::valueOf).toList()))));
        }
        return rows;
    }

    private static Map<String, Object> wave(List<String> departments, Long days, List<String> onCall) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("departments", departments);
        row.put("stabilisationDays", days);
        row.put("onCall", onCall);
        return row;
    }

    private static Map<String, Object> step(int no, String title, String owner, Integer minutes, String deps) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stepNo", (long) no);
        row.put("title", title);
        row.put("owner", owner);
        row.put("plannedMinutes", minutes == null ? null : minutes.longValue());
        row.put("dependsOn", deps);
        return row;
    }
}
