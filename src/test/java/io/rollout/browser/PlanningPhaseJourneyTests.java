package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.browser.PlanningSteps.Interface;
import io.rollout.browser.PlanningSteps.LegacySystem;
import io.rollout.browser.PlanningSteps.Migration;
import io.rollout.browser.PlanningSteps.Milestone;
import io.rollout.browser.PlanningSteps.Resource;
import io.rollout.browser.PlanningSteps.Risk;
import io.rollout.browser.PlanningSteps.Vendor;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
 * The planning phase of an ERP project walked in the real Tasklist by the people who do it: the PMO draws up the
 * plan in grids with added milestone, resource and risk rows (dates, people picked by name, phases, numbers), the
 * steering committee has the high risk mitigated, the PMO overrides the scope with a warehouse pilot, the
 * consultant decides to buy, evaluates three vendors (one row added) and records the integration strategy, the
 * steering committee chooses the second-ranked vendor from a ranking numbered 1, 2, 3, reviews the plan in tables
 * and sends it back; the PMO finds it prefilled with the comment, adds a milestone, every other form comes back
 * prefilled, and the plan is approved. The KPI baseline, done in parallel, is the operations engineer's browser
 * journey: it is completed through the engine here. Before the fixes Complete stayed grey after typing into added
 * rows (plan, vendors), and the ranking numbered every vendor "1.".
 */
@WebTest
class PlanningPhaseJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "planning-Secret-2026";
    static final String PMO = "pjzhangwei";
    static final String STEERING = "pjhuangjun";
    static final String CONSULTANT = "pjwangqiang";
    static final String KEY_USER = "pjsunli";
    static final String OWNER = "pjchenjing";
    static final String AUDITOR = "pjheyan";
    static final String PMO_LABEL = "Wei Zhang (pjzhangwei)";
    static final String CONSULTANT_LABEL = "Qiang Wang (pjwangqiang)";
    static final String KEY_USER_LABEL = "Li Sun (pjsunli)";
    static final String OWNER_LABEL = "Jing Chen (pjchenjing)";
    static final String KEY_USERS_RISK = "Key users not released from daily work";
    static final String COMMENT = "Add a milestone for migrating the customers before UAT";
    /** A few screens at most: Tasklist shows about 1,000 px of a form at a time. */
    static final int FEW_SCREENS = 3_000;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    String code;
    ProcessInstance planning;
    PlanningSteps steps;

    @BeforeEach
    void anErpProjectForProcurementAndWarehouse() {
        person(PMO, "Wei", "Zhang", Roles.PMO);
        person(STEERING, "Jun", "Huang", Roles.STEERING_COMMITTEE);
        person(CONSULTANT, "Qiang", "Wang", Roles.CONSULTANT);
        person(KEY_USER, "Li", "Sun", Roles.KEY_USER, Roles.departmentGroup("warehouse"));
        person(OWNER, "Jing", "Chen", Roles.BUSINESS_OWNER, Roles.departmentGroup("warehouse"));
        person(AUDITOR, "Yan", "He", Roles.AUDITOR);
        code = TestProjects.newCode();
        TestProjects.create(
                projects,
                code,
                List.of("procurement", "warehouse"),
                List.of("procurement", "inventory"),
                List.of("customers"));
        planning = runtime.startProcessInstanceByKey("planningPhase", code, Map.of("projectCode", code));
        steps = new PlanningSteps(tasks, code);
    }

    @Test
    void theProjectIsPlannedDecidedReviewedSentBackAndApprovedInTasklist() {
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        // the people pickers offer who works on projects, by name; an auditor is not offered
        steps.open(tasklist, PlanningSteps.PMO_FILTER, PlanningSteps.DRAW_UP_PLAN);
        assertThat(tasklist.offered("Field_MilestoneOwner", 0, "pj"))
                .contains(PMO_LABEL, CONSULTANT_LABEL, KEY_USER_LABEL, OWNER_LABEL)
                .doesNotContain("Yan He (pjheyan)");
        assertThat(tasklist.formText())
                .contains("Owners and people are chosen by name from everyone with a project role");

        steps.drawUpPlan(
                tasklist,
                List.of(
                        new Milestone("Specification baselined", PMO_LABEL, LocalDate.of(2026, 3, 13), "Requirements"),
                        new Milestone(
                                "Procurement and inventory configured",
                                CONSULTANT_LABEL,
                                LocalDate.of(2026, 6, 30),
                                "Build"),
                        new Milestone("UAT passed", KEY_USER_LABEL, LocalDate.of(2026, 8, 14), "UAT"),
                        new Milestone(
                                "Go-live procurement and inventory", PMO_LABEL, LocalDate.of(2026, 9, 1), "Go-live")),
                List.of(
                        new Resource(
                                "Project manager", PMO_LABEL, 50, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 9, 30)),
                        new Resource(
                                "Lead consultant",
                                CONSULTANT_LABEL,
                                100,
                                LocalDate.of(2026, 2, 2),
                                LocalDate.of(2026, 9, 30)),
                        new Resource(
                                "Key user warehouse",
                                KEY_USER_LABEL,
                                40,
                                LocalDate.of(2026, 3, 2),
                                LocalDate.of(2026, 8, 31))),
                List.of(
                        new Risk(KEY_USERS_RISK, 4, 5, OWNER_LABEL, "Backfill with temporary clerks"),
                        new Risk("Legacy interface undocumented", 2, 3, CONSULTANT_LABEL, "Interview the vendor")));
        assertThat(jdbc.sql(
                                "select name || ' ' || owner || ' ' || due_date from milestone where project_code = ? order by due_date")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "Specification baselined pjzhangwei 2026-03-13",
                                "Procurement and inventory configured pjwangqiang 2026-06-30",
                        "UAT passed pjsunli 2026-08-14", "Go-live procurement and inventory pjzhangwei 2026-09-01");
        assertThat(jdbc.sql(
                                "select person || ' ' || allocation from resource_allocation where project_code = ? order by id")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("pjzhangwei 50", "pjwangqiang 100", "pjsunli 40");

        // the steering committee has the high risk mitigated by a person picked by name
        tasklist = new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD);
        assertThat(steps.task(PlanningSteps.DECIDE_HIGH_RISK).getName())
                .isEqualTo("Steering committee: decide high risk \"" + KEY_USERS_RISK + "\"");
        steps.mitigateHighRisk(
                tasklist, "Release the key users two days a week; backfill with temporary clerks", OWNER_LABEL);
        assertThat(jdbc.sql("select decision || ' ' || action_owner from risk where project_code = ? and score >= 15")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("mitigate pjchenjing");

        tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        steps.pilotScope(tasklist, "Warehouse", List.of("Inventory"), "The warehouse team is the most ready");

        tasklist = new Tasklist(chromium.driver(), port).login(CONSULTANT, PASSWORD);
        steps.selectSystem(tasklist, "Buy", "Standard ERP products cover procurement and inventory");
        assertThat(steps.task(PlanningSteps.EVALUATE_VENDORS).getName())
                .isEqualTo("Evaluate vendors of the ERP system");
        steps.evaluateVendors(
                tasklist,
                List.of(40, 25, 20, 15),
                List.of(
                        new Vendor("Kingdee", 8, 7, 6, 8),
                        new Vendor("Yonyou", 7, 9, 7, 7),
                        new Vendor("SAP", 9, 6, 3, 9)));
        assertThat(jdbc.sql("select vendor from vendor_ranking where project_code = ? order by vendor_rank")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("Yonyou", "Kingdee", "SAP");
        steps.defineIntegration(
                tasklist,
                List.of(
                        new LegacySystem("Old purchasing system", "Procurement"),
                        new LegacySystem("Warehouse Excel files", "Warehouse")),
                List.of(new Interface("Bank gateway", "File", "Outbound", "Daily")),
                List.of(
                        new Migration("customers", "Old purchasing system"),
                        new Migration("inventory-balances", "Warehouse Excel files")));
        assertThat(projects.datasets(code)).containsExactly("customers", "inventory-balances");

        // the committee reads the ranking numbered 1, 2, 3 and chooses the second with a reason
        tasklist = new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD);
        Task choose = steps.open(tasklist, PlanningSteps.STEERING_FILTER, PlanningSteps.CHOOSE_VENDOR);
        assertThat(choose.getName()).isEqualTo("Choose the ERP vendor (Yonyou ranked first of 3)");
        assertThat(tasklist.column("Table_VendorRanking", "Rank")).containsExactly("1", "2", "3");
        assertThat(tasklist.column("Table_VendorRanking", "Vendor")).containsExactly("Yonyou", "Kingdee", "SAP");
        assertThat(tasklist.column("Table_VendorRanking", "Weighted score")).containsExactly("7.50", "7.35", "7.05");
        assertThat(tasklist.formText())
                .contains("technical strength 40 %, service capability 25 %, cost 20 %, references 15 %");
        steps.chooseVendor(
                tasklist,
                PlanningSteps.STEERING_FILTER,
                "Kingdee (rank 2, weighted score 7.35)",
                "Kingdee runs the group's other plants");
        assertThat(jdbc.sql("select chosen_vendor from system_selection where project_code = ? and not top_ranked")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("Kingdee");

        captureKpiBaseline();

        // the review shows the plan in tables; the committee sends it back
        steps.open(tasklist, PlanningSteps.STEERING_FILTER, PlanningSteps.REVIEW_PLAN);
        assertThat(tasklist.column("Table_PlanMilestones", "Owner"))
                .containsExactly("Wei Zhang", "Qiang Wang", "Li Sun", "Wei Zhang");
        assertThat(tasklist.column("Table_PlanMilestones", "Due"))
                .containsExactly("2026-03-13", "2026-06-30", "2026-08-14", "2026-09-01");
        assertThat(tasklist.column("Table_PlanResources", "Person"))
                .containsExactly("Wei Zhang", "Qiang Wang", "Li Sun");
        assertThat(tasklist.column("Table_PlanRisks", "Decision").get(0))
                .startsWith(
                        "Mitigate: Release the key users two days a week; backfill with temporary clerks (owner Jing Chen); "
                                + "decided by Jun Huang on ");
        assertThat(tasklist.column("Table_PlanRanking", "Rank")).containsExactly("1", "2", "3");
        assertThat(tasklist.column("Table_PlanIntegration", "Name"))
                .containsExactly(
                        "Old purchasing system",
                        "Warehouse Excel files",
                        "Bank gateway",
                        "customers",
                        "inventory-balances");
        assertThat(tasklist.formText())
                .contains(
                        "Scope confirmed: pilot, Warehouse goes first; pilot modules: Inventory",
                        "Vendor chosen: Kingdee (not ranked first): Kingdee runs the group");
        assertThat(tasklist.formHeight()).isLessThan(FEW_SCREENS);
        steps.sendPlanBack(tasklist, COMMENT);

        // the plan comes back to the PMO prefilled, with the comment
        tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        steps.open(tasklist, PlanningSteps.PMO_FILTER, PlanningSteps.DRAW_UP_PLAN);
        assertThat(tasklist.formText()).contains("Sent back by the steering committee: " + COMMENT);
        assertThat(tasklist.rows("Field_MilestoneName")).isEqualTo(4);
        assertThat(tasklist.value("Field_MilestoneName", 3)).isEqualTo("Go-live procurement and inventory");
        assertThat(tasklist.value("Field_MilestoneOwner", 1)).isEqualTo(CONSULTANT_LABEL);
        assertThat(tasklist.value("Field_ResourcePerson", 2)).isEqualTo(KEY_USER_LABEL);
        assertThat(tasklist.rows("Field_RiskTitle")).isEqualTo(2);
        assertThat(tasklist.formHeight()).isLessThan(FEW_SCREENS);
        steps.revisePlan(
                tasklist,
                List.of(new Milestone("Customers migrated", OWNER_LABEL, LocalDate.of(2026, 7, 31), "Data migration")),
                List.of());
        assertThat(jdbc.sql("select count(*) from milestone where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);

        // the unchanged high risk keeps its decision; every other form comes back prefilled and is confirmed
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(planning.getId())
                        .taskDefinitionKey(PlanningSteps.DECIDE_HIGH_RISK)
                        .count())
                .isZero();
        steps.confirmScope(tasklist);
        tasklist = new Tasklist(chromium.driver(), port).login(CONSULTANT, PASSWORD);
        steps.confirmSelection(tasklist);
        steps.confirmEvaluation(tasklist);
        steps.confirmIntegration(tasklist);
        tasklist = new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD);
        steps.chooseVendor(tasklist, PlanningSteps.STEERING_FILTER, "Kingdee (rank 2, weighted score 7.35)", null);
        captureKpiBaseline();
        steps.approvePlan(tasklist);

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(planning.getId())
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo("EndEvent_PlanApproved");
        assertThat(jdbc.sql("select approach || ' ' || first_department from scope_decision where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("pilot warehouse");
        assertThat(jdbc.sql("select chosen_vendor from system_selection where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("Kingdee");
        assertThat(jdbc.sql("select count(*) from legacy_system where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    /** The PMO's KPI baseline runs beside planning; its browser journey belongs to the operations phase. */
    private void captureKpiBaseline() {
        Task baseline = steps.task("UserTask_CaptureKpiBaseline");
        tasks.complete(
                baseline.getId(),
                Map.of(
                        "manualHoursPerMonth",
                        400,
                        "baselineErrorRatePct",
                        6.5,
                        "baselineSatisfaction",
                        3,
                        "baselineResolutionHours",
                        12,
                        "targetActiveUsersPct",
                        80,
                        "plannedGoLive",
                        "2026-09-30",
                        "hourlyRate",
                        150,
                        "projectCost",
                        500000));
    }

    private void person(String id, String first, String last, String... groups) {
        TestUsers.person(identity, id, first, last, PASSWORD, groups);
    }
}
