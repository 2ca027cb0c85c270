package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.browser.BuildSteps.ConfigurationItem;
import io.rollout.browser.BuildSteps.Decision;
import io.rollout.browser.BuildSteps.Delivery;
import io.rollout.browser.BuildSteps.IterationPlan;
import io.rollout.browser.BuildSteps.Proposal;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.time.Duration;
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
 * The build phase of a module done in the real Tasklist, every task of it and over two iterations: the consultant
 * plans the first iteration (a checklist of requirements) and configures the module in a grid with an added row,
 * records the vendor baseline; the developer proposes customisations in added rows with numbers and requirement
 * pickers; the PMO and the steering committee each decide on theirs; a developer reports the delivery, credited to
 * another developer picked by name; the consultant records the demo with attendees picked by name; the business
 * owner rejects the module, the consultant plans and configures the second iteration (the lists replaced variables
 * declared without a value in the model before), and the owner accepts it. Task names read in words.
 */
@WebTest
class BuildPhaseJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String CONSULTANT = "buildconsultant";
    static final String DEVELOPER = "builddeveloper";
    static final String SECOND_DEVELOPER = "builddevtwo";
    static final String PMO = "buildpmo";
    static final String STEERING = "buildsteering";
    static final String OWNER = "buildowner";
    static final String KEY_USER = "buildkeyuser";
    static final String MODULE = "procurement";
    // a demo-size form stays within a few screens
    static final long MAX_FORM_HEIGHT = 3000;
    static final Duration FIRST_LOAD = Duration.ofMinutes(2);

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
        TestUsers.ensure(identity, SECOND_DEVELOPER, PASSWORD, Roles.DEVELOPER);
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, STEERING, PASSWORD, Roles.STEERING_COMMITTEE);
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup(MODULE));
        TestUsers.ensure(identity, KEY_USER, PASSWORD, Roles.KEY_USER, Roles.departmentGroup(MODULE));
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of(MODULE), List.of(MODULE), List.of());
        // the procurement requirements of the customer's requirements.csv
        requirement("REQ-PUR-001", "采购申请线上审批", "must", "configuration");
        requirement("REQ-PUR-002", "供应商主数据统一", "must", "standard");
        requirement("REQ-PUR-003", "采购订单与合同关联", "should", "configuration");
        requirement("REQ-PUR-004", "比价记录留痕", "could", "customisation");
        build = runtime.startProcessInstanceByKey("buildPhase", code, Map.of("projectCode", code));
    }

    @Test
    void aModuleIsBuiltInTasklistOverTwoIterations() {
        Tasklist tasklist = new Tasklist(chromium.driver(), port)
                .awaitFirstLoad(FIRST_LOAD)
                .login(CONSULTANT, PASSWORD)
                .filter("Consultants");
        Task plan = task("UserTask_PlanIteration");
        assertThat(plan.getName()).isEqualTo("Plan iteration 1 of Procurement");
        BuildSteps.planIteration(
                tasklist,
                plan,
                new IterationPlan(
                        "Requisitions and quotations online",
                        List.of("REQ-PUR-001", "REQ-PUR-004"),
                        LocalDate.of(2026, 5, 4),
                        LocalDate.of(2026, 5, 29),
                        true));
        assertThat(scope(1)).containsExactly("REQ-PUR-001", "REQ-PUR-004");

        Task configure = task("UserTask_ConfigureModule");
        assertThat(configure.getName()).isEqualTo("Configure Procurement");
        BuildSteps.configure(
                tasklist.reload(),
                configure,
                List.of(
                        new ConfigurationItem(
                                "Approval flow",
                                "REQ-PUR-001",
                                "Purchase requisition",
                                "Department head > purchasing director",
                                null),
                        new ConfigurationItem(
                                "Permission", "REQ-PUR-001", "Buyer", "Create purchase orders", "Plant 1 only")));
        assertThat(jdbc.sql(
                                "select item_type || ': ' || coalesce(document_type, role_name) || ' / ' || coalesce(approval_steps, function_name)"
                                        + " || ' / ' || coalesce(description, '-') from configuration_item where project_code = ? order by id")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "approval-flow: Purchase requisition / Department head > purchasing director / -",
                        "permission: Buyer / Create purchase orders / Plant 1 only");

        Task baseline = task("UserTask_RecordVendorBaseline");
        assertThat(baseline.getName()).isEqualTo("Record the vendor baseline of Procurement");
        BuildSteps.recordVendorBaseline(
                tasklist.reload(),
                baseline,
                "Kingdee K/3 Cloud",
                "8.1.0",
                LocalDate.of(2026, 1, 15),
                "nas01/erp/baseline-8.1.0");

        tasklist =
                new Tasklist(chromium.driver(), port).login(DEVELOPER, PASSWORD).filter("Developers");
        BuildSteps.proposeCustomisations(
                tasklist,
                task("UserTask_ProposeCustomisations"),
                List.of(
                        new Proposal(
                                "Report",
                                "Quotation comparison report",
                                "Audit needs three quotes above 50,000",
                                3,
                                "REQ-PUR-004"),
                        new Proposal(
                                "Interface",
                                "Supplier portal",
                                "Suppliers confirm orders themselves",
                                15,
                                "REQ-PUR-001")));
        assertThat(jdbc.sql("select description || ' ' || effort_days || ' ' || requirement_id || ' ' || approval_board"
                                + " from customisation where project_code = ? order by id")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "Quotation comparison report 3 REQ-PUR-004 pmo",
                        "Supplier portal 15 REQ-PUR-001 steering-committee");

        Task pmoApproval = approval(Roles.PMO);
        assertThat(pmoApproval.getName()).isEqualTo("PMO: approve customisations for Procurement");
        tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD).filter("PMO / project managers");
        BuildSteps.approveCustomisations(
                tasklist,
                pmoApproval,
                List.of(new Decision("Quotation comparison report", true, "The auditors require the comparison")));
        Task steeringApproval = approval(Roles.STEERING_COMMITTEE);
        assertThat(steeringApproval.getName()).isEqualTo("Steering committee: approve customisations for Procurement");
        tasklist =
                new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD).filter("Steering committee");
        tasklist.open(steeringApproval.getName(), steeringApproval.getId());
        assertThat(tasklist.formHeight()).isLessThan(MAX_FORM_HEIGHT);
        BuildSteps.approveCustomisations(
                tasklist,
                steeringApproval,
                List.of(new Decision("Supplier portal", false, "Use the vendor's supplier portal")));
        assertThat(statuses()).containsExactly("approved", "rejected");

        Task develop = task("UserTask_DevelopCustomisations");
        assertThat(develop.getName()).isEqualTo("Develop the approved customisations for Procurement");
        tasklist =
                new Tasklist(chromium.driver(), port).login(DEVELOPER, PASSWORD).filter("Developers");
        BuildSteps.developCustomisations(
                tasklist,
                develop,
                List.of(new Delivery(
                        "Quotation comparison report", SECOND_DEVELOPER + " Test", "git: erp-ext/quotation-report")));
        assertThat(jdbc.sql("select status || ' by ' || developed_by || ': ' || delivery_note from customisation"
                                + " where project_code = ? order by id")
                        .param(code)
                        .query(String.class)
                        .list())
                .first()
                .isEqualTo("developed by builddevtwo: git: erp-ext/quotation-report");

        Task demo = task("UserTask_DemoModule");
        assertThat(demo.getName()).isEqualTo("Demo Procurement to its key users");
        tasklist = new Tasklist(chromium.driver(), port)
                .login(CONSULTANT, PASSWORD)
                .filter("Consultants");
        BuildSteps.demo(
                tasklist,
                demo,
                "Requisition approval and the quotation comparison report",
                List.of(KEY_USER + " Test", OWNER + " Test"),
                "Kingdee consultant",
                "Three-way match is missing");
        assertThat(jdbc.sql("select demo_attendees from build_iteration where project_code = ? and iteration = 1")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("buildkeyuser Test, buildowner Test, Kingdee consultant");

        Task accept = task("UserTask_AcceptModule");
        assertThat(accept.getName()).isEqualTo("Accept module Procurement");
        tasklist = new Tasklist(chromium.driver(), port).login(OWNER, PASSWORD).filter("Open tasks for me");
        tasklist.open(accept.getName(), accept.getId());
        assertThat(tasklist.tableRows("Table_Customisations"))
                .extracting(row -> row.get(2) + ": " + row.get(5))
                .containsExactly(
                        "Quotation comparison report: developed in iteration 1",
                        "Supplier portal: rejected in iteration 1");
        assertThat(tasklist.formHeight()).isLessThan(MAX_FORM_HEIGHT);
        BuildSteps.acceptModule(tasklist, accept, false, "Three-way match of order, receipt and invoice is missing");

        // the second iteration starts where the first ended, with the reasons
        Task secondPlan = task("UserTask_PlanIteration");
        assertThat(secondPlan.getName()).isEqualTo("Plan iteration 2 of Procurement");
        tasklist = new Tasklist(chromium.driver(), port)
                .login(CONSULTANT, PASSWORD)
                .filter("Consultants");
        tasklist.open(secondPlan.getName(), secondPlan.getId());
        assertThat(tasklist.formText())
                .contains("Iteration 1 was not accepted by buildowner Test: Three-way match of"
                        + " order, receipt and invoice is missing");
        assertThat(tasklist.checkStartingWith("Field_Scope", "REQ-PUR-001 ", true))
                .isTrue();
        BuildSteps.planIteration(
                tasklist,
                secondPlan,
                new IterationPlan(
                        "Three-way match",
                        List.of("REQ-PUR-003"),
                        LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 6, 12),
                        false));
        assertThat(scope(2)).containsExactly("REQ-PUR-001", "REQ-PUR-003", "REQ-PUR-004");

        BuildSteps.configure(
                tasklist.reload(),
                task("UserTask_ConfigureModule"),
                List.of(new ConfigurationItem("Other", "REQ-PUR-003", "Three-way match tolerance 2 %", null, null)));
        BuildSteps.demo(
                tasklist.reload(),
                task("UserTask_DemoModule"),
                "Three-way match on last month's orders",
                List.of(OWNER + " Test"),
                null,
                "Matches as agreed");

        Task secondAccept = task("UserTask_AcceptModule");
        tasklist = new Tasklist(chromium.driver(), port).login(OWNER, PASSWORD).filter("Open tasks for me");
        tasklist.open(secondAccept.getName(), secondAccept.getId());
        assertThat(tasklist.tableRows("Table_ConfigurationItems"))
                .containsExactly(List.of("Other", "REQ-PUR-003", "Three-way match tolerance 2 %", "", ""));
        BuildSteps.acceptModule(tasklist, secondAccept, true, null);

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(build.getId())
                        .count())
                .isZero();
        assertThat(jdbc.sql("select iteration, accepted from module_acceptance where project_code = ? order by id")
                        .param(code)
                        .query((rs, n) -> rs.getInt(1) + " " + rs.getBoolean(2))
                        .list())
                .containsExactly("1 false", "2 true");
    }

    private Task task(String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(build.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private Task approval(String board) {
        return tasks
                .createTaskQuery()
                .processInstanceId(build.getId())
                .taskDefinitionKey("UserTask_ApproveCustomisations")
                .list()
                .stream()
                .filter(t -> board.equals(tasks.getVariable(t.getId(), "approvalBoard")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no approval task for " + board));
    }

    private List<String> scope(int iteration) {
        return jdbc.sql("select requirement_id from iteration_requirement where project_code = ? and iteration = ?"
                        + " order by 1")
                .params(code, iteration)
                .query(String.class)
                .list();
    }

    private List<String> statuses() {
        return jdbc.sql("select status from customisation where project_code = ? order by id")
                .param(code)
                .query(String.class)
                .list();
    }

    private void requirement(String id, String title, String priority, String solution) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, acceptance_criterion,
                    solution_match, status, updated_at)
                values (?, ?, ?, ?, ?, 'Works with last year''s data', ?, 'verified', current_timestamp)""").params(code, id, MODULE, title, priority, solution).update();
    }
}
