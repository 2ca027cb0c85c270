package io.rollout.browser;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.task.Task;

/**
 * The trainer's part of every task of the training phase ({@code trainingPhase}) in Tasklist, one method per task:
 * each opens the task from the trainers' list, claims it, fills the form as a person does (typing rows, choosing
 * curricula and kinds, picking logins and trainers by name, entering dates) and completes it. The {@code enter…}
 * methods fill without completing, for a caller that wants to look at the filled form first. The caller logs the
 * trainer in and finds the task (name and id) with the engine's {@code TaskService}.
 */
final class TrainingSteps {

    static final String TRAINERS = "Trainers";

    /**
     * A person on the roster; {@code login} is the label the login picker shows ("Li Sun (sunli)"), or null for
     * someone without an account.
     */
    record Trainee(String employeeId, String name, String department, String role, String login, boolean seedUser) {}

    /** A curriculum; {@code department} null for every department, {@code passMark} null for the project's. */
    record Curriculum(String name, String role, String department, Integer passMark, String content) {}

    /**
     * A session: {@code kind} as the form shows it ("Practice"), {@code trainer} as the picker shows the person
     * ("Ting Wu (wuting)", a seed user "Li Sun (sunli), seed user").
     */
    record Session(
            String curriculum,
            String kind,
            String topic,
            String trainer,
            LocalDate date,
            String manual,
            String videoLink) {}

    /** What the trainer records for one trainee: attended or absent, and the assessment score of who attended. */
    record Attendance(String employeeId, boolean attended, Integer score) {}

    private TrainingSteps() {}

    /** Plan the training roster and curricula: enters the rows and completes. */
    static void planRosterAndCurricula(
            Tasklist tasklist, Task task, List<Trainee> trainees, List<Curriculum> curricula) {
        enterRosterAndCurricula(tasklist, task, trainees, curricula);
        tasklist.complete();
    }

    /** Opens and claims Plan the training roster and curricula and adds the trainees and the curricula as rows. */
    static void enterRosterAndCurricula(
            Tasklist tasklist, Task task, List<Trainee> trainees, List<Curriculum> curricula) {
        UatSteps.claim(tasklist.filter(TRAINERS).open(task.getName(), task.getId()));
        for (Trainee t : trainees) {
            int row = newRow(tasklist, "List_Trainees", "Field_EmployeeId");
            tasklist.type("Field_EmployeeId", row, t.employeeId())
                    .type("Field_Name", row, t.name())
                    .type("Field_Role", row, t.role());
            UatSteps.typeIfGiven(tasklist, "Field_Department", row, t.department());
            if (t.login() != null) {
                tasklist.pick("Field_TraineeUserId", row, t.login());
            }
            tasklist.tick("Field_SeedUser", row, t.seedUser());
        }
        for (Curriculum c : curricula) {
            int row = newRow(tasklist, "List_Curricula", "Field_CurriculumName");
            // the role decides which trainees the curriculum covers: typed at a person's pace (Tasklist.enter), since
            // form-js drops text of a new row whose next field changes within its 300 ms debounce
            tasklist.type("Field_CurriculumName", row, c.name()).enter("Field_CurriculumRole", row, c.role());
            UatSteps.typeIfGiven(tasklist, "Field_CurriculumDepartment", row, c.department());
            if (c.passMark() != null) {
                tasklist.type("Field_PassMark", row, String.valueOf(c.passMark()));
            }
            UatSteps.typeIfGiven(tasklist, "Field_CurriculumDescription", row, c.content());
        }
    }

    /** Plan training sessions and materials: enters the sessions and completes. */
    static void planSessions(Tasklist tasklist, Task task, List<Session> sessions) {
        enterSessions(tasklist, task, sessions);
        tasklist.complete();
    }

    /** Schedule make-up sessions: enters the sessions (into the rows prefilled per curriculum first) and completes. */
    static void scheduleMakeUpSessions(Tasklist tasklist, Task task, List<Session> sessions) {
        enterSessions(tasklist, task, sessions);
        tasklist.complete();
    }

    /**
     * Opens and claims a task with the sessions list (plan sessions, make-up sessions) and enters each session: into
     * a prefilled row of its curriculum that has no topic yet, else into an added row.
     */
    static void enterSessions(Tasklist tasklist, Task task, List<Session> sessions) {
        UatSteps.claim(tasklist.filter(TRAINERS).open(task.getName(), task.getId()));
        for (Session s : sessions) {
            int row = prefilledRow(tasklist, s.curriculum());
            if (row < 0) {
                row = tasklist.addRow("List_Sessions", "Field_SessionTopic");
                tasklist.select("Field_SessionCurriculum", row, s.curriculum());
            }
            tasklist.select("Field_SessionKind", row, s.kind())
                    .type("Field_SessionTopic", row, s.topic())
                    .pick("Field_SessionTrainer", row, s.trainer())
                    .date("Field_SessionDate", row, s.date());
            UatSteps.typeIfGiven(tasklist, "Field_SessionManual", row, s.manual());
            UatSteps.typeIfGiven(tasklist, "Field_SessionVideo", row, s.videoLink());
        }
    }

    /** Record attendance and assessments: enters attendance and scores and completes. */
    static void recordAttendance(Tasklist tasklist, Task task, List<Attendance> attendance) {
        enterAttendance(tasklist, task, attendance);
        tasklist.complete();
    }

    /**
     * Opens and claims Record attendance and assessments and, in each trainee's prefilled row (course and session
     * date as planned), ticks who attended and enters their score; absentees stay unticked.
     */
    static void enterAttendance(Tasklist tasklist, Task task, List<Attendance> attendance) {
        UatSteps.claim(tasklist.filter(TRAINERS).open(task.getName(), task.getId()));
        for (Attendance a : attendance) {
            int row = tasklist.row("Field_AttendanceEmployeeId", a.employeeId());
            tasklist.tick("Field_Attended", row, a.attended());
            if (a.score() != null) {
                tasklist.type("Field_Score", row, String.valueOf(a.score()));
            }
        }
    }

    private static int newRow(Tasklist tasklist, String listId, String fieldId) {
        int row = UatSteps.emptyRow(tasklist, fieldId);
        return row >= 0 ? row : tasklist.addRow(listId, fieldId);
    }

    private static int prefilledRow(Tasklist tasklist, String curriculum) {
        for (int row = 0; row < tasklist.rows("Field_SessionTopic"); row++) {
            String topic = tasklist.value("Field_SessionTopic", row);
            if (curriculum.equals(tasklist.value("Field_SessionCurriculum", row))
                    && (topic == null || topic.isEmpty())) {
                return row;
            }
        }
        return -1;
    }
}
