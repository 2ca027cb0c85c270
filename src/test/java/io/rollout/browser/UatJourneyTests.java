package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.requirements.RequirementImport;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import io.rollout.uat.TestCaseImport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * User acceptance testing of the ERP case done in the real Tasklist, from test cases to a passed gate: the key user
 * completes the customer's test cases, the PMO plans round 1 picking the tester by name, the key user records a
 * failure with its defect, the PMO reads the failed gate's findings and picks the developer, the developer fixes
 * it, round 2 retests the case and the gate passes. Every task type of the phase is done in the browser, at the
 * size of the demo project (12 requirements, 12 test cases), and each form stays within a few screens.
 */
@WebTest
class UatJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String KEY_USER = "uatjourneykey";
    static final String PMO = "uatjourneypmo";
    static final String DEVELOPER = "uatjourneydev";
    static final String KEY_USER_NAME = "Li Sun (" + KEY_USER + ")";
    static final String DEVELOPER_NAME = "Hua Li (" + DEVELOPER + ")";
    static final List<String> DEPARTMENTS = List.of("procurement", "warehouse", "finance");
    /** The case the customer's file lacks in this journey: the key user adds it in the form. */
    static final String ADDED_CASE = "TC-008";

    static final String FAILING_CASE = "TC-006";
    /** At the demo size a form stays within about three screens of 1000 px. */
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
    RequirementImport requirements;

    @Autowired
    TestCaseImport testCases;

    @Autowired
    DecisionLog decisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    String code;
    ProcessInstance uat;

    @BeforeEach
    void theErpCaseWithElevenOfItsTwelveTestCases() throws IOException {
        user(KEY_USER, "Li", "Sun", Roles.KEY_USER, Roles.departmentGroup("warehouse"));
        user(PMO, "Wei", "Zhang", Roles.PMO);
        user(DEVELOPER, "Hua", "Li", Roles.DEVELOPER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, DEPARTMENTS, List.of("procurement", "inventory"), List.of());
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/erp-case/requirements.csv"))) {
            assertThat(requirements.importCsv(code, in, PMO).imported()).isEqualTo(12);
        }
        // as the demo project does: the customer's cases of the departments in scope, here without TC-008
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/erp-case/uat-test-cases.csv"));
        String csv = lines.get(0) + "\n"
                + lines.stream()
                        .skip(1)
                        .filter(l -> l.matches(".*REQ-(PUR|INV|FIN)-.*") && !l.startsWith(ADDED_CASE))
                        .collect(Collectors.joining("\n"));
        assertThat(testCases.importCsv(code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), PMO))
                .isEqualTo(11);
        uat = runtime.startProcessInstanceByKey("userAcceptanceTest", code, Map.of("projectCode", code));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fromTestCasesToAPassedGateInTasklist() {
        // the key user adds the missing case; the table shows which requirement it still lacks
        Task prepare = task("UserTask_PrepareTestCases");
        assertThat(prepare.getName()).isEqualTo("Prepare UAT test cases for round 1");
        Tasklist tasklist = new Tasklist(chromium.driver(), port)
                .login(KEY_USER, PASSWORD)
                .filter(UatSteps.KEY_USERS)
                .open(prepare.getName(), prepare.getId());
        assertThat(tasklist.tableRows("Table_Requirements"))
                .filteredOn(r -> r.get(0).equals("REQ-INV-004"))
                .singleElement()
                .satisfies(r -> assertThat(r).endsWith("must", "Warehouse", "-"));
        assertThat(tasklist.rows("Field_CaseId")).isEqualTo(11);
        UatSteps.prepareTestCases(
                tasklist,
                prepare,
                List.of(new UatSteps.TestCase(
                        ADDED_CASE,
                        "验证：批次追溯",
                        "REQ-INV-004",
                        "inventory",
                        "High",
                        "按批次追溯业务流程操作",
                        "任一成品批次可在5分钟内追溯到原料批次")));
        assertThat(jdbc.sql("select count(*) from test_case where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(12);
        assertThat(jdbc.sql("select req_id from test_case_requirement where project_code = ? and case_id = ?")
                        .params(code, ADDED_CASE)
                        .query(String.class)
                        .list())
                .containsExactly("REQ-INV-004");

        // the PMO plans round 1: testers are picked by name among the key users
        Task plan = task("UserTask_PlanUatRound");
        assertThat(plan.getName()).isEqualTo("Plan UAT round 1: test cases and testers");
        tasklist.login(PMO, PASSWORD)
                .filter(UatSteps.PMO)
                .open(plan.getName(), plan.getId())
                .claim();
        assertThat(tasklist.formText()).contains("Testers are key users");
        assertThat(tasklist.options("Field_Tester", 0)).contains(KEY_USER_NAME).doesNotContain(DEVELOPER_NAME);
        assertThat(tasklist.formHeight()).as("Plan UAT round with 12 cases").isLessThan(FEW_SCREENS);
        Map<String, String> everyCase = new LinkedHashMap<>();
        for (int row = 0; row < 12; row++) {
            everyCase.put(tasklist.value("Field_PlanCaseId", row), KEY_USER_NAME);
        }
        UatSteps.planRound(tasklist, plan, everyCase);
        assertThat(jdbc.sql("select distinct tester from uat_round_case where project_code = ? and round = 1")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(KEY_USER);

        // the key user runs the 12 cases: one fails and raises a defect
        Task round1 = task("UserTask_ExecuteUatRound");
        assertThat(round1.getName()).isEqualTo("Execute UAT round 1 (Li Sun)");
        assertThat(round1.getAssignee()).isEqualTo(KEY_USER);
        tasklist.login(KEY_USER, PASSWORD).filter(UatSteps.MY_TASKS).open(round1.getName(), round1.getId());
        assertThat(tasklist.tableRows("Table_Cases"))
                .hasSize(12)
                .filteredOn(r -> r.get(0).equals(FAILING_CASE))
                .singleElement()
                .satisfies(r -> assertThat(r).contains("REQ-INV-002", "按扫码出入库业务流程操作", "Not run yet"));
        assertThat(tasklist.formHeight()).as("Execute UAT round with 12 cases").isLessThan(FEW_SCREENS);
        List<UatSteps.Result> results = new ArrayList<>();
        everyCase
                .keySet()
                .forEach(caseId -> results.add(
                        caseId.equals(FAILING_CASE)
                                ? new UatSteps.Result(
                                        caseId,
                                        "Fail",
                                        "High",
                                        "inventory",
                                        "Scanned goods receipt does not update the stock",
                                        null)
                                : UatSteps.Result.pass(caseId)));
        UatSteps.executeRound(tasklist, round1, results);
        List<Map<String, Object>> traceability = rest.withBasicAuth(KEY_USER, PASSWORD)
                .getForObject("/api/projects/" + code + "/uat/traceability", List.class);
        assertThat(traceability)
                .filteredOn(t -> t.get("requirementId").equals("REQ-INV-002"))
                .singleElement()
                .satisfies(t -> assertThat(((List<Map<String, Object>>) t.get("cases")).get(0))
                        .containsEntry("latestResult", "fail")
                        .containsEntry("tester", KEY_USER));
        long defect = jdbc.sql("select id from defect where project_code = ?")
                .param(code)
                .query(Long.class)
                .single();

        // the gate failed: the PMO reads why and picks the developer by name
        Task triage = task("UserTask_TriageDefects");
        assertThat(triage.getName()).isEqualTo("Assign the defects of UAT round 1 to developers");
        tasklist.login(PMO, PASSWORD)
                .filter(UatSteps.PMO)
                .open(triage.getName(), triage.getId())
                .claim();
        assertThat(tasklist.formText())
                .contains(
                        "Findings of the UAT gate",
                        "Must-have requirements whose test cases have not passed: REQ-INV-002",
                        "Pass rate 91.7 % (11 of 12 test cases passed) is below the target of 95 %.",
                        "Defect #" + defect + " on test case TC-006 (high) is open.",
                        "developers are the users of the group");
        assertThat(tasklist.tableRows("Table_Defects"))
                .containsExactly(List.of(
                        "#" + defect,
                        FAILING_CASE,
                        "Inventory",
                        "High",
                        "1",
                        "Scanned goods receipt does not update the stock"));
        assertThat(tasklist.options("Field_Developer", 0))
                .contains(DEVELOPER_NAME)
                .doesNotContain(KEY_USER_NAME);
        UatSteps.assignDefects(tasklist, triage, Map.of(FAILING_CASE, DEVELOPER_NAME));
        assertThat(jdbc.sql("select assignee from defect where id = ?")
                        .param(defect)
                        .query(String.class)
                        .single())
                .isEqualTo(DEVELOPER);

        // the developer fixes it
        Task fix = task("UserTask_FixDefects");
        assertThat(fix.getName()).isEqualTo("Fix defects of UAT round 1 (Hua Li)");
        tasklist.login(DEVELOPER, PASSWORD);
        UatSteps.fixDefects(
                tasklist,
                fix,
                Map.of(FAILING_CASE, "Goods receipt posts the stock movement in the same " + "transaction"));
        assertThat(jdbc.sql("select status from defect where id = ?")
                        .param(defect)
                        .query(String.class)
                        .single())
                .isEqualTo("fixed");

        // round 2: the cases stay, the PMO finds the fixed case included with its tester, the key user retests it
        Task prepare2 = task("UserTask_PrepareTestCases");
        assertThat(prepare2.getName()).isEqualTo("Prepare UAT test cases for round 2");
        tasklist.login(KEY_USER, PASSWORD).filter(UatSteps.KEY_USERS).open(prepare2.getName(), prepare2.getId());
        assertThat(tasklist.rows("Field_CaseId")).isEqualTo(12);
        assertThat(tasklist.formHeight())
                .as("Prepare UAT test cases with 12 cases")
                .isLessThan(FEW_SCREENS);
        UatSteps.prepareTestCases(tasklist, prepare2, List.of());
        Task plan2 = task("UserTask_PlanUatRound");
        assertThat(plan2.getName()).isEqualTo("Plan UAT round 2: test cases and testers");
        tasklist.login(PMO, PASSWORD).filter(UatSteps.PMO).open(plan2.getName(), plan2.getId());
        int retest = tasklist.row("Field_PlanCaseId", FAILING_CASE);
        assertThat(tasklist.ticked("Field_Include", retest)).isTrue();
        assertThat(tasklist.value("Field_PlanLastResult", retest)).isEqualTo("Failed in round 1, fixed: retest");
        assertThat(tasklist.value("Field_Tester", retest)).isEqualTo(KEY_USER_NAME);
        assertThat(tasklist.ticked("Field_Include", tasklist.row("Field_PlanCaseId", "TC-001")))
                .isFalse();
        UatSteps.planRound(tasklist, plan2, Map.of(FAILING_CASE, KEY_USER_NAME));
        Task round2 = task("UserTask_ExecuteUatRound");
        assertThat(round2.getName()).isEqualTo("Execute UAT round 2 (Li Sun)");
        tasklist.login(KEY_USER, PASSWORD);
        UatSteps.executeRound(tasklist, round2, List.of(UatSteps.Result.pass(FAILING_CASE)));

        // the gate passes: the retest verified the fix
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(uat.getId())
                        .count())
                .isZero();
        assertThat(decisions.latest(code, "uatGate")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("passed");
            assertThat(d.subject()).isEqualTo("round 2");
        });
        assertThat(jdbc.sql("select status from defect where id = ?")
                        .param(defect)
                        .query(String.class)
                        .single())
                .isEqualTo("closed");
    }

    private Task task(String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(uat.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    /** A person with a name, as the pickers show people; created once, the tests share one database. */
    private void user(String id, String firstName, String lastName, String... groups) {
        TestUsers.person(identity, id, firstName, lastName, PASSWORD, groups);
    }
}
