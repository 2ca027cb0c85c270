package io.rollout.planning;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The project's milestones (table {@code milestone}) as the other modules follow and move them: planned in
 * {@code UserTask_CapturePlan} of {@code planningPhase}, completed and reassigned by governance, moved by an
 * approved change request's rebaseline, offered as links in operations' feedback triage and counted by the
 * dashboard. Planning alone writes the table; the others call this API.
 */
@Component
public class MilestoneRegister {

    /** The status of a milestone a PMO has completed; planned milestones have {@code planned}. */
    public static final String COMPLETED = "completed";

    private final JdbcClient jdbc;

    MilestoneRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A milestone of the plan with its current due date, owner and status. */
    public record Milestone(long id, String name, String owner, LocalDate dueDate, String phase, String status) {

        public boolean open() {
            return !COMPLETED.equals(status);
        }
    }

    /** The project's milestones by due date (then as planned). */
    public List<Milestone> of(String projectCode) {
        return jdbc.sql("""
                select id, name, owner, due_date, phase, status from milestone
                where project_code = ? order by due_date, id""")
                .param(projectCode)
                .query((rs, n) -> new Milestone(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("owner"),
                        rs.getDate("due_date").toLocalDate(),
                        rs.getString("phase"),
                        rs.getString("status")))
                .list();
    }

    /** The project's milestones not completed yet, by due date. */
    public List<Milestone> open(String projectCode) {
        return of(projectCode).stream().filter(Milestone::open).toList();
    }

    /** The current owner of a milestone; empty when it has none or no longer exists. */
    public Optional<String> owner(long milestoneId) {
        return jdbc.sql("select owner from milestone where id = ?")
                .param(milestoneId)
                .query(String.class)
                .optional();
    }

    /** Marks a milestone completed. */
    public void complete(long milestoneId) {
        jdbc.sql("update milestone set status = ? where id = ?")
                .params(COMPLETED, milestoneId)
                .update();
    }

    /** Gives a milestone to another owner. */
    public void reassign(long milestoneId, String owner) {
        jdbc.sql("update milestone set owner = ? where id = ?")
                .params(owner, milestoneId)
                .update();
    }

    /** Moves a milestone's due date (a rebaseline of the plan). */
    public void move(long milestoneId, LocalDate dueDate) {
        jdbc.sql("update milestone set due_date = ? where id = ?")
                .params(Date.valueOf(dueDate), milestoneId)
                .update();
    }
}
