package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The training phase of the ERP case done by the trainer in the real Tasklist, from the roster to a passed
 * completion check: the 23 people of the customer's attendance sheet in the three departments in scope (with a seed
 * user picked by name) and four curricula, the sessions (prefilled rows and added ones with dates, choices and text,
 * trainers picked by name), attendance and scores in rows that carry the planned session dates, a check that fails
 * on the customer's absentees, make-up sessions for the curricula still short, and a second round that passes.
 * Every form stays within a few screens at this size.
 */
@WebTest
class TrainingPhaseJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String TRAINER = "trainingjourneytrainer";
    static final String SEED_USER = "trainingjourneyseed";
    static final String TRAINER_NAME = "Ting Wu (" + TRAINER + ")";
    static final String SEED_USER_LOGIN = "Li Sun (" + SEED_USER + ")";
    static final String SEED_USER_NAME = SEED_USER_LOGIN + ", seed user";
    static final List<String> CUSTOMER_DEPARTMENTS = List.of("采购部", "仓储部", "财务部");
    static final String PURCHASING = "采购业务实操";
    static final String WAREHOUSE = "仓储业务实操";
    static final String FINANCE = "财务业务实操";
    static final String REPORTS = "报表分析";
    static final long FEW_SCREENS = 3000;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    DecisionLog decisions;

    @Autowired
    JdbcClient jdbc;

    String code;
    ProcessInstance training;
    /** The customer's sheet: employee, name, department, role, course, date, attended (是/否), score. */
    List<String[]> sheet;

    @BeforeEach
    void theErpCaseWithATrainingTargetOfNinetyPercent() throws IOException {
        user(TRAINER, "Ting", "Wu", Roles.TRAINER);
        user(SEED_USER, "Li", "Sun", Roles.KEY_USER, Roles.departmentGroup("warehouse"));
        code = TestProjects.newCode();
        projects.create(new Project(
                code,
                "ERP phase 1 " + code,
                "East China Precision Manufacturing",
                "ERP",
                95,
                90,
                60,
                2,
                Project.ACTIVE,
                List.of("procurement", "warehouse", "finance"),
                List.of("procurement", "inventory"),
                List.of(),
                null,
                "test",
                Instant.now()));
        sheet = Files.readAllLines(Path.of("src/test/resources/erp-case/training-attendance.csv")).stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .filter(r -> CUSTOMER_DEPARTMENTS.contains(r[2]))
                .toList();
        training = runtime.startProcessInstanceByKey("trainingPhase", code, Map.of("projectCode", code));
    }

    @Test
    void fromTheRosterToAPassedCompletionCheckInTasklist() {
        // the roster: the customer's 22 people in scope and the warehouse's seed user, who gives sessions
        List<TrainingSteps.Trainee> roster = new ArrayList<>(sheet.stream()
                .map(r -> new TrainingSteps.Trainee(r[0], r[1], r[2], r[3], null, false))
                .toList());
        roster.add(new TrainingSteps.Trainee("E0041", "孙丽", "仓储部", "操作员", SEED_USER_LOGIN, true));
        assertThat(roster).hasSize(23);
        Task plan = task("UserTask_PlanTraining");
        assertThat(plan.getName()).isEqualTo("Plan the training roster and curricula");
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(TRAINER, PASSWORD);
        TrainingSteps.enterRosterAndCurricula(
                tasklist,
                plan,
                roster,
                List.of(
                        new TrainingSteps.Curriculum(PURCHASING, "操作员", "采购部", 60, "采购申请、订单、收货的上机实操"),
                        new TrainingSteps.Curriculum(WAREHOUSE, "操作员", "仓储部", 60, "入库、出库、盘点的上机实操"),
                        new TrainingSteps.Curriculum(FINANCE, "操作员", "财务部", 60, "凭证、对账、结账的上机实操"),
                        new TrainingSteps.Curriculum(REPORTS, "管理层", null, null, "经营报表与分析")));
        assertThat(tasklist.formText()).contains("Login is only for people with an account on this platform");
        assertThat(tasklist.formHeight())
                .as("Plan the training roster (23 people) and curricula")
                .isLessThan(FEW_SCREENS);
        tasklist.complete();
        assertThat(jdbc.sql("select count(*) from trainee where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(23);
        assertThat(jdbc.sql("select user_id from trainee where project_code = ? and seed_user")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(SEED_USER);

        // the sessions: a prefilled row per curriculum, two added ones; trainers picked by name, the seed user too
        Task sessions = task("UserTask_PlanSessions");
        assertThat(sessions.getName()).isEqualTo("Plan training sessions and materials");
        TrainingSteps.enterSessions(
                tasklist,
                sessions,
                List.of(
                        session(PURCHASING, "Practice", "采购申请、订单、收货上机", TRAINER_NAME, 5, 18),
                        session(WAREHOUSE, "Practice", "入库、出库、盘点上机", SEED_USER_NAME, 5, 19),
                        session(FINANCE, "Practice", "凭证、对账、结账上机", TRAINER_NAME, 5, 20),
                        session(REPORTS, "Case", "经营报表案例", TRAINER_NAME, 5, 21),
                        session(PURCHASING, "Theory", "采购流程概览", TRAINER_NAME, 5, 11),
                        session(WAREHOUSE, "Theory", "仓储流程概览", TRAINER_NAME, 5, 12)));
        assertThat(tasklist.rows("Field_SessionTopic")).isEqualTo(6);
        assertThat(tasklist.tableRows("Table_Curricula"))
                .extracting(r -> r.get(1))
                .containsExactly(PURCHASING, WAREHOUSE, FINANCE, REPORTS);
        assertThat(tasklist.canComplete())
                .as("Complete is enabled once the added rows are filled")
                .isTrue();
        assertThat(tasklist.formHeight()).as("Plan training sessions").isLessThan(FEW_SCREENS);
        assertThat(tasklist.formText())
                .contains("Plan training sessions and materials")
                .doesNotContain("Schedule make-up sessions", "Findings of the completion check");
        tasklist.complete();
        assertThat(jdbc.sql("""
                select s.kind || ' ' || s.trainer || ' ' || s.session_date from curriculum_session s
                join curriculum c on c.project_code = s.project_code and c.curriculum_id = s.curriculum_id
                where s.project_code = ? and c.name = ? order by s.session_date""").params(code, WAREHOUSE).query(String.class).list())
                .containsExactly("theory " + TRAINER + " 2026-05-12", "practice " + SEED_USER + " 2026-05-19");

        // attendance: every row carries the date of its curriculum's last session; the trainer ticks and scores
        Task attendance = task("UserTask_RecordAttendance");
        assertThat(attendance.getName())
                .isEqualTo("Record attendance and assessments of the sessions until 2026-05-21");
        TrainingSteps.enterAttendance(
                tasklist,
                attendance,
                sheet.stream().map(TrainingPhaseJourneyTests::fromSheet).toList());
        assertThat(tasklist.rows("Field_AttendanceEmployeeId")).isEqualTo(23);
        assertThat(tasklist.shownDate("Field_SessionDate", tasklist.row("Field_AttendanceEmployeeId", "E0001")))
                .isEqualTo("5/18/2026");
        assertThat(tasklist.shownDate("Field_SessionDate", tasklist.row("Field_AttendanceEmployeeId", "E0032")))
                .isEqualTo("5/21/2026");
        int seed = tasklist.row("Field_AttendanceEmployeeId", "E0041");
        assertThat(tasklist.shownDate("Field_SessionDate", seed)).isEqualTo("5/19/2026");
        tasklist.tick("Field_Attended", seed, true).type("Field_Score", seed, "95");
        assertThat(tasklist.formHeight()).as("Record attendance of 23 people").isLessThan(FEW_SCREENS);
        tasklist.complete();
        assertThat(jdbc.sql("select count(*) from training_attendance where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(23);

        // 18 of 22 operators trained: below the target of 90 %; make-up sessions for the curricula still short
        Task makeUp = task("UserTask_ScheduleMakeUpSessions");
        assertThat(makeUp.getName()).isEqualTo("Schedule make-up sessions for 操作员");
        tasklist.filter(TrainingSteps.TRAINERS).open(makeUp.getName(), makeUp.getId());
        assertThat(tasklist.formText())
                .as("the make-up texts of the form it shares with planning")
                .contains("Schedule make-up sessions", "Findings of the completion check")
                .doesNotContain("Plan training sessions and materials");
        assertThat(tasklist.formText())
                .contains(
                        "Role 操作员: 18 of 22 trainees trained and passed (81.8 %), below " + "the target of 90 %.",
                        "(E0029) scored 58 in 仓储业务实操, below its pass mark of 60.");
        assertThat(tasklist.rows("Field_SessionTopic")).isEqualTo(2);
        assertThat(tasklist.value("Field_SessionTrainer", 0)).isEqualTo(SEED_USER_NAME);
        TrainingSteps.scheduleMakeUpSessions(
                tasklist,
                makeUp,
                List.of(
                        session(WAREHOUSE, "Practice", "补训：入库、出库、盘点", SEED_USER_NAME, 6, 2),
                        session(FINANCE, "Practice", "补训：凭证、对账、结账", TRAINER_NAME, 6, 3)));

        // the second round lists only the four people still to train, with the dates of their make-up sessions
        Task attendance2 = task("UserTask_RecordAttendance");
        assertThat(attendance2.getName())
                .isEqualTo("Record attendance and assessments of the sessions until 2026-06-03");
        TrainingSteps.enterAttendance(
                tasklist,
                attendance2,
                List.of(
                        new TrainingSteps.Attendance("E0018", true, 74),
                        new TrainingSteps.Attendance("E0029", true, 72),
                        new TrainingSteps.Attendance("E0031", true, 81),
                        new TrainingSteps.Attendance("E0038", true, 68)));
        assertThat(tasklist.rows("Field_AttendanceEmployeeId")).isEqualTo(4);
        assertThat(tasklist.shownDate("Field_SessionDate", tasklist.row("Field_AttendanceEmployeeId", "E0018")))
                .isEqualTo("6/3/2026");
        tasklist.complete();

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(training.getId())
                        .count())
                .isZero();
        assertThat(decisions.forProject(code))
                .extracting(DecisionLog.Decision::outcome)
                .containsExactly("failed", "passed");
    }

    private static TrainingSteps.Session session(
            String curriculum, String kind, String topic, String trainer, int month, int day) {
        return new TrainingSteps.Session(
                curriculum,
                kind,
                topic,
                trainer,
                LocalDate.of(2026, month, day),
                curriculum + "操作手册 v1.2",
                "https://training.example.com/erp/" + kind.toLowerCase());
    }

    /** A row of the customer's sheet as the trainer records it: 是 attended with a score, 否 absent. */
    private static TrainingSteps.Attendance fromSheet(String[] row) {
        boolean attended = "是".equals(row[6]);
        return new TrainingSteps.Attendance(row[0], attended, attended ? Integer.valueOf(row[7]) : null);
    }

    private Task task(String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(training.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    /** A person with a name, as the pickers show people; created once, the tests share one database. */
    private void user(String id, String firstName, String lastName, String... groups) {
        TestUsers.person(identity, id, firstName, lastName, PASSWORD, groups);
    }
}
