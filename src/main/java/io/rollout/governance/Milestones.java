package io.rollout.governance;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.MilestoneRegister;
import io.rollout.shared.Dates;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Problem;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The project's milestones (planning's {@link MilestoneRegister}, planned in {@code planningPhase}) as governance
 * follows them: which are open, and completing them. Milestones are completed by the PMO in the weekly status report
 * and in the follow-up of overdue milestones; nothing else completes them. The escalations made are governance's own
 * (table {@code milestone_escalation}).
 */
@Component
class Milestones {

    static final String COMPLETED = MilestoneRegister.COMPLETED;

    private final JdbcClient jdbc;
    private final MilestoneRegister register;
    private final DecisionLog decisions;

    Milestones(JdbcClient jdbc, MilestoneRegister register, DecisionLog decisions) {
        this.jdbc = jdbc;
        this.register = register;
        this.decisions = decisions;
    }

    /** A milestone that is not completed. */
    record OpenMilestone(long id, String name, String owner, LocalDate dueDate, String phase) {}

    /** Open milestones by due date. */
    List<OpenMilestone> open(String projectCode) {
        return register.open(projectCode).stream()
                .map(m -> new OpenMilestone(m.id(), m.name(), m.owner(), m.dueDate(), m.phase()))
                .toList();
    }

    /**
     * Checklist options ({@code label} "name (due date, owner's name)", {@code value} = id) for the given milestones.
     */
    static Object options(List<OpenMilestone> milestones, Function<String, String> displayName) {
        return JsonRows.of(milestones.stream()
                .map(m -> {
                    Map<String, Object> option = new LinkedHashMap<>();
                    option.put(
                            "label",
                            m.name() + " (" + Dates.date(m.dueDate()) + ", " + displayName.apply(m.owner()) + ")");
                    option.put("value", String.valueOf(m.id()));
                    return option;
                })
                .toList());
    }

    /** The problems with a checklist of milestone ids: each must be one of the open milestones offered. */
    static List<Problem> check(List<String> ids, List<OpenMilestone> offered) {
        List<Problem> problems = new ArrayList<>();
        for (String id : ids) {
            if (offered.stream().noneMatch(m -> String.valueOf(m.id()).equals(id))) {
                problems.add(Problem.of("governance.milestone.unknown", id));
            }
        }
        return problems;
    }

    /** Completes the given open milestones and logs decision {@code milestoneCompleted} for each. */
    void complete(
            String projectCode, List<String> ids, List<OpenMilestone> offered, String user, String processInstanceId) {
        for (OpenMilestone m : offered) {
            if (ids.contains(String.valueOf(m.id()))) {
                register.complete(m.id());
                decisions.record(new Decision(
                        projectCode,
                        "milestoneCompleted",
                        m.name(),
                        COMPLETED,
                        List.of(),
                        "dueDate=" + m.dueDate() + "; owner=" + m.owner(),
                        user,
                        processInstanceId));
            }
        }
    }

    /** Gives an open milestone to another owner. */
    void reassign(OpenMilestone m, String owner) {
        register.reassign(m.id(), owner);
    }

    /** The escalations already made, as {@code id@dueDate} keys: a milestone escalates once per due date. */
    List<String> escalated(String projectCode) {
        return jdbc.sql("select milestone_id, due_date from milestone_escalation where project_code = ?")
                .param(projectCode)
                .query((rs, n) -> key(rs.getLong(1), rs.getDate(2).toLocalDate()))
                .list();
    }

    void escalate(String projectCode, OpenMilestone m, java.time.Instant at) {
        jdbc.sql("""
                insert into milestone_escalation (milestone_id, due_date, project_code, milestone_name, escalated_at)
                values (?, ?, ?, ?, ?)""")
                .params(m.id(), Date.valueOf(m.dueDate()), projectCode, m.name(), java.sql.Timestamp.from(at))
                .update();
    }

    static String key(long id, LocalDate dueDate) {
        return id + "@" + dueDate;
    }
}
