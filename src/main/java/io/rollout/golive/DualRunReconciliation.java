package io.rollout.golive;

import io.rollout.operations.Incidents;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ReconcileDualRun} ("Reconcile the dual run of T-1: day n of m"): prefills the
 * day, the number of days and the key figures of the plan; on
 * complete each needs the legacy and the new system's value ({@link DualRunRules}); a difference beyond the figure's
 * tolerance
 * ({@link Reconciliation}) opens a high incident through operations and is listed in {@code dualRunFindings}.
 * Writes {@code dualRunDay} and {@code moreDays} (the plan has days left).
 */
@Component("dualRunReconciliation")
class DualRunReconciliation extends FormTaskListener {

    static final String ROWS = "figures";
    static final String FINDINGS = "dualRunFindings";

    private final CutoverPlanRepository plans;
    private final GoLiveRepository repository;
    private final Incidents incidents;
    private final Messages messages;

    DualRunReconciliation(
            CutoverPlanRepository plans, GoLiveRepository repository, Incidents incidents, Messages messages) {
        this.plans = plans;
        this.repository = repository;
        this.incidents = incidents;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        task.setVariableLocal("day", day(projectCode));
        task.setVariableLocal("days", days(projectCode));
        task.setVariableLocal(
                ROWS,
                JsonRows.of(figures(projectCode).values().stream()
                        .map(f -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("name", f.name());
                            row.put("tolerancePercent", percent(f.tolerancePercent()));
                            row.put("legacyValue", null);
                            row.put("newValue", null);
                            return row;
                        })
                        .toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Map<String, CutoverPlanRepository.KeyFigure> figures = figures(projectCode);
        DualRunRules.Result result =
                DualRunRules.check(JsonRows.read(TaskForms.submitted(task, ROWS)), List.copyOf(figures.keySet()));
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        int day = day(projectCode);
        String user = TaskForms.currentUser(task);
        List<String> findings = new ArrayList<>();
        for (DualRunRules.Values values : result.values()) {
            reconcile(projectCode, day, values, figures.get(values.figure()), user)
                    .ifPresent(findings::add);
        }
        task.getExecution().setVariable("dualRunDay", day);
        task.getExecution().setVariable("moreDays", day < days(projectCode));
        task.getExecution().setVariable(FINDINGS, appended(ProcessVariables.string(task, FINDINGS), findings));
    }

    /** Stores one figure's check; a mismatch opens a high incident and is returned as a finding. */
    private Optional<String> reconcile(
            String projectCode,
            int day,
            DualRunRules.Values values,
            CutoverPlanRepository.KeyFigure figure,
            String user) {
        Reconciliation.Result r = Reconciliation.compare(values.legacy(), values.current(), figure.tolerancePercent());
        Integer incident = null;
        String finding = null;
        if (!r.within()) {
            String text = messages.forRecord(
                    "golive.dualRun.mismatch",
                    day,
                    figure.name(),
                    values.legacy().toPlainString(),
                    values.current().toPlainString(),
                    r.differencePercent().toPlainString(),
                    percent(figure.tolerancePercent()));
            incident = incidents.open(projectCode, text, "high", null, user, "dual-run day " + day);
            finding = text + " → " + messages.forRecord("golive.dualRun.incident", incident);
        }
        repository.saveDualRunCheck(projectCode, day, values, r, incident, user);
        return Optional.ofNullable(finding);
    }

    // the findings of earlier days stay; each new one is a list item
    private static String appended(String before, List<String> findings) {
        List<String> all = new ArrayList<>();
        if (before != null && !before.isEmpty()) {
            all.add(before);
        }
        findings.forEach(f -> all.add("- " + f));
        return String.join("\n", all);
    }

    private Map<String, CutoverPlanRepository.KeyFigure> figures(String projectCode) {
        return plans.keyFigures(projectCode).stream()
                .collect(Collectors.toMap(
                        CutoverPlanRepository.KeyFigure::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    // counted from the stored checks of the current plan, so a dual run planned again starts at day 1
    private int day(String projectCode) {
        return plans.dualRunDaysReconciled(projectCode) + 1;
    }

    private int days(String projectCode) {
        return plans.plan(projectCode)
                .map(CutoverPlanRepository.Plan::dualRunDays)
                .orElse(0);
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
