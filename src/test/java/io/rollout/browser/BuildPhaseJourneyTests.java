package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.time.LocalDate;
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
 * The build phase of a module done in the real Tasklist: the consultant plans the first iteration (a checklist
 * of requirements), configures the module in a list with an added row, and the developer proposes
 * customisations in added rows with numbers. Each step failed in Tasklist before: the lists replaced variables
 * declared without a value, and Complete stayed grey after typing into added rows.
 */
@WebTest
class BuildPhaseJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String CONSULTANT = "buildconsultant";
    static final String DEVELOPER = "builddeveloper";
    static final String OWNER = "buildowner";
    static final String MODULE = "procurement";

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

    String code;
    ProcessInstance build;

    @BeforeEach
    void aProjectWithTheProcurementModule() {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        TestUsers.ensure(identity, DEVELOPER, PASSWORD, Roles.DEVELOPER);
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup(MODULE));
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of(MODULE), List.of(MODULE), List.of());
        requirement("REQ-PUR-001", "Online purchase requisition approval", "configuration");
        requirement("REQ-PUR-004", "Quotation comparison record", "customisation");
        build = runtime.startProcessInstanceByKey("buildPhase", code, Map.of("projectCode", code));
    }

    @Test
    void consultantAndDeveloperPlanConfigureAndProposeCustomisationsInTasklist() {
        Task plan = task("UserTask_PlanIteration");
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(CONSULTANT, PASSWORD)
            .filter("Consultants")
            .open(plan.getName(), plan.getId())
            .claim()
            .type("Field_IterationGoal", null, "Requisitions and quotations online")
            .check("Field_Scope", "REQ-PUR-001 Online purchase requisition approval (procurement, must)")
            .check("Field_Scope", "REQ-PUR-004 Quotation comparison record (procurement, must)")
            .date("Field_PlannedStart", null, LocalDate.of(2026, 5, 4))
            .date("Field_PlannedEnd", null, LocalDate.of(2026, 5, 29))
            .radio("Field_CustomisationsPlanned", "Yes");
        tasklist.complete();
        assertThat(jdbc.sql("select requirement_id from iteration_requirement where project_code = ? order by 1")
            .param(code).query(String.class).list()).containsExactly("REQ-PUR-001", "REQ-PUR-004");

        Task configure = task("UserTask_ConfigureModule");
        tasklist.reload().open(configure.getName(), configure.getId()).claim()
            .select("Field_ItemType", 0, "Approval flow")
            .type("Field_ItemRequirementId", 0, "REQ-PUR-001")
            .type("Field_ItemDocumentType", 0, "Purchase requisition")
            .type("Field_ItemSteps", 0, "Department head > purchasing director");
        int added = tasklist.addRow("List_ConfigurationItems", "Field_ItemRequirementId");
        tasklist.select("Field_ItemType", added, "Permission")
            .type("Field_ItemRequirementId", added, "REQ-PUR-001")
            .type("Field_ItemRole", added, "buyer")
            .type("Field_ItemFunction", added, "create purchase orders")
            .complete();
        assertThat(jdbc.sql("select item_type from configuration_item where project_code = ? order by id").param(code)
            .query(String.class).list()).containsExactly("approval-flow", "permission");

        Task baseline = task("UserTask_RecordVendorBaseline");
        tasklist.reload().open(baseline.getName(), baseline.getId()).claim()
            .type("Field_BaselineProduct", null, "Kingdee K/3 Cloud")
            .type("Field_BaselineVersion", null, "8.1.0")
            .date("Field_BaselineDate", null, LocalDate.of(2026, 1, 15))
            .type("Field_BaselineBackup", null, "nas01/erp/baseline-8.1.0")
            .complete();

        Task propose = task("UserTask_ProposeCustomisations");
        tasklist = new Tasklist(chromium.driver(), port).login(DEVELOPER, PASSWORD)
            .filter("Developers")
            .open(propose.getName(), propose.getId())
            .claim()
            .select("Field_CustomisationKind", 0, "Report")
            .type("Field_CustomisationDescription", 0, "Quotation comparison report")
            .type("Field_CustomisationJustification", 0, "Audit needs three quotes above 50,000")
            .type("Field_CustomisationEffort", 0, "3")
            .type("Field_CustomisationRequirementId", 0, "REQ-PUR-004");
        int second = tasklist.addRow("List_Customisations", "Field_CustomisationDescription");
        tasklist.select("Field_CustomisationKind", second, "Interface")
            .type("Field_CustomisationDescription", second, "Supplier portal")
            .type("Field_CustomisationJustification", second, "Suppliers confirm orders themselves")
            .type("Field_CustomisationEffort", second, "15")
            .type("Field_CustomisationRequirementId", second, "REQ-PUR-001")
            .complete();

        assertThat(jdbc.sql("select description || ' ' || effort_days from customisation where project_code = ? order by id")
            .param(code).query(String.class).list())
            .containsExactly("Quotation comparison report 3", "Supplier portal 15");
        assertThat(tasks.createTaskQuery().processInstanceId(build.getId()).taskDefinitionKey("UserTask_ApproveCustomisations")
            .count()).isEqualTo(2);
    }

    private Task task(String activity) {
        return tasks.createTaskQuery().processInstanceId(build.getId()).taskDefinitionKey(activity).singleResult();
    }

    private void requirement(String id, String title, String solution) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, acceptance_criterion,
                    solution_match, status, updated_at)
                values (?, ?, ?, ?, 'must', 'Works with last year''s data', ?, 'verified', current_timestamp)""")
            .params(code, id, MODULE, title, solution).update();
    }
}
