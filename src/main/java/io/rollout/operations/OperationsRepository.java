package io.rollout.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores hypercare incidents, module handovers and post-implementation reviews. */
@Repository
class OperationsRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    OperationsRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An incident as {@code GET /api/projects/{code}/incidents} shows it. */
    record IncidentView(int id, String title, String severity, String module, String reporter, String status,
                        String resolution, String resolvedBy, Instant openedAt, Instant resolvedAt, Instant slaDueAt,
                        Instant slaBreachedAt) {
    }

    /** The incidents of a project, newest first. */
    List<IncidentView> incidents(String projectCode) {
        return jdbc.sql("""
                select id, title, severity, module, reporter, status, resolution, resolved_by, opened_at, resolved_at,
                       sla_due_at, sla_breached_at
                from incident where project_code = ? order by id desc""")
            .param(projectCode)
            .query((rs, n) -> new IncidentView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))))
            .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    void replaceHandover(String projectCode, List<HandoverRules.ModuleOwner> owners, String knowledgeBaseLink,
                         String handedOverBy) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("delete from module_handover where project_code = ?").param(projectCode).update();
        for (HandoverRules.ModuleOwner o : owners) {
            jdbc.sql("""
                    insert into module_handover (project_code, module, internal_owner, runbook_link,
                                                 knowledge_base_link, handed_over_by, handed_over_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, o.module(), o.internalOwner(), o.runbookLink(), knowledgeBaseLink, handedOverBy, now)
                .update();
        }
    }

    List<HandoverRules.ModuleOwner> handover(String projectCode) {
        return jdbc.sql("select module, internal_owner, runbook_link from module_handover where project_code = ?")
            .param(projectCode)
            .query((rs, n) -> new HandoverRules.ModuleOwner(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    }

    void saveReview(String projectCode, PostImplementationReviewRules.Kpis k, String reviewedBy) {
        jdbc.sql("""
                insert into post_implementation_review (project_code, hours_saved_per_month, error_rate_before_pct,
                    error_rate_after_pct, satisfaction, on_time_go_live, active_users_pct, avg_resolution_hours,
                    notes, reviewed_by, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, k.hoursSavedPerMonth(), k.errorRateBeforePct(), k.errorRateAfterPct(),
                k.satisfaction(), k.onTimeGoLive(), k.activeUsersPct(), k.avgResolutionHours(), k.notes(),
                reviewedBy, Timestamp.from(Instant.now(clock)))
            .update();
    }
}
