package io.rollout.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's read model over the tables of planning, UAT, governance and operations. Read-only and
 * counting only, so the features keep their own rules; where a rule matters (training coverage) the
 * feature's read API is used instead.
 */
@Repository
class KpiRepository {

    private final JdbcClient jdbc;

    KpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Project(String code, String name, String status, int uatPassTarget, int trainingTarget) {
    }

    record MilestoneRow(String name, String phase, java.time.LocalDate due) {
    }

    List<Project> projects(String onlyCode) {
        return jdbc.sql("""
                select code, name, status, uat_pass_target, training_target from project
                where ? is null or code = ? order by code""")
            .params(onlyCode, onlyCode)
            .query((rs, n) -> new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
            .list();
    }

    List<MilestoneRow> milestones(String code) {
        return jdbc.sql("select name, phase, due_date from milestone where project_code = ? order by due_date, id")
            .param(code)
            .query((rs, n) -> new MilestoneRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate())).list();
    }

    /** Test cases and how many of them passed in their latest result. */
    int[] uatCasesAndPassed(String code) {
        int cases = jdbc.sql("select count(*) from test_case where project_code = ?").param(code)
            .query(Integer.class).single();
        int passed = jdbc.sql("""
                select count(*) from test_result r
                where r.project_code = ? and r.result = 'pass'
                  and r.id = (select max(l.id) from test_result l
                              where l.project_code = r.project_code and l.case_id = r.case_id)""")
            .param(code).query(Integer.class).single();
        return new int[] {cases, passed};
    }

    /** Open risks, open high risks (score 15 or more) and open issues. */
    int[] openRisksHighRisksIssues(String code) {
        String open = "coalesce(lower(status), 'open') not in ('closed', 'mitigated', 'resolved')";
        int risks = jdbc.sql("select count(*) from risk where project_code = ? and " + open).param(code)
            .query(Integer.class).single();
        int high = jdbc.sql("select count(*) from risk where project_code = ? and score >= 15 and " + open).param(code)
            .query(Integer.class).single();
        int issues = jdbc.sql("select count(*) from log_entry where project_code = ? and kind = 'issue' and status = 'open'")
            .param(code).query(Integer.class).single();
        return new int[] {risks, high, issues};
    }

    /** All incidents, the open ones, and the resolution times of the resolved ones. */
    IncidentFigures incidents(String code) {
        List<Map<String, Object>> rows = jdbc.sql("select status, opened_at, resolved_at from incident where project_code = ?")
            .param(code).query().listOfRows();
        int open = 0;
        double hours = 0;
        int resolved = 0;
        for (Map<String, Object> row : rows) {
            Object resolvedAt = row.get("resolved_at");
            if (resolvedAt == null) {
                open++;
            } else {
                hours += Duration.between(((java.sql.Timestamp) row.get("opened_at")).toInstant(),
                    ((java.sql.Timestamp) resolvedAt).toInstant()).toMinutes() / 60.0;
                resolved++;
            }
        }
        return new IncidentFigures(rows.size(), open, resolved == 0 ? null : hours / resolved);
    }

    record IncidentFigures(int all, int open, Double averageResolutionHours) {
    }
}
