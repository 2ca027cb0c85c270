package io.rollout.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class TrainingPhaseProcessTests {

    static final String PROCESS = "trainingPhase";
    static final String PLAN_TRAINING = "UserTask_PlanTraining";
    static final String PLAN_SESSIONS = "UserTask_PlanSessions";
    static final String RECORD_ATTENDANCE = "UserTask_RecordAttendance";
    static final String COMPLETION_CHECK = "ServiceTask_TrainingCompletionCheck";
    static final String SCHEDULE_MAKE_UP = "UserTask_ScheduleMakeUpSessions";
    static final String TRAINING_COMPLETE = "EndEvent_TrainingComplete";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DecisionLog decisionLog;

    @Autowired
    TrainingStatus trainingStatus;

    @Autowired
    IdentityService identity;

    String code;

    @BeforeEach
    void createProject() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("warehouse"), List.of("inventory"), List.of());
        TestUsers.ensure(identity, TRAINER, "training-Secret-2026", Roles.TRAINER);
        TestUsers.ensure(identity, SEED_USER, "training-Secret-2026", Roles.KEY_USER);
    }

    static final String TRAINER = "trainingtrainer";
    static final String SEED_USER = "trainingseed";

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void completesWhenEveryRoleReachesTheTargetWithASeedUsersSessionCountingTheSame() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(PLAN_TRAINING);
        assertThat(task(pi)).hasCandidateGroup("trainer");
        assertThat(JsonRows.read(localVariable(pi, "trainees"))).isEmpty();
        assertThat(task(pi).getName()).isEqualTo("Plan the training roster and curricula");
        // a login is picked among the people of the working roles
        assertThat(JsonRows.read(localVariable(pi, "loginOptions")))
                .extracting(r -> r.text("value"))
                .contains(TRAINER, SEED_USER);
        // as Tasklist submits it: into the task-local variables the form was prefilled from
        formService.submitTaskForm(
                task(pi).getId(),
                Variables.createVariables()
                        .putValue("trainees", JsonRows.of(roster()))
                        .putValue("curricula", JsonRows.of(curricula())));

        assertThat(pi).isWaitingAt(PLAN_SESSIONS);
        assertThat(jdbc.sql(
                                "select curriculum_id || ' ' || name || ' ' || pass_mark from curriculum where project_code = ? "
                                        + "order by curriculum_id")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("CUR-01 Goods receipt 60", "CUR-02 Stock reports 75");
        assertThat(task(pi).getName()).isEqualTo("Plan training sessions and materials");
        assertThat(JsonRows.read(localVariable(pi, "curriculaTable")))
                .extracting(r -> r.text("id") + " " + r.text("name") + " " + r.text("role") + " " + r.text("department")
                        + " " + r.text("passMark"))
                .containsExactly(
                        "CUR-01 Goods receipt operator every department 60",
                        "CUR-02 Stock reports manager every department 75");
        // one row per curriculum to plan its first session; trainers and seed users are picked by name
        assertThat(JsonRows.read(localVariable(pi, "sessions")))
                .extracting(r -> r.text("curriculum") + " " + r.text("trainer"))
                .containsExactly("Goods receipt null", "Stock reports null");
        assertThat(JsonRows.read(localVariable(pi, "trainerOptions")))
                .extracting(r -> r.text("label") + "=" + r.text("value"))
                .contains(
                        TRAINER + " Test (" + TRAINER + ")=" + TRAINER,
                        SEED_USER + " Test (" + SEED_USER + "), seed user=" + SEED_USER);
        formService.submitTaskForm(
                task(pi).getId(),
                Variables.createVariables()
                        .putValue(
                                "sessions",
                                JsonRows.of(List.of(
                                        plannedSession("Goods receipt", "theory", TRAINER),
                                        plannedSession("Goods receipt", "practice", SEED_USER),
                                        plannedSession("Stock reports", "case", TRAINER)))));

        assertThat(pi).isWaitingAt(RECORD_ATTENDANCE);
        assertThat(task(pi)).hasCandidateGroup("trainer");
        assertThat(task(pi).getName()).isEqualTo("Record attendance and assessments of the sessions until 2026-05-20");
        // every trainee with the course of their curriculum and the date of its last planned session
        List<FormRow> prefilled = JsonRows.read(localVariable(pi, "attendance"));
        assertThat(prefilled)
                .extracting(r -> r.text("employeeId") + " " + r.text("course") + " " + r.text("sessionDate"))
                .containsExactly(
                        "E1 Goods receipt 2026-05-20",
                        "E2 Goods receipt 2026-05-20",
                        "E3 Goods receipt 2026-05-20",
                        "E4 Goods receipt 2026-05-20",
                        "E5 Goods receipt 2026-05-20",
                        "M1 Stock reports 2026-05-20");
        assertThat(JsonRows.read(localVariable(pi, "sessionsTable")))
                .extracting(r -> r.text("date") + " " + r.text("kind") + " " + r.text("trainer"))
                .containsExactly(
                        "2026-05-20 Theory " + TRAINER + " Test",
                        "2026-05-20 Practice " + SEED_USER + " Test",
                        "2026-05-20 Case " + TRAINER + " Test");
        // E1..E4 attended the practice session the seed user gave
        complete(
                task(pi),
                withVariables(
                        "attendance",
                        JsonRows.of(List.of(
                                session("E1", true, 90),
                                session("E2", true, 75),
                                session("E3", true, 60),
                                session("E4", true, 88),
                                session("E5", false, null),
                                session("M1", true, 75)))));

        assertThat(pi).hasPassed(COMPLETION_CHECK, TRAINING_COMPLETE).isEnded();
        assertThat(count("select count(*) from curriculum_session where project_code = ? and trainer = '" + SEED_USER
                        + "'"))
                .isEqualTo(1);
        DecisionLog.Decision decision =
                decisionLog.latest(code, "trainingCompletionCheck").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("passed");
        assertThat(decision.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
        assertThat(decision.inputs()).contains("operator 4/5", "manager 1/1");
        assertThat(trainingStatus.lastCheckPassed(code)).isTrue();
        assertThat(trainingStatus.coverage(code))
                .extracting(TrainingStatus.RoleCoverage::trained)
                .containsExactly(4, 1);
    }

    @Test
    void incompleteTrainingLoopsThroughMakeUpSessionsUntilTheRoleReachesTheTarget() {
        ProcessInstance pi = start();
        planned(pi);
        complete(
                task(pi),
                withVariables(
                        "attendance",
                        JsonRows.of(List.of(
                                session("E1", true, 90),
                                session("E2", false, null),
                                session("E3", true, 59),
                                session("E4", true, 88),
                                session("M1", true, 74)))));

        assertThat(pi).hasPassed(COMPLETION_CHECK).isWaitingAt(SCHEDULE_MAKE_UP);
        assertThat(task(pi)).hasCandidateGroup("trainer");
        assertThat((String) runtime.getVariable(pi.getId(), "trainingFindings")).isEqualTo("""
            - Role operator: 2 of 5 trainees trained and passed (40.0 %), below the target of 80 %.
            - operator: Operator E2 (E2) was absent from Goods receipt.
            - operator: Operator E3 (E3) scored 59 in Goods receipt, below its pass mark of 60.
            - operator: Operator E5 (E5) has no attendance record in Goods receipt.
            - Role manager: 0 of 1 trainees trained and passed (0.0 %), below the target of 80 %.
            - manager: Manager M1 (M1) scored 74 in Stock reports, below its pass mark of 75.""");
        assertThat(trainingStatus.lastCheckPassed(code)).isFalse();

        Task makeUp = task(pi);
        assertThat(makeUp.getName()).isEqualTo("Schedule make-up sessions for operator, manager");
        // a row for each curriculum with people to train, with the trainer of its last session
        assertThat(JsonRows.read(localVariable(pi, "sessions")))
                .extracting(r -> r.text("curriculum") + " " + r.text("trainer"))
                .containsExactly("Goods receipt " + TRAINER, "Stock reports " + TRAINER);
        assertThatThrownBy(() -> complete(makeUp, withVariables("sessions", JsonRows.of(List.of()))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Plan at least one make-up session");
        complete(
                makeUp,
                withVariables(
                        "sessions",
                        JsonRows.of(List.of(
                                plannedSession("Goods receipt", "practice", SEED_USER, "2026-06-02"),
                                plannedSession("Stock reports", "case", TRAINER, "2026-06-03")))));
        assertThat(count("select count(*) from curriculum_session where project_code = ? and make_up"))
                .isEqualTo(2);

        assertThat(pi).isWaitingAt(RECORD_ATTENDANCE);
        assertThat(task(pi).getName()).isEqualTo("Record attendance and assessments of the sessions until 2026-06-03");
        // only the people not yet trained, with the date of their curriculum's make-up session
        assertThat(JsonRows.read(localVariable(pi, "attendance")))
                .extracting(r -> r.text("employeeId") + " " + r.text("sessionDate") + " " + r.bool("attended"))
                .containsExactly(
                        "E2 2026-06-02 false", "E3 2026-06-02 false", "E5 2026-06-02 false", "M1 2026-06-03 false");
        complete(
                task(pi),
                withVariables(
                        "attendance",
                        JsonRows.of(
                                List.of(session("E2", true, 66), session("E3", true, 71), session("M1", true, 80)))));

        assertThat(pi).hasPassed(TRAINING_COMPLETE).isEnded();
        assertThat(decisionLog.forProject(code))
                .extracting(DecisionLog.Decision::outcome)
                .containsExactly("failed", "passed");
    }

    @Test
    void refusesAPlanWithARoleWithoutCurriculumOrABadSeedUserAndStoresNothing() {
        ProcessInstance pi = start();
        List<Map<String, Object>> rows = new ArrayList<>(roster());
        rows.add(trainee("E1", "Someone Else", "operator"));
        rows.add(trainee("E7", "No Role", null));
        Map<String, Object> seed = trainee("S1", "Seed", "operator");
        seed.put("seedUser", true);
        rows.add(seed);
        Map<String, Object> fakeSeed = trainee("S2", "Not a key user", "operator");
        fakeSeed.put("seedUser", true);
        fakeSeed.put("userId", TRAINER);
        rows.add(fakeSeed);
        Map<String, Object> typedLogin = trainee("E8", "Typed login", "operator");
        typedLogin.put("userId", "nobody404");
        rows.add(typedLogin);
        Task plan = task(pi);

        assertThatThrownBy(() -> complete(
                        plan, withVariables("trainees", JsonRows.of(rows), "curricula", JsonRows.of(curricula()))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 7: employee E1 appears more than once.")
                .hasMessageContaining("Row 8: the field \"Role\" is required.")
                .hasMessageContaining("Row 9: S1 is marked as seed user, so the field \"Login\" is required")
                .hasMessageContaining("Row 10: " + TRAINER + " is not a key user")
                .hasMessageContaining("Row 11: there is no user with the login nobody404");
        List<Map<String, Object>> clerks = new ArrayList<>(roster());
        clerks.add(trainee("C1", "Clerk", "clerk"));
        Map<String, Object> auditors = curriculum("Audit trail", "auditor", "90");
        assertThatThrownBy(() -> complete(
                        plan,
                        withVariables(
                                "trainees",
                                JsonRows.of(clerks),
                                "curricula",
                                JsonRows.of(
                                        List.of(curricula().get(0), curricula().get(1), auditors)))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("No curriculum for the role clerk (warehouse)")
                .hasMessageContaining(
                        "Curriculum \"Audit trail\" is for the role auditor, which nobody on the roster has.");

        assertThat(pi).isWaitingAt(PLAN_TRAINING);
        assertThat(count("select count(*) from trainee where project_code = ?")).isZero();
        assertThat(count("select count(*) from curriculum where project_code = ?"))
                .isZero();
    }

    @Test
    void refusesSessionsByStrangersWithBadLinksOrForUnknownCurriculaAndStoresNothing() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("trainees", JsonRows.of(roster()), "curricula", JsonRows.of(curricula())));
        Map<String, Object> badLink = plannedSession("Goods receipt", "theory", TRAINER);
        badLink.put("videoLink", "javascript:alert(1)");
        Task sessions = task(pi);

        assertThatThrownBy(() -> complete(
                        sessions,
                        withVariables(
                                "sessions",
                                JsonRows.of(List.of(
                                        badLink,
                                        plannedSession("Goods receipt", "practice", "nobody"),
                                        plannedSession("Payroll", "case", TRAINER))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: the video link \"javascript:alert(1)\" is not a web address")
                .hasMessageContaining("Row 2: nobody is neither a trainer nor a seed user of the roster.")
                .hasMessageContaining("Row 3: \"Payroll\" is not a curriculum of this project")
                .hasMessageContaining("The curriculum \"Stock reports\" has no session");

        assertThat(pi).isWaitingAt(PLAN_SESSIONS);
        assertThat(count("select count(*) from curriculum_session where project_code = ?"))
                .isZero();
    }

    @Test
    void refusesAScoreWithoutAttendanceUnknownCoursesAndPeopleOffTheRosterAndStoresNothing() {
        ProcessInstance pi = start();
        planned(pi);
        Map<String, Object> noDate = session("E3", true, 70);
        noDate.put("sessionDate", null);
        Map<String, Object> otherCourse = session("E5", true, 70);
        otherCourse.put("course", "Payroll");

        assertThatThrownBy(() -> complete(
                        task(pi),
                        withVariables(
                                "attendance",
                                JsonRows.of(List.of(
                                        session("E1", true, 90),
                                        session("E2", false, 80),
                                        session("X9", true, 70),
                                        noDate,
                                        session("E4", true, 101),
                                        otherCourse)))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 2: E2 did not attend, so there can be no score.")
                .hasMessageContaining("Row 3: employee X9 is not on the training roster")
                .hasMessageContaining("Row 4: the field \"Session date\" is required.")
                .hasMessageContaining("Row 5: the score must be a whole number from 0 to 100, not \"101\".")
                .hasMessageContaining("Row 6: course \"Payroll\" is not a curriculum of this project");

        assertThat(pi).isWaitingAt(RECORD_ATTENDANCE);
        assertThat(count("select count(*) from training_attendance where project_code = ?"))
                .isZero();
        assertThat(runtime.getVariable(pi.getId(), "attendance")).isNull();
    }

    private void planned(ProcessInstance pi) {
        complete(task(pi), withVariables("trainees", JsonRows.of(roster()), "curricula", JsonRows.of(curricula())));
        complete(
                task(pi),
                withVariables(
                        "sessions",
                        JsonRows.of(List.of(
                                plannedSession("Goods receipt", "practice", TRAINER),
                                plannedSession("Stock reports", "case", TRAINER)))));
    }

    private static List<Map<String, Object>> curricula() {
        return List.of(curriculum("Goods receipt", "operator", null), curriculum("Stock reports", "manager", "75"));
    }

    private static Map<String, Object> curriculum(String name, String role, String passMark) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("role", role);
        row.put("passMark", passMark);
        return row;
    }

    private static Map<String, Object> plannedSession(String curriculum, String kind, String trainer) {
        return plannedSession(curriculum, kind, trainer, "2026-05-20");
    }

    private static Map<String, Object> plannedSession(String curriculum, String kind, String trainer, String date) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("curriculum", curriculum);
        row.put("kind", kind);
        row.put("topic", curriculum + " " + kind);
        row.put("trainer", trainer);
        row.put("date", date);
        row.put("manual", "Manual v2, chapter 3");
        row.put("videoLink", "https://videos.example.com/" + kind);
        return row;
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    private Object localVariable(ProcessInstance pi, String name) {
        return taskService.getVariableLocal(task(pi).getId(), name);
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }

    private static List<Map<String, Object>> roster() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(trainee("E" + i, "Operator E" + i, "operator"));
        }
        rows.get(0).put("userId", SEED_USER);
        rows.get(0).put("seedUser", true);
        rows.add(trainee("M1", "Manager M1", "manager"));
        return rows;
    }

    private static Map<String, Object> trainee(String id, String name, String role) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", id);
        row.put("name", name);
        row.put("department", "warehouse");
        row.put("role", role);
        row.put("seedUser", false);
        return row;
    }

    private static Map<String, Object> session(String id, boolean attended, Integer score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", id);
        row.put("course", id.startsWith("M") ? "Stock reports" : "Goods receipt");
        row.put("sessionDate", "2026-05-20");
        row.put("attended", attended);
        row.put("score", score);
        return row;
    }
}
