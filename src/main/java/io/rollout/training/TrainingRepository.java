package io.rollout.training;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The training roster, plan and attendance records of a project. */
@Repository
class TrainingRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    TrainingRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Trainee> roster(String projectCode) {
        return jdbc.sql("""
                select employee_id, name, department, role, user_id, seed_user from trainee
                where project_code = ? order by employee_id""")
                .param(projectCode)
                .query((rs, n) -> new Trainee(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
    }

    /** Makes the roster exactly these trainees; attendance records of removed people are kept. */
    void replaceRoster(String projectCode, List<Trainee> trainees) {
        jdbc.sql("delete from trainee where project_code = ?")
                .param(projectCode)
                .update();
        trainees.forEach(t -> insertTrainee(projectCode, t));
    }

    /** Adds or updates trainees without removing others (imports). */
    void saveTrainees(String projectCode, List<Trainee> trainees) {
        for (Trainee t : trainees) {
            // a sheet knows nobody's login or seed-user mark: those stay as planned
            int updated = jdbc.sql(
                            "update trainee set name = ?, department = ?, role = ? where project_code = ? and employee_id = ?")
                    .params(t.name(), t.department(), t.role(), projectCode, t.employeeId())
                    .update();
            if (updated == 0) {
                insertTrainee(projectCode, t);
            }
        }
    }

    private void insertTrainee(String projectCode, Trainee t) {
        jdbc.sql("""
                insert into trainee (project_code, employee_id, name, department, role, user_id, seed_user)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, t.employeeId(), t.name(), t.department(), t.role(), t.userId(), t.seedUser())
                .update();
    }

    void recordAttendance(String projectCode, Session session, String user) {
        jdbc.sql("""
                insert into training_attendance (project_code, employee_id, course, session_date, attended, score,
                                                 recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        session.employeeId(),
                        session.course(),
                        Date.valueOf(session.sessionDate()),
                        session.attended(),
                        session.score(),
                        user,
                        Timestamp.from(Instant.now(clock)))
                .update();
    }

    List<Session> attendance(String projectCode) {
        return jdbc.sql("""
                select employee_id, course, session_date, attended, score from training_attendance
                where project_code = ? order by id""")
                .param(projectCode)
                .query((rs, n) -> new Session(
                        rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBoolean(4), (Integer)
                                rs.getObject(5)))
                .list();
    }

    /** Everything the completion check decides on. */
    TrainingCompletionRule.Input checkInput(
            String projectCode, int target, List<TrainingCompletionRule.Curriculum> curricula) {
        return new TrainingCompletionRule.Input(
                target,
                roster(projectCode),
                curricula,
                attendance(projectCode).stream()
                        .map(s -> new TrainingCompletionRule.Attendance(
                                s.employeeId(), s.course(), s.attended(), s.score()))
                        .toList());
    }

    /** One attendance record: a trainee in a session of a course, attended or not, with a score if assessed. */
    record Session(String employeeId, String course, LocalDate sessionDate, boolean attended, Integer score) {}

    void setLogin(String projectCode, String employeeId, String login) {
        jdbc.sql("update trainee set user_id = ? where project_code = ? and employee_id = ?")
                .params(login, projectCode, employeeId)
                .update();
    }
}
