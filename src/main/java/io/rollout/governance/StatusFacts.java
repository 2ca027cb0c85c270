package io.rollout.governance;

import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.identity.RoleMembers;
import io.rollout.planning.RiskRegister;
import io.rollout.shared.Dates;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts a status report or steering review is written on, read from the project as it stands at that moment:
 * the current phase(s) and how many phases are done, milestones due in the next {@value #LOOK_AHEAD_DAYS} days,
 * overdue milestones, open risks and open issues. A report task shows them as tables ({@link #formVariables}); the report
 * keeps them as Markdown in the records' language ({@link #markdown}). People are named by their display names,
 * dates as {@link Dates} writes them.
 */
@Component
class StatusFacts {

    static final int LOOK_AHEAD_DAYS = 14;

    private final Milestones milestones;
    private final RiskRegister riskRegister;
    private final JdbcClient jdbc;
    private final HistoryService history;
    private final RepositoryService repository;
    private final RoleMembers people;
    private final Messages messages;
    private final Clock clock;

    StatusFacts(
            Milestones milestones,
            RiskRegister riskRegister,
            JdbcClient jdbc,
            HistoryService history,
            RepositoryService repository,
            RoleMembers people,
            Messages messages,
            Clock clock) {
        this.milestones = milestones;
        this.riskRegister = riskRegister;
        this.jdbc = jdbc;
        this.history = history;
        this.repository = repository;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    /** The facts at one moment. */
    record Facts(
            Instant at,
            String currentPhases,
            long phasesDone,
            int phasesTotal,
            List<MilestoneFact> dueSoon,
            List<MilestoneFact> overdue,
            List<RiskFact> risks,
            List<IssueFact> issues) {}

    /** An open milestone; {@code daysOverdue} is 0 for one not yet due. */
    record MilestoneFact(String name, LocalDate dueDate, String owner, long daysOverdue) {}

    /** An open risk of the register. */
    record RiskFact(String title, int score, String owner) {}

    /** An open issue of the log. */
    record IssueFact(String title, String severity, String owner, LocalDate dueDate) {}

    /** The facts of the project whose main process instance is given, as they are now. */
    Facts of(String projectCode, String processInstanceId, String processDefinitionId) {
        LocalDate today = LocalDate.now(clock);
        List<OpenMilestone> open = milestones.open(projectCode);
        List<HistoricActivityInstance> phases = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityType("callActivity")
                // parallel phases (build ∥ data migration) are named in the order they started, on every database
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderPartiallyByOccurrence()
                .asc()
                .list();
        String current = phases.stream()
                .filter(a -> a.getEndTime() == null)
                .map(HistoricActivityInstance::getActivityName)
                .collect(Collectors.joining(", "));
        long done = phases.stream()
                .filter(a -> a.getEndTime() != null && !a.isCanceled())
                .map(HistoricActivityInstance::getActivityId)
                .distinct()
                .count();
        int total = repository
                .getBpmnModelInstance(processDefinitionId)
                .getModelElementsByType(CallActivity.class)
                .size();
        List<MilestoneFact> dueSoon = open.stream()
                .filter(m -> !m.dueDate().isBefore(today) && !m.dueDate().isAfter(today.plusDays(LOOK_AHEAD_DAYS)))
                .map(m -> milestone(m, 0))
                .toList();
        List<MilestoneFact> overdue = OverdueRules.overdue(open, today).stream()
                .map(m -> milestone(m, ChronoUnit.DAYS.between(m.dueDate(), today)))
                .toList();
        List<RiskFact> risks = riskRegister.open(projectCode).stream()
                .map(r -> new RiskFact(r.title(), r.score(), name(r.owner())))
                .toList();
        List<IssueFact> issues = jdbc.sql("""
                select title, severity, owner, due_date from log_entry
                where project_code = ? and kind = 'issue' and status <> 'resolved' order by id""")
                .param(projectCode)
                .query((rs, n) -> new IssueFact(
                        rs.getString(1),
                        rs.getString(2),
                        name(rs.getString(3)),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
                .list();
        return new Facts(Instant.now(clock), current, done, total, dueSoon, overdue, risks, issues);
    }

    /**
     * The facts as a report task's form shows them (task-local variables): {@code reportPhase} and
     * {@code reportAsOf} (text), and the rows of its tables {@code dueSoonRows}, {@code overdueRows},
     * {@code riskRows}, {@code issueRows}.
     */
    Map<String, Object> formVariables(Facts facts) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("reportPhase", phase(facts));
        variables.put("reportAsOf", Dates.time(facts.at()));
        variables.put(
                "dueSoonRows",
                JsonRows.of(facts.dueSoon().stream()
                        .map(m -> row("milestone", m.name(), "due", Dates.date(m.dueDate()), "owner", m.owner()))
                        .toList()));
        variables.put(
                "overdueRows",
                JsonRows.of(facts.overdue().stream()
                        .map(m -> row(
                                "milestone",
                                m.name(),
                                "due",
                                Dates.date(m.dueDate()),
                                "days",
                                m.daysOverdue(),
                                "owner",
                                m.owner()))
                        .toList()));
        variables.put(
                "riskRows",
                JsonRows.of(facts.risks().stream()
                        .map(r -> row("risk", r.title(), "score", r.score(), "owner", r.owner()))
                        .toList()));
        variables.put(
                "issueRows",
                JsonRows.of(facts.issues().stream()
                        .map(i -> row(
                                "issue",
                                i.title(),
                                "severity",
                                i.severity(),
                                "owner",
                                i.owner(),
                                "due",
                                Dates.date(i.dueDate())))
                        .toList()));
        return variables;
    }

    /** The facts as the report keeps them (Markdown, in the records' language, at most 3,900 characters). */
    String markdown(Facts facts) {
        List<String> lines = new ArrayList<>();
        lines.add(phase(facts));
        lines.add(messages.forRecord("governance.facts.asOf", Dates.time(facts.at())));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.dueSoon", LOOK_AHEAD_DAYS));
        lines.addAll(list(facts.dueSoon().stream()
                .map(m -> messages.forRecord(
                        "governance.facts.milestone",
                        FormInput.md(m.name()),
                        Dates.date(m.dueDate()),
                        FormInput.md(m.owner())))
                .toList()));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.overdue"));
        lines.addAll(list(facts.overdue().stream()
                .map(m -> messages.forRecord(
                        "governance.milestone.overdue",
                        FormInput.md(m.name()),
                        Dates.date(m.dueDate()),
                        FormInput.md(m.owner()),
                        m.daysOverdue()))
                .toList()));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.risks"));
        lines.addAll(list(facts.risks().stream()
                .map(r -> messages.forRecord(
                        "governance.facts.risk", FormInput.md(r.title()), r.score(), FormInput.md(r.owner())))
                .toList()));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.issues"));
        lines.addAll(list(facts.issues().stream()
                .map(i -> messages.forRecord(
                        "governance.facts.issue",
                        FormInput.md(i.title()),
                        i.severity(),
                        i.owner().isEmpty() ? "-" : FormInput.md(i.owner()),
                        i.dueDate() == null ? "-" : Dates.date(i.dueDate())))
                .toList()));
        String text = String.join("\n", lines);
        return text.length() <= 3900 ? text : text.substring(0, 3897) + "...";
    }

    private String phase(Facts facts) {
        return messages.forRecord(
                "governance.facts.phase",
                facts.currentPhases().isEmpty() ? "-" : facts.currentPhases(),
                facts.phasesDone(),
                facts.phasesTotal());
    }

    private MilestoneFact milestone(OpenMilestone m, long daysOverdue) {
        return new MilestoneFact(m.name(), m.dueDate(), name(m.owner()), daysOverdue);
    }

    private String name(String userId) {
        return userId == null ? "" : people.displayName(userId);
    }

    private List<String> list(List<String> items) {
        return items.isEmpty()
                ? List.of("- " + messages.forRecord("governance.facts.none"))
                : items.stream().map(i -> "- " + i).toList();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
