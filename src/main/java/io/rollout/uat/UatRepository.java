package io.rollout.uat;

import io.rollout.requirements.Requirement;
import io.rollout.requirements.RequirementCatalogue;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Test cases, their requirement links, results per round and defects of a project. The requirements are the
 * requirements module's, read through {@link RequirementCatalogue}.
 */
@Repository
class UatRepository {

    private final JdbcClient jdbc;
    private final RequirementCatalogue catalogue;
    private final Clock clock;

    UatRepository(JdbcClient jdbc, RequirementCatalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Ids of the must-have requirements, by id. */
    List<String> mustRequirementIds(String projectCode) {
        return catalogue.of(projectCode).stream()
                .filter(r -> "must".equals(r.priority()))
                .map(Requirement::reqId)
                .toList();
    }

    /** The project's requirements as the traceability view shows them, by id. */
    List<UatTraceability.Requirement> requirements(String projectCode) {
        return catalogue.of(projectCode).stream()
                .map(r -> new UatTraceability.Requirement(r.reqId(), r.title(), r.priority(), r.department()))
                .toList();
    }

    Set<String> requirementIds(String projectCode) {
        return new TreeSet<>(
                catalogue.of(projectCode).stream().map(Requirement::reqId).toList());
    }

    List<TestCase> testCases(String projectCode) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        jdbc.sql("select case_id, req_id from test_case_requirement where project_code = ? order by case_id, req_id")
                .param(projectCode)
                .query((rs, n) -> links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return jdbc.sql("""
                select case_id, title, steps, expected_result, module, priority
                from test_case where project_code = ? order by case_id""")
                .param(projectCode)
                .query((rs, n) -> new TestCase(
                        rs.getString(1),
                        rs.getString(2),
                        List.copyOf(links.getOrDefault(rs.getString(1), List.of())),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** Inserts new test cases, updates existing ones and replaces their requirement links. */
    void saveTestCases(String projectCode, List<TestCase> cases, String user) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (TestCase c : cases) {
            int updated = jdbc.sql("""
                    update test_case set title = ?, steps = ?, expected_result = ?, module = ?, priority = ?,
                                         updated_by = ?, updated_at = ?
                    where project_code = ? and case_id = ?""")
                    .params(
                            c.title(),
                            c.steps(),
                            c.expectedResult(),
                            c.module(),
                            c.priority(),
                            user,
                            now,
                            projectCode,
                            c.caseId())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into test_case (project_code, case_id, title, steps, expected_result, module, priority,
                                               updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                projectCode,
                                c.caseId(),
                                c.title(),
                                c.steps(),
                                c.expectedResult(),
                                c.module(),
                                c.priority(),
                                user,
                                now)
                        .update();
            }
            jdbc.sql("delete from test_case_requirement where project_code = ? and case_id = ?")
                    .params(projectCode, c.caseId())
                    .update();
            for (String requirement : c.requirementIds()) {
                jdbc.sql("insert into test_case_requirement (project_code, case_id, req_id) values (?, ?, ?)")
                        .params(projectCode, c.caseId(), requirement)
                        .update();
            }
        }
    }

    /** The latest result of every test case that has one, by case id. */
    Map<String, String> latestResults(String projectCode) {
        Map<String, String> latest = new LinkedHashMap<>();
        jdbc.sql("""
                select r.case_id, r.result from test_result r
                where r.project_code = ?
                  and r.id = (select max(l.id) from test_result l
                              where l.project_code = r.project_code and l.case_id = r.case_id)
                order by r.case_id""")
                .param(projectCode)
                .query((rs, n) -> latest.put(rs.getString(1), rs.getString(2)))
                .list();
        return latest;
    }

    int lastRound(String projectCode) {
        return jdbc.sql("select coalesce(max(round), 0) from test_result where project_code = ?")
                .param(projectCode)
                .query(Integer.class)
                .single();
    }

    void recordResult(String projectCode, String caseId, int round, String result, String comment, String tester) {
        jdbc.sql("""
                insert into test_result (project_code, case_id, round, result, comment, tester, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, caseId, round, result, comment, tester, now())
                .update();
    }

    /** Raises a defect on a failed test case; returns its id. */
    long openDefect(
            String projectCode,
            String caseId,
            int round,
            String severity,
            String module,
            String description,
            String user) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into defect (project_code, case_id, round, severity, module, description, status, raised_by,
                                    raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, caseId, round, severity, module, description, Defect.OPEN, user, now())
                .update(key, "id");
        long id = key.getKey().longValue();
        event(id, "raised", user, severity + ": " + description);
        return id;
    }

    /** A passing retest verifies the fixes of its case: fixed defects become closed. Open ones stay open. */
    void closeFixedDefects(String projectCode, String caseId, int round, String user) {
        for (Defect d : defects(projectCode, Defect.FIXED)) {
            if (d.caseId().equals(caseId)) {
                jdbc.sql("update defect set status = ? where id = ?")
                        .params(Defect.CLOSED, d.id())
                        .update();
                event(d.id(), "verified", user, "round " + round);
            }
        }
    }

    /** A failing retest reopens the fixed defects of its case; returns their ids. */
    List<Long> reopenFixedDefects(String projectCode, String caseId, int round, String comment, String user) {
        List<Long> reopened = new ArrayList<>();
        for (Defect d : defects(projectCode, Defect.FIXED)) {
            if (d.caseId().equals(caseId)) {
                jdbc.sql("update defect set status = ?, reopen_count = reopen_count + 1 where id = ?")
                        .params(Defect.OPEN, d.id())
                        .update();
                event(d.id(), "reopened", user, "round " + round + (comment == null ? "" : ": " + comment));
                reopened.add(d.id());
            }
        }
        return reopened;
    }

    void markFixed(String projectCode, long defectId, String fixNote, String user) {
        jdbc.sql("""
                update defect set status = ?, fixed_by = ?, fixed_at = ?, fix_note = ?
                where project_code = ? and id = ? and status = ?""")
                .params(Defect.FIXED, user, now(), fixNote, projectCode, defectId, Defect.OPEN)
                .update();
        event(defectId, "fixed", user, fixNote);
    }

    /** Assigns a defect to a developer, changing its severity when the PMO re-rated it. */
    void assign(long defectId, String developer, String severity, String reason, String user) {
        Defect before = defect(defectId);
        jdbc.sql("update defect set assignee = ?, assigned_at = ?, severity = ? where id = ?")
                .params(developer, now(), severity, defectId)
                .update();
        if (!severity.equals(before.severity())) {
            event(defectId, "severity", user, before.severity() + " -> " + severity + ": " + reason);
        }
        if (!developer.equals(before.assignee())) {
            event(defectId, "assigned", user, developer);
        }
    }

    Defect defect(long id) {
        return jdbc.sql(DEFECTS + " where id = ?")
                .param(id)
                .query(UatRepository::defect)
                .single();
    }

    private void event(long defectId, String event, String user, String note) {
        jdbc.sql("insert into defect_event (defect_id, event, by_user, event_at, note) values (?, ?, ?, ?, ?)")
                .params(
                        defectId,
                        event,
                        user,
                        now(),
                        note == null || note.length() <= 2000 ? note : note.substring(0, 2000))
                .update();
    }

    /** The history of a defect, oldest first. */
    List<DefectEvent> events(long defectId) {
        return jdbc.sql("select event, by_user, event_at, note from defect_event where defect_id = ? order by id")
                .param(defectId)
                .query((rs, n) -> new DefectEvent(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /** One step of a defect's life cycle. */
    record DefectEvent(String event, String by, Instant at, String note) {}

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static final String DEFECTS = """
            select id, case_id, round, severity, description, status, module, assignee, reopen_count from defect""";

    private static Defect defect(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Defect(
                rs.getLong(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getInt(9));
    }

    /** Defects with one of the given statuses (all when none is given), oldest first. */
    List<Defect> defects(String projectCode, String... statuses) {
        return jdbc
                .sql(DEFECTS + " where project_code = ? order by id")
                .param(projectCode)
                .query(UatRepository::defect)
                .list()
                .stream()
                .filter(d -> statuses.length == 0 || List.of(statuses).contains(d.status()))
                .toList();
    }

    // --- rounds ---------------------------------------------------------------------------------------------

    int lastPlannedRound(String projectCode) {
        return jdbc.sql("select coalesce(max(round), 0) from uat_round where project_code = ?")
                .param(projectCode)
                .query(Integer.class)
                .single();
    }

    /** Stores a round with its assignments (case id → tester). */
    void planRound(String projectCode, int round, Map<String, String> testers, String user) {
        jdbc.sql("insert into uat_round (project_code, round, planned_by, planned_at) values (?, ?, ?, ?)")
                .params(projectCode, round, user, now())
                .update();
        testers.forEach((caseId, tester) ->
                jdbc.sql("""
                insert into uat_round_case (project_code, round, case_id, tester) values (?, ?, ?, ?)""").params(projectCode, round, caseId, tester).update());
    }

    /** The assignments of a round, case id → tester, by case id. */
    Map<String, String> roundTesters(String projectCode, int round) {
        Map<String, String> testers = new LinkedHashMap<>();
        jdbc.sql("select case_id, tester from uat_round_case where project_code = ? and round = ? order by case_id")
                .params(projectCode, round)
                .query((rs, n) -> testers.put(rs.getString(1), rs.getString(2)))
                .list();
        return testers;
    }

    /** The tester each case had in the latest round that included it. */
    Map<String, String> lastTesters(String projectCode) {
        Map<String, String> testers = new LinkedHashMap<>();
        jdbc.sql("select case_id, tester from uat_round_case where project_code = ? order by round")
                .param(projectCode)
                .query((rs, n) -> testers.put(rs.getString(1), rs.getString(2)))
                .list();
        return testers;
    }

    /** The latest result of every case with its round and tester, by case id. */
    Map<String, LatestResult> latestResultDetails(String projectCode) {
        Map<String, LatestResult> latest = new LinkedHashMap<>();
        jdbc.sql("""
                select r.case_id, r.result, r.round, r.tester, r.comment from test_result r
                where r.project_code = ?
                  and r.id = (select max(l.id) from test_result l
                              where l.project_code = r.project_code and l.case_id = r.case_id)""")
                .param(projectCode)
                .query((rs, n) -> latest.put(
                        rs.getString(1),
                        new LatestResult(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5))))
                .list();
        return latest;
    }

    /** The latest result of a case. */
    record LatestResult(String result, int round, String tester, String comment) {}

    /** Everything the UAT gate decides on; defects are those not closed. */
    UatGateRule.Input gateInput(String projectCode, int passTarget) {
        Map<String, String> latest = latestResults(projectCode);
        List<UatGateRule.CaseStatus> cases = testCases(projectCode).stream()
                .map(c ->
                        new UatGateRule.CaseStatus(c.caseId(), Set.copyOf(c.requirementIds()), latest.get(c.caseId())))
                .toList();
        return new UatGateRule.Input(
                passTarget, mustRequirementIds(projectCode), cases, defects(projectCode, Defect.OPEN, Defect.FIXED));
    }
}
