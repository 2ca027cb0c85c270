package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import io.rollout.training.TrainingCurricula;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Operations done in the real Tasklist: the KPI baseline captured at planning and returned with what the PMO typed
 * when the plan is sent back; hypercare that goes on while a critical incident is open, the incident resolved,
 * the hand-over to internal IT with people picked by name (the form says who may administer and why not), and the
 * post-implementation review with what the system measured and a decimal satisfaction; an incident past its SLA
 * escalated; feedback given from the start form and promoted to a change request. The engine brings each journey to
 * its first task and runs the timers; every user step is a browser step of {@link OperationsSteps}.
 */
@WebTest
class OperationsJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String PMO = "opspmo";
    static final String KEY_USER = "opskeyuser";
    static final String IT = "opsxuhao";
    static final String TRAINED = "opslinfeng";
    static final String TRAINED_TOO = "opsmajie";
    static final String FAILED = "opszhoutao";
    static final String OWNER = "opsliuyang";
    static final String IT_COURSE = "ERP administration";
    static final int MAX_FORM_HEIGHT = 3000;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    ProjectRepository projects;

    @Autowired
    TrainingCurricula curricula;

    @Autowired
    DecisionLog decisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    String code;

    @BeforeEach
    void aLiveProjectWithItsPeople() {
        person(PMO, "Wei", "Zhang", Roles.PMO);
        person(KEY_USER, "Li", "Sun", Roles.KEY_USER);
        person(IT, "Hao", "Xu", Roles.IT_OPERATIONS);
        person(TRAINED, "Feng", "Lin", Roles.IT_OPERATIONS);
        person(TRAINED_TOO, "Jie", "Ma", Roles.IT_OPERATIONS);
        person(FAILED, "Tao", "Zhou", Roles.IT_OPERATIONS);
        person(OWNER, "Yang", "Liu", Roles.BUSINESS_OWNER, Roles.departmentGroup("procurement"));
        code = TestProjects.newCode();
        TestProjects.create(
                projects, code, List.of("procurement", "warehouse"), List.of("procurement", "inventory"), List.of());
    }

    @Test
    void theKpiBaselineComesBackWithWhatThePmoTypedWhenThePlanIsSentBack() {
        ProcessInstance planning = runtime.createProcessInstanceByKey("planningPhase")
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity("UserTask_CaptureKpiBaseline")
                .execute();
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        OperationsSteps.captureKpiBaseline(
                tasklist, code, task(planning, "UserTask_CaptureKpiBaseline").getId(), OperationsSteps.ERP_BASELINE);
        assertThat(baselineRow()).containsEntry("SATISFACTION", new BigDecimal("2.80"));

        // the steering committee sends the plan back: the baseline task comes again
        runtime.createProcessInstanceModification(planning.getId())
                .startBeforeActivity("UserTask_CaptureKpiBaseline")
                .execute();
        Task again = task(planning, "UserTask_CaptureKpiBaseline");
        tasklist.reload().open("Capture KPI baseline of " + code, again.getId());
        assertThat(List.of(
                                "Field_ManualHours",
                                "Field_BaselineErrorRate",
                                "Field_BaselineSatisfaction",
                                "Field_BaselineResolution",
                                "Field_TargetActive",
                                "Field_HourlyRate",
                                "Field_ProjectCost")
                        .stream()
                        .map(field -> tasklist.value(field, null))
                        .toList())
                .containsExactly("420", "6.5", "2.8", "16", "85", "150", "500000");
        // the date field shows the browser's format (en-US)
        assertThat(tasklist.value("Field_PlannedGoLive-date", null)).isEqualTo("9/30/2026");
        // confirmed as it came back, nothing changes
        tasklist.claim().complete();
        assertThat(baselineRow())
                .containsEntry("SATISFACTION", new BigDecimal("2.80"))
                .containsEntry("ERROR_RATE_PCT", new BigDecimal("6.50"));
    }

    @Test
    void hypercareHandOverWithPickedPeopleAndAReviewWithMeasuresAndADecimalSatisfaction() {
        itAdministratorsOnTheRoster();
        testResults(12, 1);
        // the baseline, typed at planning
        ProcessInstance planning = runtime.createProcessInstanceByKey("planningPhase")
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity("UserTask_CaptureKpiBaseline")
                .execute();
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        OperationsSteps.captureKpiBaseline(
                tasklist, code, task(planning, "UserTask_CaptureKpiBaseline").getId(), OperationsSteps.ERP_BASELINE);
        runtime.deleteProcessInstance(planning.getId(), "the journey continues in operations");
        decisions.record(new Decision(code, "cutover", "big-bang", "succeeded", List.of("Live"), null, IT, null));
        int incident = reportIncident(
                "Goods receipts post to the wrong warehouse",
                "critical",
                "inventory",
                "Since the cutover every receipt for WH-02 lands in WH-01.");

        ProcessInstance operations =
                runtime.startProcessInstanceByKey("operationsPhase", code, Map.of("projectCode", code));
        runTimer(operations);
        Task continues = task(operations, "UserTask_ContinueHypercare");
        tasklist.reload().filter(OperationsSteps.PMO_FILTER).open("Hypercare continues for " + code, continues.getId());
        assertThat(tasklist.formText()).contains("Critical incident #" + incident + " is open");
        assertThat(tasklist.tableRows("Table_HypercareIncidents"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .startsWith(
                                "#" + incident + " Goods receipts post to the wrong warehouse (Inventory)",
                                "Critical"));
        OperationsSteps.continueHypercare(tasklist, code, continues.getId(), "Vendor fixes the warehouse mapping");

        Task resolve = incidentTask("UserTask_ResolveIncident");
        assertThat(resolve.getName())
                .isEqualTo("Resolve incident #" + incident + " (critical): Goods receipts post to the wrong warehouse");
        tasklist = new Tasklist(chromium.driver(), port).login(IT, PASSWORD);
        tasklist.filter(OperationsSteps.IT_FILTER).open(resolve.getName(), resolve.getId());
        assertThat(tasklist.formText()).contains("Li Sun", "Since the cutover every receipt for WH-02 lands in WH-01.");
        OperationsSteps.resolveIncident(
                tasklist, resolve.getName(), resolve.getId(), "Storage location mapping corrected");
        runTimer(operations);

        Task handOver = task(operations, "UserTask_HandOver");
        tasklist.reload()
                .filter(OperationsSteps.IT_FILTER)
                .open("Hand over " + code + " to internal IT", handOver.getId());
        List<List<String>> standing = tasklist.tableRows("Table_AdministratorStanding");
        assertThat(standing)
                .contains(
                        List.of(
                                "Feng Lin (" + TRAINED + ")",
                                "yes",
                                "trained and passed " + IT_COURSE + ": 88, pass mark 60"),
                        List.of("Hao Xu (" + IT + ")", "no", "not on the training roster"),
                        List.of(
                                "Tao Zhou (" + FAILED + ")",
                                "no",
                                "failed the assessment of " + IT_COURSE + ": 52, pass mark 60"));
        long handOverHeight = tasklist.formHeight();
        OperationsSteps.handOver(
                tasklist,
                code,
                handOver.getId(),
                List.of(
                        new OperationsSteps.ModuleHandover(
                                "Procurement",
                                "Yang",
                                "Yang Liu (" + OWNER + ")",
                                List.of("Feng Lin (" + TRAINED + ")"),
                                "https://wiki.example.com/erp/procurement"),
                        new OperationsSteps.ModuleHandover(
                                "Inventory",
                                "Feng",
                                "Feng Lin (" + TRAINED + ")",
                                List.of("Feng Lin (" + TRAINED + ")", "Jie Ma (" + TRAINED_TOO + ")"),
                                "https://wiki.example.com/erp/inventory")),
                "https://wiki.example.com/erp");
        assertThat(jdbc.sql("""
                select h.module || ' ' || h.internal_owner || ' ' || a.user_id from module_handover h
                join module_administrator a on a.project_code = h.project_code and a.module = h.module
                where h.project_code = ? order by 1""").param(code).query(String.class).list())
                .containsExactly(
                        "inventory " + TRAINED + " " + TRAINED,
                        "inventory " + TRAINED + " " + TRAINED_TOO,
                        "procurement " + OWNER + " " + TRAINED);
        runTimer(operations);

        Task review = task(operations, "UserTask_ReviewPostImplementation");
        tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        tasklist.filter(OperationsSteps.PMO_FILTER).open("Post-implementation review of " + code, review.getId());
        List<List<String>> measures = tasklist.tableRows("Table_ReviewMeasures");
        assertThat(measures.get(0))
                .containsExactly(
                        "Error rate", "6.5 %", "8.3 % (1 of 12 test cases failed or blocked in UAT)", "+1.8 points ✗");
        assertThat(measures.get(1).get(0)).isEqualTo("Issue resolution time");
        assertThat(measures.get(1).get(2)).endsWith("(average of 1 resolved incident)");
        long late = ChronoUnit.DAYS.between(OperationsSteps.ERP_BASELINE.plannedGoLive(), LocalDate.now());
        assertThat(measures.get(2))
                .containsExactly(
                        "Go-live",
                        "planned 2026-09-30",
                        "live " + LocalDate.now(),
                        late > 1
                                ? late + " days late ✗"
                                : late == 1
                                        ? "1 day late ✗"
                                        : late == 0
                                                ? "on time ✓"
                                                : late == -1 ? "1 day early ✓" : -late + " days early ✓");
        assertThat(measures.get(3)).containsExactly("Satisfaction", "2.8/5", "entered below", "-");
        assertThat(tasklist.tableRows("Table_IncidentFigures").get(0)).startsWith("Critical", "1", "1", "0");
        long reviewHeight = tasklist.formHeight();
        OperationsSteps.reviewPostImplementation(
                tasklist,
                code,
                review.getId(),
                "320",
                "4.2",
                "87",
                "Purchase approvals within a day; stock visible in real time");

        Map<String, Object> stored = jdbc.sql("select satisfaction, error_rate_after_pct, executed_cases from "
                        + "post_implementation_review where project_code = ?")
                .param(code)
                .query()
                .singleRow();
        assertThat((BigDecimal) stored.get("SATISFACTION")).isEqualByComparingTo("4.2");
        assertThat((BigDecimal) stored.get("ERROR_RATE_AFTER_PCT")).isEqualByComparingTo("8.3");
        assertThat(decisions
                        .latest(code, "postImplementationReview")
                        .orElseThrow()
                        .findings())
                .contains("Satisfaction: 2.8/5 before, 4.2/5 after (+1.4)");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(operations.getId())
                        .count())
                .isZero();
        // a few screens at most, as the user scrolls through them
        assertThat(handOverHeight).isLessThan(MAX_FORM_HEIGHT);
        assertThat(reviewHeight).isLessThan(MAX_FORM_HEIGHT);
    }

    @Test
    void anIncidentPastItsSlaIsEscalatedByThePmoAndResolvedByItInTasklist() {
        int incident =
                reportIncident("Invoices post twice", "high", "procurement", "Every invoice of supplier S-17 twice.");
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processDefinitionKey("hypercareIncident")
                .processInstanceBusinessKey(code)
                .singleResult();
        runTimer(process);

        Task escalate = task(process, "UserTask_EscalateIncident");
        assertThat(escalate.getName())
                .isEqualTo("SLA breached: incident #" + incident + " (high): Invoices post twice");
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        tasklist.filter(OperationsSteps.PMO_FILTER).open(escalate.getName(), escalate.getId());
        assertThat(tasklist.formText()).contains("Invoices post twice", "breached");
        OperationsSteps.escalateIncident(
                tasklist,
                escalate.getName(),
                escalate.getId(),
                "Vendor escalated; finance informed to hold payments to S-17");

        Task resolve = task(process, "UserTask_ResolveIncident");
        tasklist = new Tasklist(chromium.driver(), port).login(IT, PASSWORD);
        OperationsSteps.resolveIncident(tasklist, resolve.getName(), resolve.getId(), "Duplicate posting job disabled");

        assertThat(jdbc.sql("select status || ' ' || resolved_by from incident where project_code = ? and id = ?")
                        .params(code, incident)
                        .query(String.class)
                        .single())
                .isEqualTo("resolved " + IT);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(process.getId())
                        .count())
                .isZero();
    }

    @Test
    void feedbackGivenFromTheStartFormIsPromotedToAChangeRequestByThePmo() {
        String running = "FBJ-" + System.nanoTime() % 100_000;
        Map<String, Object> form = new HashMap<>();
        form.put("projectCode", running);
        form.put("projectName", "ERP phase 1");
        form.put("customer", "East China Precision Manufacturing");
        form.put("departments", JsonRows.ofStrings(List.of("warehouse")));
        form.put("modules", JsonRows.ofStrings(List.of("inventory")));
        form.put("datasets", JsonRows.ofStrings(List.of()));
        person("opswarehouseowner", "Jing", "Chen", Roles.BUSINESS_OWNER, Roles.departmentGroup("warehouse"));
        runtime.startProcessInstanceByKey("implementationProject", form);
        jdbc.sql(
                        "insert into requirement (project_code, req_id, department, title, priority, updated_at) "
                                + "values (?, 'REQ-INV-002', 'warehouse', 'Real-time stock by location', 'must', current_timestamp)")
                .param(running)
                .update();

        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(KEY_USER, PASSWORD);
        OperationsSteps.giveFeedback(
                tasklist, running, "Improvement", "Inventory", "Show the stock of every location on the goods receipt");

        Task triage = tasks
                .createTaskQuery()
                .processDefinitionKey("giveFeedback")
                .taskDefinitionKey("UserTask_TriageFeedback")
                .list()
                .stream()
                .filter(t -> running.equals(tasks.getVariable(t.getId(), "projectCode")))
                .findFirst()
                .orElseThrow();
        assertThat(triage.getName())
                .matches("Triage feedback #\\d+ \\(Improvement\\): Show the stock of every location "
                        + "on the goods receipt");
        tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        tasklist.filter(OperationsSteps.PMO_FILTER).open(triage.getName(), triage.getId());
        assertThat(tasklist.formText()).contains("Improvement", "Inventory", "Li Sun");
        OperationsSteps.promoteFeedback(
                tasklist,
                triage.getName(),
                triage.getId(),
                "High",
                "Buyers check three screens today",
                List.of("REQ-INV-002 Real-time stock by location"));

        Map<String, Object> item = jdbc.sql(
                        "select status, priority, change_request_id from feedback where project_code = ?")
                .param(running)
                .query()
                .singleRow();
        assertThat(item).containsEntry("STATUS", "promoted").containsEntry("PRIORITY", "high");
        assertThat(jdbc.sql("select req_id from change_request_requirement where change_request_id = ?")
                        .param(item.get("CHANGE_REQUEST_ID"))
                        .query(String.class)
                        .list())
                .containsExactly("REQ-INV-002");
    }

    /** IT administrators on the roster: Feng Lin and Jie Ma passed, Tao Zhou failed; Hao Xu is not on it. */
    private void itAdministratorsOnTheRoster() {
        curricula.plan(code, List.of(new TrainingCurricula.Planned(IT_COURSE, "administrator", null, 60, null)));
        trainee("IT1", "Feng Lin", TRAINED, 88);
        trainee("IT2", "Jie Ma", TRAINED_TOO, 79);
        trainee("IT3", "Tao Zhou", FAILED, 52);
    }

    private void trainee(String employeeId, String name, String login, int score) {
        jdbc.sql("insert into trainee (project_code, employee_id, name, department, role, user_id, seed_user) "
                        + "values (?, ?, ?, 'IT', 'administrator', ?, false)")
                .params(code, employeeId, name, login)
                .update();
        jdbc.sql("insert into training_attendance (project_code, employee_id, course, session_date, attended, score, "
                        + "recorded_at) values (?, ?, ?, date '2026-05-20', true, ?, current_timestamp)")
                .params(code, employeeId, IT_COURSE, score)
                .update();
    }

    /** Test cases whose latest UAT result passed, the last {@code failed} of them failed. */
    private void testResults(int cases, int failed) {
        for (int i = 1; i <= cases; i++) {
            String caseId = "TC-%03d".formatted(i);
            jdbc.sql("insert into test_case (project_code, case_id, title, priority, updated_at) "
                            + "values (?, ?, ?, 'high', current_timestamp)")
                    .params(code, caseId, "Case " + caseId)
                    .update();
            jdbc.sql("insert into test_result (project_code, case_id, round, result, recorded_at) "
                            + "values (?, ?, 1, ?, current_timestamp)")
                    .params(code, caseId, i > cases - failed ? "fail" : "pass")
                    .update();
        }
    }

    private int reportIncident(String title, String severity, String module, String description) {
        ResponseEntity<Map> reported = rest.withBasicAuth(KEY_USER, PASSWORD)
                .postForEntity(
                        "/api/projects/" + code + "/incidents",
                        Map.of("title", title, "severity", severity, "module", module, "description", description),
                        Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) reported.getBody().get("id")).intValue();
    }

    private Map<String, Object> baselineRow() {
        return jdbc.sql("select satisfaction, error_rate_pct from kpi_baseline where project_code = ?")
                .param(code)
                .query()
                .singleRow();
    }

    private Task task(ProcessInstance instance, String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private Task incidentTask(String activity) {
        return tasks.createTaskQuery()
                .processDefinitionKey("hypercareIncident")
                .processInstanceBusinessKey(code)
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private void runTimer(ProcessInstance instance) {
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .singleResult()
                .getId());
    }

    /** A person with a real name, as the pickers show them. */
    private void person(String id, String firstName, String lastName, String... groups) {
        TestUsers.ensure(identity, id, PASSWORD, groups);
        User user = identity.createUserQuery().userId(id).singleResult();
        if (!firstName.equals(user.getFirstName())) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            identity.saveUser(user);
        }
    }
}
