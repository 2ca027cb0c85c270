package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.ProcessVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Create listener of the go-live tasks that decide on what happened during a cutover: it prefills what the person
 * needs to see, from the stored plan, runs and decisions, with departments and people by name and times as
 * {@link Dates} writes them.
 *
 * <ul>
 * <li>{@code UserTask_ReviewWave}: the wave's facts ({@code waveFacts}: departments, when and by whom it was cut
 *     over, stabilisation period, on-call team, critical incidents during the wave, cutover report).</li>
 * <li>{@code UserTask_HandleCriticalIncident}, {@code UserTask_EscalateCriticalIncident}: the wave, its on-call team
 *     and when the incident came in ({@code incidentContext}).</li>
 * <li>{@code UserTask_ReviewDualRun}: every reconciled key figure of the dual run ({@code dualRunChecks}).</li>
 * <li>{@code UserTask_RollBack}, {@code UserTask_RollBackWave}, {@code UserTask_RollBackWaveAfterIncident}: what goes
 *     back to the legacy system and what stays live ({@code rollbackScope}).</li>
 * <li>{@code UserTask_ResolveReadinessIssues}: what happened since the last plan ({@code issueHistory}).</li>
 * </ul>
 */
@Component("cutoverBriefing")
class CutoverBriefing implements TaskListener {

    static final Set<String> GO_LIVE_DECISIONS = Set.of(
            "cutoverPlan",
            "goLiveReadiness",
            "goLiveDecision",
            "cutoverRehearsal",
            "cutover",
            "waveReview",
            "criticalIncident",
            "dualRunReview",
            "cutoverRollback");

    private final CutoverPlanRepository plans;
    private final GoLiveRepository runs;
    private final CutoverPeople people;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Duration escalationAfter;

    CutoverBriefing(
            CutoverPlanRepository plans,
            GoLiveRepository runs,
            CutoverPeople people,
            DecisionLog decisions,
            Messages messages,
            @Value("${rollout.cutover.escalation-after:PT2H}") String escalationAfter) {
        this.plans = plans;
        this.runs = runs;
        this.people = people;
        this.decisions = decisions;
        this.messages = messages;
        this.escalationAfter = Duration.parse(escalationAfter);
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Integer wave = ProcessVariables.integer(task, "wave");
        switch (task.getTaskDefinitionKey()) {
            case "UserTask_ReviewWave" -> task.setVariableLocal("waveFacts", JsonRows.of(waveFacts(projectCode, wave)));
            case "UserTask_HandleCriticalIncident" ->
                task.setVariableLocal(
                        "incidentContext",
                        messages.forRecord(
                                "golive.incident.context",
                                waveName(projectCode, wave),
                                people.displayNames(wave(projectCode, wave).onCall()),
                                Dates.time(created(task)),
                                escalationAfter.toMinutes()));
            case "UserTask_EscalateCriticalIncident" ->
                task.setVariableLocal(
                        "incidentContext",
                        messages.forRecord(
                                "golive.incident.escalated",
                                waveName(projectCode, wave),
                                people.displayNames(wave(projectCode, wave).onCall()),
                                escalationAfter.toMinutes()));
            case "UserTask_ReviewDualRun" -> task.setVariableLocal("dualRunChecks", JsonRows.of(checks(projectCode)));
            case "UserTask_ResolveReadinessIssues" ->
                task.setVariableLocal("issueHistory", JsonRows.of(history(projectCode)));
            default -> task.setVariableLocal("rollbackScope", rollbackScope(projectCode, wave));
        }
    }

    private List<Map<String, Object>> waveFacts(String projectCode, Integer no) {
        CutoverPlanRepository.Wave wave = wave(projectCode, no);
        List<Map<String, Object>> facts = new ArrayList<>();
        facts.add(fact("golive.wave.departments", people.departmentNames(wave.departments())));
        GoLiveRepository.Run run = runs.latestRealRun(projectCode, no).orElse(null);
        Instant since = run == null ? Instant.EPOCH : run.executedAt();
        if (run != null) {
            facts.add(fact(
                    "golive.wave.cutOver",
                    messages.forRecord(
                            "golive.wave.cutOverBy",
                            Dates.time(run.executedAt()),
                            people.displayName(run.executedBy()))));
        }
        facts.add(fact("golive.wave.stabilisation", messages.forRecord("golive.days", wave.stabilisationDays())));
        facts.add(fact("golive.wave.onCall", people.displayNames(wave.onCall())));
        List<String> incidents = decisions.forProject(projectCode).stream()
                .filter(d -> d.decision().equals("criticalIncident")
                        && ("wave " + no).equals(d.subject())
                        && d.decidedAt() != null
                        && !d.decidedAt().isBefore(since))
                .map(d -> String.join(" — ", d.findings()) + " ("
                        + messages.forRecord("golive.incident.outcome." + d.outcome()) + ")")
                .toList();
        facts.add(fact(
                "golive.wave.incidents",
                incidents.isEmpty() ? messages.forRecord("golive.readiness.none") : String.join("; ", incidents)));
        if (run != null && run.report() != null) {
            facts.add(fact("golive.wave.report", run.report()));
        }
        return facts;
    }

    private List<Map<String, Object>> checks(String projectCode) {
        Instant since = plans.plannedAt(projectCode).orElse(Instant.EPOCH);
        return runs.dualRunChecks(projectCode, since).stream()
                .map(c -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("day", c.day());
                    row.put("figure", c.figure());
                    row.put("legacy", c.legacy().stripTrailingZeros().toPlainString());
                    row.put("current", c.current().stripTrailingZeros().toPlainString());
                    row.put(
                            "difference",
                            c.differencePercent().stripTrailingZeros().toPlainString() + " %");
                    row.put("within", c.within() ? "✓" : "✗");
                    row.put("incident", c.incident() == null ? "" : "#" + c.incident());
                    return row;
                })
                .toList();
    }

    // the go-live decisions since the current plan was made, oldest first
    private List<Map<String, Object>> history(String projectCode) {
        List<Decision> all = decisions.forProject(projectCode).stream()
                .filter(d -> GO_LIVE_DECISIONS.contains(d.decision()))
                .toList();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).decision().equals("cutoverPlan")) {
                from = i;
            }
        }
        return all.subList(from, all.size()).stream()
                .map(d -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("when", d.decidedAt() == null ? "" : Dates.time(d.decidedAt()));
                    row.put("what", messages.forRecord("golive.history." + d.decision()));
                    row.put("subject", d.subject() == null ? "" : d.subject());
                    row.put("outcome", d.outcome());
                    row.put("by", people.displayName(d.decidedBy()));
                    row.put("details", String.join("; ", d.findings()));
                    return row;
                })
                .toList();
    }

    private String rollbackScope(String projectCode, Integer wave) {
        if (wave == null) {
            String report = runs.latestRealRun(projectCode, null)
                    .map(GoLiveRepository.Run::report)
                    .orElse("");
            return messages.forRecord("golive.rollback.cutover", projectCode, FormInput.md(report));
        }
        List<String> live = plans.waves(projectCode).stream()
                .filter(w -> w.no() != wave && "live".equals(w.status()))
                .map(w -> messages.forRecord("golive.wave.name", w.no(), people.departmentNames(w.departments())))
                .toList();
        return messages.forRecord(
                "golive.rollback.wave",
                waveName(projectCode, wave),
                live.isEmpty() ? messages.forRecord("golive.readiness.none") : String.join("; ", live));
    }

    private String waveName(String projectCode, Integer no) {
        return messages.forRecord(
                "golive.wave.name",
                no,
                people.departmentNames(wave(projectCode, no).departments()));
    }

    private CutoverPlanRepository.Wave wave(String projectCode, Integer no) {
        return plans.waves(projectCode).stream()
                .filter(w -> no != null && w.no() == no)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("project " + projectCode + " has no wave " + no));
    }

    private static Instant created(DelegateTask task) {
        return task.getCreateTime() == null
                ? Instant.now()
                : task.getCreateTime().toInstant();
    }

    private Map<String, Object> fact(String what, String details) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("what", messages.forRecord(what));
        row.put("details", details);
        return row;
    }
}
