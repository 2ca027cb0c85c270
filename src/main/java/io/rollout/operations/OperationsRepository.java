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

    List<HypercareRules.Incident> incidents(String projectCode) {
        return jdbc.sql("""
                select id, title, severity, module, reporter, status, resolution from incident
                where project_code = ? order by id""")
            .param(projectCode)
            .query((rs, n) -> new HypercareRules.Incident(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
            .list();
    }

    /**
     * Updates the incidents that have an id and adds the others with the next free ids. The time an
     * incident is resolved is kept until it is reopened.
     */
    void upsertIncidents(String projectCode, List<HypercareRules.Incident> incidents) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int next = jdbc.sql("select coalesce(max(id), 0) from incident where project_code = ?").param(projectCode)
            .query(Integer.class).single();
        for (HypercareRules.Incident i : incidents) {
            if (i.id() != null) {
                next = Math.max(next, i.id());
            }
        }
        for (HypercareRules.Incident i : incidents) {
            boolean resolved = HypercareRules.RESOLVED.equals(i.status());
            int updated = i.id() == null ? 0 : jdbc.sql("""
                    update incident set title = ?, severity = ?, module = ?, reporter = ?, status = ?, resolution = ?,
                           resolved_at = %s
                    where project_code = ? and id = ?""".formatted(resolved ? "coalesce(resolved_at, ?)" : "?"))
                .params(i.title(), i.severity(), i.module(), i.reporter(), i.status(), i.resolution(),
                    resolved ? now : null, projectCode, i.id())
                .update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into incident (project_code, id, title, severity, module, reporter, status, resolution,
                                              opened_at, resolved_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(projectCode, i.id() != null ? i.id() : ++next, i.title(), i.severity(), i.module(),
                        i.reporter(), i.status(), i.resolution(), now, resolved ? now : null)
                    .update();
            }
        }
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
