package io.rollout.operations;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores module handovers (owners and administrators) and post-implementation reviews, and reads the UAT results a
 * review measures.
 */
@Repository
class OperationsRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    OperationsRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes the project's handover exactly these modules with their owners and administrators. */
    void replaceHandover(
            String projectCode, List<HandoverRules.ModuleOwner> owners, String knowledgeBaseLink, String handedOverBy) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("delete from module_administrator where project_code = ?")
                .param(projectCode)
                .update();
        jdbc.sql("delete from module_handover where project_code = ?")
                .param(projectCode)
                .update();
        for (HandoverRules.ModuleOwner o : owners) {
            jdbc.sql("""
                    insert into module_handover (project_code, module, internal_owner, runbook_link,
                                                 knowledge_base_link, handed_over_by, handed_over_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            o.module(),
                            o.internalOwner(),
                            o.runbookLink(),
                            knowledgeBaseLink,
                            handedOverBy,
                            now)
                    .update();
            for (String administrator : o.administrators()) {
                jdbc.sql("insert into module_administrator (project_code, module, user_id) values (?, ?, ?)")
                        .params(projectCode, o.module(), administrator)
                        .update();
            }
        }
    }

    List<HandoverRules.ModuleOwner> handover(String projectCode) {
        Map<String, List<String>> administrators = new HashMap<>();
        jdbc.sql("select module, user_id from module_administrator where project_code = ? order by module, user_id")
                .param(projectCode)
                .query((rs, n) -> administrators
                        .computeIfAbsent(rs.getString(1), m -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return jdbc.sql("select module, internal_owner, runbook_link from module_handover where project_code = ?")
                .param(projectCode)
                .query((rs, n) -> new HandoverRules.ModuleOwner(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        List.copyOf(administrators.getOrDefault(rs.getString(1), List.of()))))
                .list();
    }

    /**
     * Stores a review: what the PMO entered, the baseline's error rate and planned go-live it is compared with, and
     * what was measured (error rate from UAT, resolution time from the incidents, the day the project went live).
     */
    void saveReview(
            String projectCode,
            PostImplementationReviewRules.Kpis k,
            KpiBaseline baseline,
            ReviewMeasures.Measured m,
            String reviewedBy) {
        jdbc.sql("""
                insert into post_implementation_review (project_code, hours_saved_per_month, error_rate_before_pct,
                    error_rate_after_pct, satisfaction, on_time_go_live, active_users_pct, avg_resolution_hours,
                    notes, reviewed_by, reviewed_at, planned_go_live, went_live_on, failed_cases, executed_cases,
                    resolved_incidents)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        k.hoursSavedPerMonth(),
                        baseline == null ? null : baseline.errorRatePct(),
                        m.errorRatePct(),
                        k.satisfaction(),
                        baseline == null ? null : baseline.onTime(m.liveOn()),
                        k.activeUsersPct(),
                        m.resolutionHours(),
                        k.notes(),
                        reviewedBy,
                        Timestamp.from(Instant.now(clock)),
                        baseline == null ? null : Date.valueOf(baseline.plannedGoLive()),
                        m.liveOn() == null ? null : Date.valueOf(m.liveOn()),
                        m.failedCases(),
                        m.executedCases(),
                        m.resolvedIncidents())
                .update();
    }
}
