package io.rollout.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Programmes and their phases: each phase is one implementation project. */
@Repository
class ProgrammeRepository {

    /** One phase: the project it runs and where it stands (planned, running, in-operations). */
    record Phase(
            int no,
            String projectCode,
            String projectName,
            List<String> departments,
            List<String> modules,
            List<String> datasets,
            String status) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ProgrammeRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from programme where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void create(String code, String name, List<Phase> phases, String user) {
        jdbc.sql("insert into programme (code, name, started_by, started_at) values (?, ?, ?, ?)")
                .params(code, name, user, now())
                .update();
        phases.forEach(p -> jdbc.sql("""
                insert into programme_phase (programme_code, phase_no, project_code, project_name, departments, modules,
                                             datasets, status)
                values (?, ?, ?, ?, ?, ?, ?, 'planned')""")
                .params(
                        code,
                        p.no(),
                        p.projectCode(),
                        p.projectName(),
                        String.join(",", p.departments()),
                        String.join(",", p.modules()),
                        String.join(",", p.datasets()))
                .update());
    }

    Optional<Map<String, Object>> programme(String code) {
        return jdbc.sql("select code, name, started_by, started_at from programme where code = ?")
                .param(code)
                .query((rs, n) -> Map.<String, Object>of(
                        "code",
                        rs.getString(1),
                        "name",
                        rs.getString(2),
                        "startedBy",
                        rs.getString(3),
                        "startedAt",
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    List<Phase> phases(String code) {
        return jdbc.sql("""
                select phase_no, project_code, project_name, departments, modules, datasets, status from programme_phase
                where programme_code = ? order by phase_no""")
                .param(code)
                .query((rs, n) -> new Phase(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        split(rs.getString(4)),
                        split(rs.getString(5)),
                        split(rs.getString(6)),
                        rs.getString(7)))
                .list();
    }

    String startedBy(String code) {
        return jdbc.sql("select started_by from programme where code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    void started(String code, int phase) {
        jdbc.sql(
                        "update programme_phase set status = 'running', started_at = ? where programme_code = ? and phase_no = ?")
                .params(now(), code, phase)
                .update();
    }

    /** The programme whose running phase is this project, if any; the phase is marked as in operations. */
    Optional<String> reachedOperations(String projectCode) {
        Optional<String> programme =
                jdbc.sql("""
                select programme_code from programme_phase where project_code = ? and status = 'running'""").param(projectCode).query(String.class).optional();
        programme.ifPresent(p -> jdbc.sql("""
                update programme_phase set status = 'in-operations', reached_operations_at = ?
                where programme_code = ? and project_code = ?""").params(now(), p, projectCode).update());
        return programme;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).toList();
    }
}
