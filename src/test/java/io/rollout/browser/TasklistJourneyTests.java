package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
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
 * (and the next one) sees — the task gone, the stored decision. The journeys of user acceptance testing are in
 * {@link UatJourneyTests}.
 *
 * <p>The browser is English: a {@link LanguageScan} checks that the person meets no Chinese on the tasks they open.
 */
@WebTest
class TasklistJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String OWNER = "browserowner";
    static final String DEPARTMENT = "finance";

    static final String REQUIREMENTS = "requirementsPhase";
    static final String FREEZE = "ServiceTask_FreezeSpecification";
    static final String APPROVE = "UserTask_ApproveSpecification";

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
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of(DEPARTMENT), List.of(DEPARTMENT), List.of());
        requirement("REQ-1", "Post supplier invoices");
        requirement("REQ-2", "Close the month");
    }

    @Test
    @SuppressWarnings("unchecked")
    void businessOwnerApprovesTheSpecificationInTasklist() {
        ProcessInstance phase = runtime.createProcessInstanceByKey(REQUIREMENTS)
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity(FREEZE)
                .execute();
        Task approval = task(phase, APPROVE);
        assertThat(approval.getName()).isEqualTo("Approve specification v1 for Finance");

        LanguageScan scan = LanguageScan.forEnglishReader();
        Tasklist tasklist = new Tasklist(chromium.driver(), port)
                .onOpen(scan::scan)
                .login(OWNER, PASSWORD)
                .filter("Open tasks for me")
                .open(approval.getName(), approval.getId());
        assertThat(tasklist.tableRows("Table_ApprovalRequirements"))
                .extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly("REQ-1 Must", "REQ-2 Must");
        assertThat(tasklist.assignee()).isEmpty();
        tasklist.claim();
        assertThat(tasklist.assignee()).isEqualTo(OWNER + " Test");
        // claimed, the task moves from the open tasks to the owner's own
        assertThat(tasklist.reload().lists(approval.getId())).isFalse();
        tasklist.filter("My tasks")
                .open(approval.getName(), approval.getId())
                .radio("Field_SpecApproved", "Yes")
                .type("Field_ApprovalComment", null, "Both must-haves match our month-end process")
                .complete();

        assertThat(tasklist.reload().lists(approval.getId())).isFalse();
        List<Map<String, Object>> versions =
                as(OWNER).getForObject("/api/projects/" + code + "/specification/versions", List.class);
        assertThat((List<Map<String, Object>>) versions.get(0).get("approvals"))
                .extracting(
                        a -> a.get("department"), a -> a.get("approver"), a -> a.get("approved"), a -> a.get("comment"))
                .containsExactly(tuple(DEPARTMENT, OWNER, true, "Both must-haves match our month-end process"));
        // the only department approved the version it saw: the sign-off passes and the phase baselines it
        assertThat(versions.get(0).get("baselinedAt")).isNotNull();
        // in an English browser the task, its form and Tasklist around it carry no Chinese
        scan.assertNoneFound();
    }

    private Task task(ProcessInstance instance, String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    /** A must-have requirement ready for the specification: verified, with acceptance criterion and solution. */
    private void requirement(String id, String title) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, acceptance_criterion,
                    solution_match, status, updated_at)
                values (?, ?, ?, ?, 'must', 'Works with last year''s data', 'standard', 'verified', current_timestamp)""").params(code, id, DEPARTMENT, title).update();
    }
}
