package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanCutover} (form {@code planCutover}): the PMO chooses the strategy with its
 * reason — dual run (days and key figures with tolerance), waves by department (every department in exactly one
 * wave, stabilisation days, on-call team) or big bang — and the runbook (steps with owner, planned minutes and
 * the steps they depend on; no unknown step, no cycle). Prefilled with the stored plan, the departments and the
 * people who may own steps or be on call ({@link CutoverPeople}), offered by display name; on complete everything
 * is checked, named by row, and the plan replaced; decision {@code cutoverPlan} records strategy and reason.
 */
@Component("cutoverPlanCapture")
class CutoverPlanCapture implements TaskListener {

    static final List<String> STRATEGIES = GoLiveDecisionRules.STRATEGIES;

    private final CutoverPlanRepository repository;
    private final ProjectScope scope;
    private final CutoverPeople people;
    private final DecisionLog decisions;
    private final Messages messages;

    CutoverPlanCapture(CutoverPlanRepository repository, ProjectScope scope, CutoverPeople people, DecisionLog decisions,
                       Messages messages) {
        this.repository = repository;
        this.scope = scope;
        this.people = people;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, projectCode);
            return;
        }
        List<String> problems = new ArrayList<>();
        String strategy = TaskForms.text(task, "cutoverStrategy");
        String reason = TaskForms.text(task, "strategyReason");
        if (strategy == null) {
            problems.add(messages.get("form.field.required", "Cutover strategy"));
        } else if (!STRATEGIES.contains(strategy)) {
            problems.add(messages.get("form.field.choice", "Cutover strategy", String.join(", ", STRATEGIES), strategy));
        }
        if (reason == null) {
            problems.add(messages.get("golive.plan.reasonRequired"));
        }
        Integer days = null;
        List<CutoverPlanRepository.KeyFigure> figures = List.of();
        List<CutoverPlanRepository.Wave> waves = List.of();
        List<String> departments = scope.departments(projectCode);
        if ("dual-run".equals(strategy)) {
            days = days(TaskForms.text(task, "dualRunDays"), problems);
            figures = figures(JsonRows.read(TaskForms.submitted(task, "keyFigures")), problems);
        } else if ("waves".equals(strategy)) {
            waves = waves(JsonRows.read(TaskForms.submitted(task, "waves")), departments, problems);
        }
        List<Runbook.Step> steps = steps(JsonRows.read(TaskForms.submitted(task, "runbook")), departments, problems);
        FormInput.refuseIfAny(problems);
        String user = TaskForms.currentUser(task);
        repository.save(projectCode, new CutoverPlanRepository.Plan(strategy, reason, days), waves, figures, steps, user);
        task.getExecution().setVariable("cutoverStrategy", strategy);
        // a new plan starts a new cutover: mismatches of an earlier dual run belong to that run
        task.getExecution().removeVariable("dualRunFindings");
        decisions.record(new Decision(projectCode, "cutoverPlan", strategy, strategy, List.of(reason),
            "steps=" + steps.size() + ", waves=" + waves.size() + ", dualRunDays=" + days, user,
            task.getProcessInstanceId()));
    }

    private Integer days(String text, List<String> problems) {
        try {
            int days = text == null ? 0 : Integer.parseInt(text.trim());
            if (days >= 1 && days <= 90) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(messages.get("golive.plan.dualRunDays", text == null ? "" : text));
        return null;
    }

    private List<CutoverPlanRepository.KeyFigure> figures(List<FormRow> rows, List<String> problems) {
        List<CutoverPlanRepository.KeyFigure> figures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String name = row.text("name");
            BigDecimal tolerance = decimal(row.text("tolerancePercent"));
            if (name == null) {
                problems.add(messages.get("form.row.required", row.number(), "Key figure"));
            } else if (!names.add(name)) {
                problems.add(messages.get("golive.plan.duplicate", row.number(), name));
            }
            if (tolerance == null || tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(messages.get("golive.plan.tolerance", row.number(), row.text("tolerancePercent")));
            } else if (name != null) {
                figures.add(new CutoverPlanRepository.KeyFigure(name, tolerance));
            }
        }
        if (figures.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("golive.plan.noKeyFigure"));
        }
        return figures;
    }

    private List<CutoverPlanRepository.Wave> waves(List<FormRow> rows, List<String> departments, List<String> problems) {
        List<CutoverPlanRepository.Wave> waves = new ArrayList<>();
        Map<String, Integer> waveOf = new LinkedHashMap<>();
        int no = 0;
        for (FormRow row : rows) {
            List<String> in = strings(row.values().get("departments"));
            List<String> onCall = strings(row.values().get("onCall"));
            if (in.isEmpty() && onCall.isEmpty() && row.text("stabilisationDays") == null) {
                continue;
            }
            no++;
            for (String d : in) {
                if (!departments.contains(d)) {
                    problems.add(messages.get("golive.plan.unknownDepartment", row.number(), d,
                        people.departmentNames(departments)));
                } else if (waveOf.putIfAbsent(d, no) != null) {
                    problems.add(messages.get("golive.plan.departmentTwice", row.number(),
                        people.departmentNames(List.of(d)), waveOf.get(d)));
                }
            }
            Integer days = null;
            try {
                days = row.integer("stabilisationDays");
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            if (days == null || days < 1) {
                problems.add(messages.get("golive.plan.stabilisation", row.number(), row.text("stabilisationDays")));
            }
            if (in.isEmpty()) {
                problems.add(messages.get("form.row.required", row.number(), "Departments"));
            }
            problems.addAll(people.onCallProblems(row.number(), onCall, in));
            waves.add(new CutoverPlanRepository.Wave(no, in, days == null ? 1 : days, onCall, "planned"));
        }
        List<String> missing = departments.stream().filter(d -> !waveOf.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            problems.add(messages.get("golive.plan.departmentsWithoutWave", people.departmentNames(missing)));
        }
        return waves;
    }

    // a tag list submits a list; a REST client may send "a, b"
    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> v == null ? "" : v.toString().trim()).filter(v -> !v.isEmpty()).distinct()
                .toList();
        }
        return CutoverPlanRepository.split(value == null ? null : value.toString());
    }

    private List<Runbook.Step> steps(List<FormRow> rows, List<String> departments, List<String> problems) {
        List<Runbook.Step> steps = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        int before = problems.size();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            Integer no = integer(row, "stepNo", "No.", problems);
            Integer minutes = integer(row, "plannedMinutes", "Minutes", problems);
            String title = row.text("title");
            String owner = row.text("owner");
            if (title == null) {
                problems.add(messages.get("form.row.required", row.number(), "Step"));
            }
            if (owner == null) {
                problems.add(messages.get("form.row.required", row.number(), "Owner"));
            } else {
                people.stepOwnerProblem(row.number(), owner, departments).ifPresent(problems::add);
            }
            if (minutes != null && minutes <= 0) {
                problems.add(messages.get("form.row.number", row.number(), "Minutes", minutes));
            }
            if (no != null && !numbers.add(no)) {
                problems.add(messages.get("golive.plan.duplicate", row.number(), no));
            }
            List<Integer> deps = new ArrayList<>();
            for (String dep : CutoverPlanRepository.split(row.text("dependsOn"))) {
                try {
                    deps.add(Integer.valueOf(dep));
                } catch (NumberFormatException e) {
                    problems.add(messages.get("form.row.number", row.number(), "After steps", dep));
                }
            }
            if (no != null && title != null && owner != null && minutes != null) {
                steps.add(new Runbook.Step(no, title, owner, minutes, deps));
            }
        }
        if (problems.size() == before) {
            Runbook.checkPlan(steps).forEach(p -> problems.add(messages.get(p.code(), p.args())));
        }
        if (steps.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("golive.cutover.noSteps"));
        }
        return steps;
    }

    private Integer integer(FormRow row, String key, String label, List<String> problems) {
        try {
            Integer value = row.integer(key);
            if (value == null) {
                problems.add(messages.get("form.row.required", row.number(), label));
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(messages.get("form.row.number", row.number(), label, row.text(key)));
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void prefill(DelegateTask task, String projectCode) {
        repository.plan(projectCode).ifPresent(p -> {
            task.setVariableLocal("cutoverStrategy", p.strategy());
            task.setVariableLocal("strategyReason", p.reason());
            task.setVariableLocal("dualRunDays", p.dualRunDays() == null ? null : p.dualRunDays().longValue());
        });
        List<String> departments = scope.departments(projectCode);
        task.setVariableLocal("projectDepartments", people.departmentNames(departments));
        task.setVariableLocal("departmentOptions", JsonRows.of(departments.stream()
            .map(d -> Map.<String, Object>of("value", d, "label", people.departmentNames(List.of(d)))).toList()));
        task.setVariableLocal("stepOwnerOptions", JsonRows.of(people.stepOwnerOptions(departments)));
        task.setVariableLocal("onCallOptions", JsonRows.of(people.onCallOptions(departments)));
        List<Map<String, Object>> figures = new ArrayList<>(repository.keyFigures(projectCode).stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", f.name());
            row.put("tolerancePercent", f.tolerancePercent().stripTrailingZeros().toPlainString());
            return row;
        }).toList());
        if (figures.isEmpty()) {
            figures.add(new LinkedHashMap<>(Map.of("name", "", "tolerancePercent", "")));
        }
        task.setVariableLocal("keyFigures", JsonRows.of(figures));
        List<Map<String, Object>> waves = new ArrayList<>(repository.waves(projectCode).stream()
            .map(w -> wave(w.departments(), (long) w.stabilisationDays(), w.onCall())).toList());
        if (waves.isEmpty()) {
            // one empty wave to start from: the first wave's departments are picked, more waves are added
            waves.add(wave(List.of(), null, List.of()));
        }
        task.setVariableLocal("waves", JsonRows.of(waves));
        List<Runbook.Step> steps = repository.runbook(projectCode);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (steps.isEmpty()) {
            String[] defaults = messages.forRecord("golive.runbook.default").split("\\|");
            for (int i = 0; i < defaults.length; i++) {
                rows.add(step(i + 1, defaults[i].trim(), null, null, i == 0 ? "" : String.valueOf(i)));
            }
        } else {
            steps.forEach(s -> rows.add(step(s.no(), s.title(), s.owner(), s.plannedMinutes(),
                String.join(", ", s.dependsOn().stream().map(String::valueOf).toList()))));
        }
        task.setVariableLocal("runbook", JsonRows.of(rows));
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
