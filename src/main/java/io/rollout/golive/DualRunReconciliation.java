package io.rollout.golive;

import io.rollout.operations.Incidents;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ReconcileDualRun} ("Reconcile the dual run of T-1: day n of m"): prefills the
 * day, the number of days and the key figures of the plan; on
 * complete each needs the legacy and the new system's value; a difference beyond the figure's tolerance
 * ({@link Reconciliation}) opens a high incident through operations and is listed in {@code dualRunFindings}.
 * Writes {@code dualRunDay} and {@code moreDays} (the plan has days left).
 */
@Component("dualRunReconciliation")
class DualRunReconciliation implements TaskListener {

    static final String ROWS = "figures";

    private final CutoverPlanRepository plans;
    private final Incidents incidents;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Messages messages;

    DualRunReconciliation(CutoverPlanRepository plans, Incidents incidents, JdbcClient jdbc, Clock clock,
                          Messages messages) {
        this.plans = plans;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        Map<String, CutoverPlanRepository.KeyFigure> figures = plans.keyFigures(projectCode).stream()
            .collect(Collectors.toMap(CutoverPlanRepository.KeyFigure::name, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
        // counted from the stored checks of the current plan, so a dual run planned again starts at day 1
        int day = plans.dualRunDaysReconciled(projectCode) + 1;
        int days = plans.plan(projectCode).map(CutoverPlanRepository.Plan::dualRunDays).orElse(0);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("day", day);
            task.setVariableLocal("days", days);
            task.setVariableLocal(ROWS, JsonRows.of(figures.values().stream().map(f -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", f.name());
                row.put("tolerancePercent", f.tolerancePercent().stripTrailingZeros().toPlainString());
                row.put("legacyValue", null);
                row.put("newValue", null);
                return row;
            }).toList()));
            return;
        }
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal[]> values = new LinkedHashMap<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            String name = row.text("name");
            if (name == null || !figures.containsKey(name)) {
                problems.add(messages.get("golive.dualRun.unknownFigure", row.number(), name));
                continue;
            }
            BigDecimal legacy = decimal(row.text("legacyValue"));
            BigDecimal current = decimal(row.text("newValue"));
            if (legacy == null || current == null) {
                problems.add(messages.get("golive.dualRun.values", row.number(), name));
                continue;
            }
            values.put(name, new BigDecimal[] {legacy, current});
        }
        figures.keySet().stream().filter(n -> !values.containsKey(n) && problems.isEmpty())
            .forEach(n -> problems.add(messages.get("golive.dualRun.missing", n)));
        FormInput.refuseIfAny(problems);
        String user = TaskForms.currentUser(task);
        List<String> findings = new ArrayList<>();
        values.forEach((name, v) -> {
            Reconciliation.Result r = Reconciliation.compare(v[0], v[1], figures.get(name).tolerancePercent());
            Integer incident = null;
            if (!r.within()) {
                String text = messages.forRecord("golive.dualRun.mismatch", day, name, v[0].toPlainString(),
                    v[1].toPlainString(), r.differencePercent().toPlainString(),
                    figures.get(name).tolerancePercent().stripTrailingZeros().toPlainString());
                incident = incidents.open(projectCode, text, "high", null, user, "dual-run day " + day);
                findings.add(text + " → " + messages.forRecord("golive.dualRun.incident", incident));
            }
            jdbc.sql("""
                    insert into dual_run_check (project_code, day_no, figure, legacy_value, new_value, difference_percent,
                                                within_tolerance, incident_id, recorded_by, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, day, name, v[0], v[1], r.differencePercent(), r.within(), incident, user,
                    Timestamp.from(Instant.now(clock)))
                .update();
        });
        task.getExecution().setVariable("dualRunDay", day);
        task.getExecution().setVariable("moreDays", day < days);
        String before = (String) task.getVariable("dualRunFindings");
        List<String> all = new ArrayList<>();
        if (before != null && !before.isEmpty()) {
            all.add(before);
        }
        findings.forEach(f -> all.add("- " + f));
        task.getExecution().setVariable("dualRunFindings", String.join("\n", all));
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
