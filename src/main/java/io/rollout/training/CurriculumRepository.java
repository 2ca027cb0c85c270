package io.rollout.training;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The role-based curricula of a project and their sessions. */
@Repository
class CurriculumRepository {

    /** A curriculum as stored. */
    record Curriculum(String id, String name, String role, String department, int passMark, String description) {

        TrainingCompletionRule.Curriculum forRule() {
            return new TrainingCompletionRule.Curriculum(name, role, department, passMark);
        }
    }

    /** A session of a curriculum: theory, practice or case; given by a trainer or a seed user. */
    record Session(
            Long id,
            String curriculumId,
            String kind,
            String topic,
            String trainer,
            LocalDate date,
            String manual,
            String videoLink,
            boolean makeUp) {}

    private final JdbcClient jdbc;

    CurriculumRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Curriculum> curricula(String projectCode) {
        return jdbc.sql("""
                select curriculum_id, name, role, department, pass_mark, description from curriculum
                where project_code = ? order by curriculum_id""")
                .param(projectCode)
                .query((rs, n) -> new Curriculum(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6)))
                .list();
    }

    /** Inserts or updates curricula; curricula no longer planned are removed with their sessions. */
    void replaceCurricula(String projectCode, List<Curriculum> curricula) {
        List<String> kept = curricula.stream().map(Curriculum::id).toList();
        for (Curriculum old : curricula(projectCode)) {
            if (!kept.contains(old.id())) {
                jdbc.sql("delete from curriculum_session where project_code = ? and curriculum_id = ?")
                        .params(projectCode, old.id())
                        .update();
                jdbc.sql("delete from curriculum where project_code = ? and curriculum_id = ?")
                        .params(projectCode, old.id())
                        .update();
            }
        }
        // names are unique: clear them first so that two curricula may swap names in one plan
        jdbc.sql("update curriculum set name = curriculum_id where project_code = ?")
                .param(projectCode)
                .update();
        for (Curriculum c : curricula) {
            int updated = jdbc.sql("""
                    update curriculum set name = ?, role = ?, department = ?, pass_mark = ?, description = ?
                    where project_code = ? and curriculum_id = ?""")
                    .params(c.name(), c.role(), c.department(), c.passMark(), c.description(), projectCode, c.id())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into curriculum (project_code, curriculum_id, name, role, department, pass_mark, description)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(projectCode, c.id(), c.name(), c.role(), c.department(), c.passMark(), c.description())
                        .update();
            }
        }
    }

    List<Session> sessions(String projectCode) {
        return jdbc.sql("""
                select id, curriculum_id, kind, topic, trainer, session_date, manual, video_link, make_up
                from curriculum_session where project_code = ? order by session_date, id""")
                .param(projectCode)
                .query((rs, n) -> new Session(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDate(6).toLocalDate(),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBoolean(9)))
                .list();
    }

    /** Replaces the planned (not make-up) sessions; make-up sessions stay. */
    void replacePlannedSessions(String projectCode, List<Session> sessions) {
        jdbc.sql("delete from curriculum_session where project_code = ? and make_up = false")
                .param(projectCode)
                .update();
        sessions.forEach(s -> add(projectCode, s));
    }

    void add(String projectCode, Session s) {
        jdbc.sql("""
                insert into curriculum_session (project_code, curriculum_id, kind, topic, trainer, session_date, manual,
                                                video_link, make_up)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        s.curriculumId(),
                        s.kind(),
                        s.topic(),
                        s.trainer(),
                        Date.valueOf(s.date()),
                        s.manual(),
                        s.videoLink(),
                        s.makeUp())
                .update();
    }
}
