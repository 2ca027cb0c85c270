package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.RoleMembers;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * the steps they depend on; no unknown step, no cycle). Prefilled with the stored plan; on complete everything
 * is checked, named by row, and the plan replaced; decision {@code cutoverPlan} records strategy and reason.
 */
@Component("cutoverPlanCapture")
class CutoverPlanCapture implements TaskListener {

    static final List<String> STRATEGIES = GoLiveDecisionRules.STRATEGIES;

    private final CutoverPlanRepository repository;
    private final ProjectScope scope;
    private final RoleMembers members;
    private final DecisionLog decisions;
    private final Messages messages;

    CutoverPlanCapture(CutoverPlanRepository repository, ProjectScope scope, RoleMembers members, DecisionLog decisions,
                       Messages messages) {
        this.repository = repository;
        this.scope = scope;
        this.members = members;
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
        if ("dual-run".equals(strategy)) {
            days = days(TaskForms.text(task, "dualRunDays"), problems);
            figures = figures(JsonRows.read(TaskForms.submitted(task, "keyFigures")), problems);
        } else if ("waves".equals(strategy)) {
            waves = waves(JsonRows.read(TaskForms.submitted(task, "waves")), scope.departments(projectCode), problems);
        }
        List<Runbook.Step> steps = steps(JsonRows.read(TaskForms.submitted(task, "runbook")), problems);
        FormInput.refuseIfAny(problems);
        String user = TaskForms.currentUser(task);
        repository.save(projectCode, new CutoverPlanRepository.Plan(strategy, reason, days), waves, figures, steps, user);
        task.getExecution().setVariable("cutoverStrategy", strategy);
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
            if (row.isBlank()) {
                continue;
            }
            no++;
            List<String> in = CutoverPlanRepository.split(row.text("departments"));
            for (String d : in) {
                if (!departments.contains(d)) {
                    problems.add(messages.get("golive.plan.unknownDepartment", row.number(), d,
                        String.join(", ", departments)));
                } else if (waveOf.putIfAbsent(d, no) != null) {
                    problems.add(messages.get("golive.plan.departmentTwice", row.number(), d, waveOf.get(d)));
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
            List<String> onCall = CutoverPlanRepository.split(row.text("onCall"));
            if (onCall.isEmpty()) {
                problems.add(messages.get("golive.plan.onCallRequired", row.number()));
            }
            onCall.stream().filter(u -> !members.exists(u))
                .forEach(u -> problems.add(messages.get("golive.plan.unknownUser", row.number(), u)));
            if (in.isEmpty()) {
                problems.add(messages.get("form.row.required", row.number(), "Departments"));
            }
            waves.add(new CutoverPlanRepository.Wave(no, in, days == null ? 1 : days, onCall, "planned"));
        }
        List<String> missing = departments.stream().filter(d -> !waveOf.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            problems.add(messages.get("golive.plan.departmentsWithoutWave", String.join(", ", missing)));
        }
        return waves;
    }

    private List<Runbook.Step> steps(List<FormRow> rows, List<String> problems) {
        List<Runbook.Step> steps = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        int before = problems.size();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            Integer no = integer(row, "stepNo", problems);
            Integer minutes = integer(row, "plannedMinutes", problems);
            String title = row.text("title");
            String owner = row.text("owner");
            if (title == null) {
                problems.add(messages.get("form.row.required", row.number(), "Step"));
            }
            if (owner == null) {
                problems.add(messages.get("form.row.required", row.number(), "Owner"));
            } else if (!members.exists(owner)) {
                problems.add(messages.get("golive.plan.unknownUser", row.number(), owner));
            }
            if (minutes != null && minutes <= 0) {
                problems.add(messages.get("form.row.number", row.number(), "Planned minutes", minutes));
            }
            if (no != null && !numbers.add(no)) {
                problems.add(messages.get("golive.plan.duplicate", row.number(), no));
            }
            List<Integer> deps = new ArrayList<>();
            for (String dep : CutoverPlanRepository.split(row.text("dependsOn"))) {
                try {
                    deps.add(Integer.valueOf(dep));
                } catch (NumberFormatException e) {
                    problems.add(messages.get("form.row.number", row.number(), "Depends on", dep));
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

    private Integer integer(FormRow row, String key, List<String> problems) {
        try {
            Integer value = row.integer(key);
            if (value == null) {
                problems.add(messages.get("form.row.required", row.number(), key));
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(messages.get("form.row.number", row.number(), key, row.text(key)));
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
            task.setVariableLocal("dualRunDays", p.dualRunDays() == null ? null : String.valueOf(p.dualRunDays()));
        });
        task.setVariableLocal("projectDepartments", String.join(", ", scope.departments(projectCode)));
        task.setVariableLocal("keyFigures", JsonRows.of(repository.keyFigures(projectCode).stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", f.name());
            row.put("tolerancePercent", f.tolerancePercent().stripTrailingZeros().toPlainString());
            return row;
        }).toList()));
        task.setVariableLocal("waves", JsonRows.of(repository.waves(projectCode).stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("departments", String.join(", ", w.departments()));
            row.put("stabilisationDays", String.valueOf(w.stabilisationDays()));
            row.put("onCall", String.join(", ", w.onCall()));
            return row;
        }).toList()));
        List<Runbook.Step> steps = repository.runbook(projectCode);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (steps.isEmpty()) {
            String[] defaults = messages.forRecord("golive.runbook.dual-run").split("\\|");
            for (int i = 0; i < defaults.length; i++) {
                rows.add(step(i + 1, defaults[i].trim(), null, null, i == 0 ? "" : String.valueOf(i)));
            }
        } else {
            steps.forEach(s -> rows.add(step(s.no(), s.title(), s.owner(), s.plannedMinutes(),
                String.join(", ", s.dependsOn().stream().map(String::valueOf).toList()))));
        }
        task.setVariableLocal("runbook", JsonRows.of(rows));
    }

    private static Map<String, Object> step(int no, String title, String owner, Integer minutes, String deps) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stepNo", String.valueOf(no));
        row.put("title", title);
        row.put("owner", owner);
        row.put("plannedMinutes", minutes == null ? null : String.valueOf(minutes));
        row.put("dependsOn", deps);
        return row;
    }
}
