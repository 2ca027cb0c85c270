package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.LinkedHashMap;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * User journeys in the real Camunda Tasklist, driven in Chromium: the engine's Java API brings a project to
 * the task where the journey starts, the browser does the user's part, and the test checks what the user
 * (and the next one) sees — the task gone, the stored decision or results, the findings of a failed gate.
 */
@WebTest
class TasklistJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String OWNER = "browserowner";
    static final String KEY_USER = "browserkeyuser";
    static final String PMO = "browserpmo";
    static final String DEPARTMENT = "finance";

    static final String REQUIREMENTS = "requirementsPhase";
    static final String FREEZE = "ServiceTask_FreezeSpecification";
    static final String APPROVE = "UserTask_ApproveSpecification";
    static final String UAT = "userAcceptanceTest";
    static final String EXECUTE_ROUND = "UserTask_ExecuteUatRound";
    static final String TRIAGE_DEFECTS = "UserTask_TriageDefects";

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
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;

    String code;

    @BeforeEach
    void aProjectWithTwoMustHaves() {
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup(DEPARTMENT));
        TestUsers.ensure(identity, KEY_USER, PASSWORD, Roles.KEY_USER);
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of(DEPARTMENT), List.of(DEPARTMENT), List.of());
        requirement("REQ-1", "Post supplier invoices");
        requirement("REQ-2", "Close the month");
    }

    @Test
    @SuppressWarnings("unchecked")
    void businessOwnerApprovesTheSpecificationInTasklist() {
        ProcessInstance phase = runtime.createProcessInstanceByKey(REQUIREMENTS).businessKey(code)
            .setVariable("projectCode", code).startBeforeActivity(FREEZE).execute();
        Task approval = task(phase, APPROVE);
        assertThat(approval.getName()).isEqualTo("Approve specification v1 for Finance");

        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(OWNER, PASSWORD)
            .filter("Open tasks for me")
            .open(approval.getName(), approval.getId());
        assertThat(tasklist.tableRows("Table_ApprovalRequirements")).extracting(row -> row.get(0) + " " + row.get(1))
            .containsExactly("REQ-1 Must", "REQ-2 Must");
        assertThat(tasklist.assignee()).isEmpty();
        tasklist.claim();
        assertThat(tasklist.assignee()).isEqualTo(OWNER + " Test");
        // claimed, the task moves from the open tasks to the owner's own
        assertThat(tasklist.reload().lists(approval.getId())).isFalse();
        tasklist.filter("My tasks").open(approval.getName(), approval.getId())
            .radio("Field_SpecApproved", "Yes")
            .type("Field_ApprovalComment", null, "Both must-haves match our month-end process")
            .complete();

        assertThat(tasklist.reload().lists(approval.getId())).isFalse();
        List<Map<String, Object>> versions = as(OWNER).getForObject("/api/projects/" + code + "/specification/versions",
            List.class);
        assertThat((List<Map<String, Object>>) versions.get(0).get("approvals"))
            .extracting(a -> a.get("department"), a -> a.get("approver"), a -> a.get("approved"), a -> a.get("comment"))
            .containsExactly(tuple(DEPARTMENT, OWNER, true, "Both must-haves match our month-end process"));
        // the only department approved the version it saw: the sign-off passes and the phase baselines it
        assertThat(versions.get(0).get("baselinedAt")).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void keyUserRecordsUatResultsWithADefectInTasklist() {
        ProcessInstance uat = roundPlannedFor(KEY_USER);
        Task round = task(uat, EXECUTE_ROUND);

        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(KEY_USER, PASSWORD)
            .filter("My tasks")
            .open("Execute UAT round 1", round.getId());
        // the round is assigned to its tester by the plan: nothing to claim
        assertThat(tasklist.assignee()).isEqualTo(KEY_USER + " Test");
        int passed = tasklist.row("Field_ResultCaseId", "TC-1");
        int failed = tasklist.row("Field_ResultCaseId", "TC-2");
        assertThat(tasklist.value("Field_Steps", failed)).isEqualTo("Open TC-2, enter, post");
        tasklist.select("Field_Result", passed, "Pass")
            .select("Field_Result", failed, "Fail")
            .select("Field_DefectSeverity", failed, "High")
            .type("Field_DefectModule", failed, DEPARTMENT)
            .type("Field_DefectDescription", failed, "Closing the month leaves the accruals open")
            .complete();

        assertThat(tasklist.reload().lists(round.getId())).isFalse();
        List<Map<String, Object>> traceability = as(KEY_USER).getForObject("/api/projects/" + code + "/uat/traceability",
            List.class);
        assertThat(traceability).extracting(t -> t.get("requirementId") + " " + t.get("covered"))
            .containsExactly("REQ-1 true", "REQ-2 false");
        assertThat((List<Map<String, Object>>) traceability.get(1).get("cases")).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("caseId", "TC-2").containsEntry("latestResult", "fail")
                .containsEntry("round", 1).containsEntry("tester", KEY_USER);
            assertThat((List<Map<String, Object>>) c.get("defects")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("severity", "high").containsEntry("status", "open"));
        });
        assertThat(jdbc.sql("select description from defect where project_code = ? and case_id = 'TC-2'").param(code)
            .query(String.class).single()).isEqualTo("Closing the month leaves the accruals open");
    }

    @Test
    void pmoSeesWhyTheUatGateFailedInTheNextTask() {
        ProcessInstance uat = roundPlannedFor(KEY_USER);
        tasks.complete(task(uat, EXECUTE_ROUND).getId(), Map.of("results", JsonRows.of(List.of(
            result("TC-1", "pass"), failed("TC-2", "high", "Closing the month leaves the accruals open")))));
        Task triage = task(uat, TRIAGE_DEFECTS);
        long defect = jdbc.sql("select id from defect where project_code = ?").param(code).query(Long.class).single();

        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD)
            .filter("PMO / project managers")
            .open("Assign defects", triage.getId());

        assertThat(tasklist.formText()).contains("Findings of the UAT gate",
            "Must-have requirements whose test cases have not passed: REQ-2",
            "Pass rate 50.0 % (1 of 2 test cases passed) is below the target of 95 %.",
            "Defect #" + defect + " on test case TC-2 (high) is open.");
        int row = tasklist.row("Field_TriageCaseId", "TC-2");
        assertThat(tasklist.value("Field_TriageDefectId", row)).isEqualTo(String.valueOf(defect));
    }

    /** Test cases TC-1 (REQ-1) and TC-2 (REQ-2) prepared and round 1 planned for one key user, via the engine. */
    private ProcessInstance roundPlannedFor(String keyUser) {
        ProcessInstance uat = runtime.startProcessInstanceByKey(UAT, code, Map.of("projectCode", code));
        tasks.complete(task(uat, "UserTask_PrepareTestCases").getId(), Map.of("testCases", JsonRows.of(List.of(
            testCase("TC-1", "REQ-1"), testCase("TC-2", "REQ-2")))));
        tasks.complete(task(uat, "UserTask_PlanUatRound").getId(), Map.of("assignments", JsonRows.of(List.of(
            assign("TC-1", keyUser), assign("TC-2", keyUser)))));
        return uat;
    }

    private Task task(ProcessInstance instance, String activity) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    /** A must-have requirement ready for the specification: verified, with acceptance criterion and solution. */
    private void requirement(String id, String title) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, acceptance_criterion,
                    solution_match, status, updated_at)
                values (?, ?, ?, ?, 'must', 'Works with last year''s data', 'standard', 'verified', current_timestamp)""")
            .params(code, id, DEPARTMENT, title).update();
    }

    private static Map<String, Object> testCase(String id, String requirement) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", id);
        row.put("title", "Case " + id);
        row.put("requirementIds", requirement);
        row.put("module", DEPARTMENT);
        row.put("priority", "high");
        row.put("steps", "Open " + id + ", enter, post");
        row.put("expectedResult", "Posted");
        return row;
    }

    private static Map<String, Object> assign(String caseId, String tester) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", caseId);
        row.put("include", true);
        row.put("tester", tester);
        return row;
    }

    private static Map<String, Object> result(String caseId, String result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", caseId);
        row.put("title", "Case " + caseId);
        row.put("result", result);
        return row;
    }

    private static Map<String, Object> failed(String caseId, String severity, String description) {
        Map<String, Object> row = result(caseId, "fail");
        row.put("defectSeverity", severity);
        row.put("defectModule", DEPARTMENT);
        row.put("defectDescription", description);
        return row;
    }
}
