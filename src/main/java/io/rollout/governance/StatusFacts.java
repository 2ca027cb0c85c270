package io.rollout.governance;

import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts a status report or steering review is written on (Markdown, in the records' language): the current
 * phase(s) and how many phases are done, milestones due in the next {@value #LOOK_AHEAD_DAYS} days, overdue
 * milestones, open risks and open issues.
 */
@Component
class StatusFacts {

    static final int LOOK_AHEAD_DAYS = 14;

    private final Milestones milestones;
    private final JdbcClient jdbc;
    private final HistoryService history;
    private final RepositoryService repository;
    private final Messages messages;
    private final Clock clock;

    StatusFacts(Milestones milestones, JdbcClient jdbc, HistoryService history, RepositoryService repository,
                Messages messages, Clock clock) {
        this.milestones = milestones;
        this.jdbc = jdbc;
        this.history = history;
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
    }

    /** The facts of the project whose main process instance is given. */
    String of(String projectCode, String processInstanceId, String processDefinitionId) {
        LocalDate today = LocalDate.now(clock);
        List<OpenMilestone> open = milestones.open(projectCode);
        List<HistoricActivityInstance> phases = history.createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId).activityType("callActivity")
            // parallel phases (build ∥ data migration) are named in the order they started, on every database
            .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
        String current = phases.stream().filter(a -> a.getEndTime() == null).map(HistoricActivityInstance::getActivityName)
            .collect(Collectors.joining(", "));
        long done = phases.stream().filter(a -> a.getEndTime() != null && !a.isCanceled())
            .map(HistoricActivityInstance::getActivityId).distinct().count();
        int total = repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(CallActivity.class).size();

        List<String> lines = new ArrayList<>();
        lines.add(messages.forRecord("governance.facts.phase", current.isEmpty() ? "-" : current, done, total));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.dueSoon", LOOK_AHEAD_DAYS));
        lines.addAll(list(open.stream().filter(m -> !m.dueDate().isBefore(today)
            && !m.dueDate().isAfter(today.plusDays(LOOK_AHEAD_DAYS))).map(this::milestone).toList()));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.overdue"));
        lines.addAll(list(OverdueRules.overdue(open, today).stream().map(this::milestone).toList()));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.risks"));
        lines.addAll(list(jdbc.sql("""
                select title, score, owner from risk
                where project_code = ? and coalesce(lower(status), 'open') not in ('closed', 'mitigated', 'resolved')
                order by score desc, id""")
            .param(projectCode)
            .query((rs, n) -> messages.forRecord("governance.facts.risk", FormInput.md(rs.getString(1)), rs.getInt(2),
                FormInput.md(rs.getString(3))))
            .list()));
        lines.add("");
        lines.add(messages.forRecord("governance.facts.issues"));
        lines.addAll(list(jdbc.sql("""
                select title, severity, owner, due_date from log_entry
                where project_code = ? and kind = 'issue' and status <> 'resolved' order by id""")
            .param(projectCode)
            .query((rs, n) -> messages.forRecord("governance.facts.issue", FormInput.md(rs.getString(1)),
                rs.getString(2), rs.getString(3) == null ? "-" : FormInput.md(rs.getString(3)),
                rs.getDate(4) == null ? "-" : rs.getDate(4).toLocalDate().toString()))
            .list()));
        String text = String.join("\n", lines);
        return text.length() <= 3900 ? text : text.substring(0, 3897) + "...";
    }

    private String milestone(OpenMilestone m) {
        return messages.forRecord("governance.facts.milestone", FormInput.md(m.name()), m.dueDate().toString(),
            FormInput.md(m.owner()));
    }

    private List<String> list(List<String> items) {
        return items.isEmpty() ? List.of("- " + messages.forRecord("governance.facts.none"))
            : items.stream().map(i -> "- " + i).toList();
    }
}
