package io.rollout.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The improvement backlog ({@code feedback}), and what a triage may point a change request at: the project's
 * requirements and its open milestones.
 */
@Repository
class FeedbackRepository {

    /** One backlog item. */
    record Item(
            long id,
            String module,
            String kind,
            String text,
            String reporter,
            Instant reportedAt,
            String status,
            String priority,
            String decisionReason,
            String decidedBy,
            Long changeRequestId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores new feedback and returns its id. */
    long add(String projectCode, String module, String kind, String text, String reporter) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (project_code, module, kind, text, reporter, reported_at, status)
                values (?, ?, ?, ?, ?, ?, 'new')""")
                .params(projectCode, module, kind, text, reporter, Timestamp.from(Instant.now(clock)))
                .update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /** The project's backlog, high priority first, then medium, low and not yet prioritised; by id within each. */
    List<Item> items(String projectCode) {
        return jdbc.sql("""
                select id, module, kind, text, reporter, reported_at, status, priority, decision_reason, decided_by,
                       change_request_id
                from feedback where project_code = ?
                order by case priority when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end, id""").param(projectCode).query(FeedbackRepository::item).list();
    }

    /** One item of the project's backlog. */
    Optional<Item> item(String projectCode, long id) {
        return items(projectCode).stream().filter(i -> i.id() == id).findFirst();
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getString("module"),
                rs.getString("kind"),
                rs.getString("text"),
                rs.getString("reporter"),
                rs.getTimestamp("reported_at").toInstant(),
                rs.getString("status"),
                rs.getString("priority"),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                rs.getObject("change_request_id", Long.class));
    }

    /** Records the triage of an item. */
    void decide(long id, String status, String priority, String reason, String decidedBy, Long changeRequest) {
        jdbc.sql("""
                update feedback set status = ?, priority = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
                                    change_request_id = ?
                where id = ?""")
                .params(status, priority, reason, decidedBy, Timestamp.from(Instant.now(clock)), changeRequest, id)
                .update();
    }
}
