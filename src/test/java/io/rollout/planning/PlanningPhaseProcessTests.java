package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.DeployedForms;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class PlanningPhaseProcessTests {

    static final String PROCESS = "planningPhase";
    static final String DRAW_UP_PLAN = "UserTask_DrawUpPlan";
    static final String DECIDE_HIGH_RISK = "UserTask_DecideHighRisk";
    static final String RECOMMEND_SCOPE = "BusinessRuleTask_RecommendScope";
    static final String CONFIRM_SCOPE = "UserTask_ConfirmScope";
    static final String SELECT_SYSTEM = "UserTask_SelectSystem";
    static final String EVALUATE_VENDORS = "UserTask_EvaluateVendors";
    static final String CHOOSE_VENDOR = "UserTask_ChooseVendor";
    static final String DEFINE_INTEGRATION = "UserTask_DefineIntegration";
    static final String REVIEW_PLAN = "UserTask_ReviewPlan";
    static final String CAPTURE_BASELINE = "UserTask_CaptureKpiBaseline";
    static final String HIGH_RISKS_DECIDED = "Gateway_HighRisksDecided";
    static final String SYSTEM_SELECTED = "Gateway_SystemSelected";
    static final String PLAN_APPROVED = "EndEvent_PlanApproved";
    static final String OWNER = "planowner";
    static final String CONSULTANT = "wangfang";
    static final String KEY_USER = "lina";
    static final String AUDITOR = "planauditor";

    static final String KEY_USERS_RISK = "Key users not released from daily work";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

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

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        person(OWNER, "Plan", "Owner", Roles.PMO);
        person(CONSULTANT, "Fang", "Wang", Roles.CONSULTANT);
        person(KEY_USER, "Na", "Li", Roles.KEY_USER);
        person(AUDITOR, "Audit", "Or", Roles.AUDITOR);
        code = TestProjects.newCode();
        TestProjects.create(
                projects,
                code,
                List.of("procurement", "warehouse"),
                List.of("inventory", "procurement"),
                List.of("customers"));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    void person(String id, String first, String last, String role) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            identity.saveUser(user);
            identity.createMembership(id, role);
        }
    }

    ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    // --- what the forms submit -------------------------------------------------------------------------

    static Map<String, Object> milestone(String name, String due, String phase) {
        return Map.of("name", name, "owner", OWNER, "dueDate", due, "phase", phase);
    }

    static final List<Map<String, Object>> MILESTONES = List.of(
            milestone("Specification baselined", "2026-03-01", "requirements"),
            milestone("UAT passed", "2026-08-15", "uat"),
            milestone("Go-live procurement", "2026-09-01", "go-live"));

    static Map<String, Object> risk(String title, int probability, int impact) {
        return Map.of(
                "title",
                title,
                "probability",
                probability,
                "impact",
                impact,
                "owner",
                OWNER,
                "mitigation",
                "Agreed with the department heads");
    }

    static final List<Map<String, Object>> RISKS =
            List.of(risk(KEY_USERS_RISK, 4, 5), risk("Legacy interface undocumented", 2, 3));

    static final List<Map<String, Object>> RESOURCES = List.of(
            Map.of(
                    "role",
                    "Lead consultant",
                    "person",
                    CONSULTANT,
                    "allocation",
                    100,
                    "from",
                    "2026-02-01",
                    "to",
                    "2026-09-30"),
            Map.of(
                    "role",
                    "Key user warehouse",
                    "person",
                    KEY_USER,
                    "allocation",
                    50,
                    "from",
                    "2026-03-01",
                    "to",
                    "2026-08-31"));

    static Map<String, Object> planForm(List<Map<String, Object>> milestones, List<Map<String, Object>> risks) {
        return withVariables(
                "milestones",
                JsonRows.of(milestones),
                "risks",
                JsonRows.of(risks),
                "resources",
                JsonRows.of(RESOURCES));
    }

    static Map<String, Object> vendor(String name, int technical, int service, int cost, int references) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("vendor", name);
        row.put("technical", technical);
        row.put("service", service);
        row.put("cost", cost);
        row.put("references", references);
        return row;
    }

    static Map<String, Object> evaluationForm(int technical, int service, int cost, int references) {
        return withVariables(
                "weightTechnical",
                technical,
                "weightService",
                service,
                "weightCost",
                cost,
                "weightReferences",
                references,
                "vendors",
                JsonRows.of(List.of(
                        vendor("Kingdee", 8, 7, 6, 8), // 40x8 + 25x7 + 20x6 + 15x8 = 735
                        vendor("Yonyou", 7, 9, 7, 7), // 280 + 225 + 140 + 105 = 750
                        vendor("SAP", 9, 6, 3, 9)))); // 360 + 150 + 60 + 135 = 705
    }

    static Map<String, Object> integrationForm(List<Map<String, Object>> migrations) {
        return withVariables(
                "legacySystems",
                        JsonRows.of(List.of(
                                Map.of("name", "Old purchasing system", "ownerDepartment", "procurement"),
                                Map.of("name", "Warehouse Excel files", "ownerDepartment", "warehouse"))),
                "interfaces",
                        JsonRows.of(List.of(Map.of(
                                "toSystem",
                                "Bank gateway",
                                "kind",
                                "file",
                                "direction",
                                "outbound",
                                "frequency",
                                "daily"))),
                "migrations", JsonRows.of(migrations));
    }

    static final List<Map<String, Object>> MIGRATIONS = List.of(
            Map.of("dataset", "customers", "legacySystem", "Old purchasing system"),
            Map.of("dataset", "suppliers", "legacySystem", "old purchasing system"),
            Map.of("dataset", "inventory-balances", "legacySystem", "Warehouse Excel files"));

    // --- helpers ---------------------------------------------------------------------------------------

    List<Task> open(ProcessInstance pi, String taskKey) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey)
                .list();
    }

    Task one(ProcessInstance pi, String taskKey) {
        List<Task> found = open(pi, taskKey);
        assertThat(found).as("open %s", taskKey).hasSize(1);
        return found.get(0);
    }

    Object local(Task task, String name) {
        return tasks.getVariableLocal(task.getId(), name);
    }

    void decideAllHighRisks(ProcessInstance pi) {
        for (Task t : open(pi, DECIDE_HIGH_RISK)) {
            complete(t, withVariables("riskDecision", "accept", "riskDecisionComment", "Accepted for the pilot"));
        }
    }

    void confirmRecommendedScope(ProcessInstance pi) {
        Task confirm = one(pi, CONFIRM_SCOPE);
        complete(
                confirm,
                withVariables(
                        "scopeApproach",
                        local(confirm, "scopeApproach"),
                        "firstDepartment",
                        local(confirm, "firstDepartment")));
    }

    void customise(ProcessInstance pi) {
        complete(
                one(pi, SELECT_SYSTEM),
                withVariables(
                        "selectionApproach",
                        "customise",
                        "selectionReason",
                        "The standard ERP covers 90 % of the requirements"));
    }

    List<String> scalars(String sql) {
        return jdbc.sql(sql).param(code).query(String.class).list();
    }

    String formOf(Task task) {
        return DeployedForms.of(engine.getFormService(), task);
    }

    // --- tests -----------------------------------------------------------------------------------------

    @Test
    void scopeDecisionTableIsDeployedFromTheClasspath() {
        assertThat(repository
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(ScopeRecommendation.DECISION_KEY)
                        .latestVersion()
                        .singleResult())
                .isNotNull()
                .satisfies(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(3650));
    }

    @Test
    void aCompletePlanWithABoughtSystemIsDecidedReviewedAndApproved() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(DRAW_UP_PLAN);
        assertThat(one(pi, DRAW_UP_PLAN)).hasCandidateGroup(Roles.PMO);
        assertThat(formOf(one(pi, DRAW_UP_PLAN))).contains("\"id\": \"planProject\"");

        complete(one(pi, DRAW_UP_PLAN), planForm(MILESTONES, RISKS));

        // the four strands of planning run side by side
        assertThat(pi)
                .hasPassed(RECOMMEND_SCOPE)
                .isWaitingAt(DECIDE_HIGH_RISK, CONFIRM_SCOPE, SELECT_SYSTEM, DEFINE_INTEGRATION);
        Task decide = one(pi, DECIDE_HIGH_RISK);
        assertThat(decide)
                .hasCandidateGroup(Roles.STEERING_COMMITTEE)
                .hasName("Steering committee: decide high risk \"" + KEY_USERS_RISK + "\"");
        assertThat(formOf(decide)).contains("\"id\": \"decideHighRisk\"");
        assertThat((String) local(decide, "riskDetails"))
                .contains("**Score 20: " + KEY_USERS_RISK + "**", "owner Plan Owner");
        assertThat(JsonRows.read(local(decide, "actionOwnerOptions")))
                .extracting(r -> r.text("label"))
                .contains("Fang Wang (wangfang)", "Plan Owner (planowner)")
                .doesNotContain("Audit Or (planauditor)");

        // the scope recommendation of scopeDecision, as typed String variables and in the decision log
        assertThat(runtime.<StringValue>getVariableTyped(pi.getId(), "recommendedApproach")
                        .getValue())
                .isEqualTo("full-rollout");
        assertThat(runtime.getVariable(pi.getId(), "recommendedFirstDepartment"))
                .isEqualTo("procurement");
        assertThat(decisions.latest(code, ScopeRecommendation.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
            assertThat(d.outcome()).isEqualTo("full-rollout");
            assertThat(d.inputs())
                    .contains("departments=[procurement, warehouse]", "modules=2", "highRisks=1", "systemType=ERP");
        });

        // the PMO overrides: a pilot in the warehouse with the inventory module
        Task confirm = one(pi, CONFIRM_SCOPE);
        assertThat(confirm).hasCandidateGroup(Roles.PMO);
        assertThat((String) local(confirm, "scopeRecommendation")).contains("full rollout, Procurement goes first");
        assertThat(JsonRows.read(local(confirm, "departmentOptions")))
                .extracting(r -> r.text("label"))
                .containsExactly("Procurement", "Warehouse");
        assertThat(local(confirm, "scopeApproach")).isEqualTo("full-rollout");
        complete(
                confirm,
                withVariables(
                        "scopeApproach",
                        "pilot",
                        "firstDepartment",
                        "warehouse",
                        "pilotModules",
                        JsonRows.ofStrings(List.of("inventory")),
                        "overrideReason",
                        "The warehouse team is the most ready"));

        // buy: weighted evaluation, then the steering committee or PMO chooses
        Task select = one(pi, SELECT_SYSTEM);
        assertThat(select).hasCandidateGroup(Roles.CONSULTANT);
        complete(select, withVariables("selectionApproach", "buy", "selectionReason", "Standard ERP products fit"));
        Task evaluate = one(pi, EVALUATE_VENDORS);
        assertThat(evaluate).hasCandidateGroup(Roles.CONSULTANT);
        complete(evaluate, evaluationForm(40, 25, 20, 15));
        Task choose = one(pi, CHOOSE_VENDOR);
        assertThat(choose).hasCandidateGroup(Roles.STEERING_COMMITTEE).hasCandidateGroup(Roles.PMO);
        assertThat(choose.getName()).isEqualTo("Choose the ERP vendor (Yonyou ranked first of 3)");
        assertThat(JsonRows.read(local(choose, "vendorRanking")))
                .extracting(r -> r.text("rank") + ". " + r.text("vendor")
                        + " " + r.text("score") + " " + r.text("technical") + "/" + r.text("service") + "/"
                        + r.text("cost") + "/"
                        + r.text("references"))
                .containsExactly("1. Yonyou 7.50 7/9/7/7", "2. Kingdee 7.35 8/7/6/8", "3. SAP 7.05 9/6/3/9");
        assertThat(local(choose, "vendorWeights"))
                .isEqualTo("technical strength 40 %, service capability 25 %, cost 20 %, references 15 %");
        complete(choose, withVariables("chosenVendor", "Yonyou"));

        Task integration = one(pi, DEFINE_INTEGRATION);
        assertThat(integration).hasCandidateGroup(Roles.CONSULTANT);
        complete(integration, integrationForm(MIGRATIONS));
        captureBaseline(pi);

        // work does not leave planning while a high-risk decision is open
        assertThat(pi).isWaitingAt(DECIDE_HIGH_RISK);
        assertThat(open(pi, REVIEW_PLAN)).isEmpty();
        complete(
                decide,
                withVariables(
                        "riskDecision", "mitigate", "mitigationActions", "Backfill two clerks", "actionOwner", OWNER));

        Task review = one(pi, REVIEW_PLAN);
        assertThat(review).hasCandidateGroup(Roles.STEERING_COMMITTEE);
        assertThat(formOf(review)).contains("\"id\": \"reviewPlan\"");
        assertThat((String) local(review, "planSummary"))
                .contains(
                        "**Scope confirmed:** pilot, Warehouse goes first; pilot modules: Inventory",
                        "**Recommendation overridden:** The warehouse team is the most ready",
                        "**System:** buy a product",
                        "**Vendor chosen:** Yonyou (ranked first)");
        assertThat(JsonRows.read(local(review, "planMilestones")))
                .extracting(
                        r -> String.join(" | ", r.text("due"), r.text("milestone"), r.text("phase"), r.text("owner")))
                .containsExactly(
                        "2026-03-01 | Specification baselined | Requirements | Plan Owner",
                        "2026-08-15 | UAT passed | UAT | Plan Owner",
                        "2026-09-01 | Go-live procurement | Go-live | Plan Owner");
        assertThat(JsonRows.read(local(review, "planResources")))
                .extracting(r -> String.join(
                        " | ", r.text("role"), r.text("person"), r.text("allocation"), r.text("from"), r.text("to")))
                .containsExactly(
                        "Lead consultant | Fang Wang | 100 % | 2026-02-01 | 2026-09-30",
                        "Key user warehouse | Na Li | 50 % | 2026-03-01 | 2026-08-31");
        assertThat(JsonRows.read(local(review, "planRisks")))
                .extracting(r -> r.text("score") + " " + r.text("risk"))
                .containsExactly("\u26a0 20 (4 x 5) high " + KEY_USERS_RISK, "6 (2 x 3) Legacy interface undocumented");
        assertThat(JsonRows.read(local(review, "planRisks")).get(0).text("decision"))
                .startsWith("Mitigate: Backfill two clerks (owner Plan Owner); decided by unknown on ");
        assertThat(JsonRows.read(local(review, "planRanking")))
                .extracting(r -> r.text("vendor"))
                .containsExactly("Yonyou", "Kingdee", "SAP");
        assertThat(JsonRows.read(local(review, "planIntegration")))
                .extracting(r -> String.join(" | ", r.text("what"), r.text("name"), r.text("details")))
                .containsExactly(
                        "Legacy system | Old purchasing system | owned by Procurement",
                        "Legacy system | Warehouse Excel files | owned by Warehouse",
                        "Interface | Bank gateway | file, outbound, daily",
                        "Dataset to migrate | customers | from Old purchasing system",
                        "Dataset to migrate | inventory-balances | from Warehouse Excel files",
                        "Dataset to migrate | suppliers | from Old purchasing system");

        complete(review, withVariables("planApproved", "yes"));

        assertThat(pi).hasPassed(PLAN_APPROVED).isEnded();
        assertThat(jdbc.sql(
                                "select decision, mitigation_actions, action_owner from risk where project_code = ? and score >= 15")
                        .param(code)
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .single())
                .containsExactly("mitigate", "Backfill two clerks", OWNER);
        assertThat(scalars("select count(*) from resource_allocation where project_code = ?"))
                .containsExactly("2");
        assertThat(scalars("select module from pilot_module where project_code = ?"))
                .containsExactly("inventory");
        assertThat(scalars("select approach || '/' || first_department from scope_decision where project_code = ?"))
                .containsExactly("pilot/warehouse");
        assertThat(scalars("select chosen_vendor from system_selection where project_code = ?"))
                .containsExactly("Yonyou");
        assertThat(scalars("select vendor from vendor_ranking where project_code = ? order by vendor_rank"))
                .containsExactly("Yonyou", "Kingdee", "SAP");
        // the datasets to migrate join the project's scope, the existing one once
        assertThat(projects.datasets(code)).containsExactly("customers", "inventory-balances", "suppliers");
        assertThat(decisions.forProject(code))
                .extracting(Decision::decision, Decision::outcome)
                .containsExactly(
                        tuple(ScopeRecommendation.DECISION, "full-rollout"),
                        tuple(ScopeConfirmation.DECISION, "overridden"),
                        tuple(SystemSelection.DECISION, "buy"),
                        tuple(VendorEvaluation.DECISION, "ranked"),
                        tuple(VendorChoiceRecorder.DECISION, "top-ranked"),
                        tuple(IntegrationStrategy.DECISION, "recorded"),
                        tuple("kpiBaseline", "captured"),
                        tuple(HighRiskDecision.DECISION, "mitigate"),
                        tuple(PlanReview.DECISION, "approved"));
        assertThat(decisions
                        .latest(code, IntegrationStrategy.DECISION)
                        .orElseThrow()
                        .findings())
                .containsExactly("Datasets added to the data migration: suppliers, inventory-balances");
        assertThat(decisions.latest(code, PlanReview.DECISION).orElseThrow().inputs())
                .contains("milestones=3", "highRisks=1", "scope=pilot", "selection=buy Yonyou");
    }

    @Test
    void aPmoUserWithoutRightsOnDecisionsSubmitsThePlanUnderAuthorizationAndTheScopeIsRecommended() {
        String pmo = "planpmo";
        if (identity.createUserQuery().userId(pmo).count() == 0) {
            identity.saveUser(identity.newUser(pmo));
            identity.createMembership(pmo, Roles.PMO);
        }
        ProcessInstance pi = start();
        Task drawUp = one(pi, DRAW_UP_PLAN);
        identity.setAuthentication(pmo, List.of(Roles.PMO));
        try {
            tasks.claim(drawUp.getId(), pmo);
            engine.getFormService().submitTaskForm(drawUp.getId(), planForm(MILESTONES, RISKS));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(pi).hasPassed(RECOMMEND_SCOPE).isWaitingAt(CONFIRM_SCOPE);
        assertThat(scalars("select updated_by from project_plan where project_code = ?"))
                .containsExactly(pmo);
    }

    @Test
    void withoutHighRisksNoDecisionTaskAndBuildSkipsTheVendorEvaluation() {
        ProcessInstance pi = start();
        complete(one(pi, DRAW_UP_PLAN), planForm(MILESTONES, List.of(risk("Budget overrun", 3, 4))));

        assertThat(pi).hasPassed(HIGH_RISKS_DECIDED).hasNotPassed(DECIDE_HIGH_RISK);
        assertThat(open(pi, DECIDE_HIGH_RISK)).isEmpty();
        confirmRecommendedScope(pi);
        complete(
                one(pi, SELECT_SYSTEM),
                withVariables(
                        "selectionApproach",
                        "build",
                        "selectionReason",
                        "Nothing on the market fits the tooling process"));
        complete(one(pi, DEFINE_INTEGRATION), integrationForm(List.of()));
        captureBaseline(pi);

        assertThat(pi)
                .hasPassed(SYSTEM_SELECTED)
                .hasNotPassed(EVALUATE_VENDORS, CHOOSE_VENDOR)
                .isWaitingAt(REVIEW_PLAN);
        assertThat(decisions.latest(code, ScopeConfirmation.DECISION))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("confirmed");
        assertThat(scalars("select count(*) from vendor_criterion where project_code = ?"))
                .containsExactly("0");
        assertThat(projects.datasets(code)).containsExactly("customers");
    }

    @Test
    void rejectedPlanGoesBackWithTheCommentAndUnchangedDecisionsAreNotAskedAgain() {
        ProcessInstance pi = start();
        complete(one(pi, DRAW_UP_PLAN), planForm(MILESTONES, RISKS));
        decideAllHighRisks(pi);
        confirmRecommendedScope(pi);
        customise(pi);
        complete(one(pi, DEFINE_INTEGRATION), integrationForm(MIGRATIONS));
        captureBaseline(pi);

        complete(
                one(pi, REVIEW_PLAN),
                withVariables(
                        "planApproved",
                        "no",
                        "steeringComment",
                        "Add a data migration milestone and plan for the new supplier risk"));

        assertThat(pi).isWaitingAt(DRAW_UP_PLAN);
        Task drawUp = one(pi, DRAW_UP_PLAN);
        assertThat(drawUp).hasCandidateGroup(Roles.PMO);
        assertThat(tasks.getVariable(drawUp.getId(), "steeringComment"))
                .isEqualTo("Add a data migration milestone and plan for the new supplier risk");
        assertThat(JsonRows.read(tasks.getVariable(drawUp.getId(), "milestones")))
                .hasSize(3);
        assertThat(JsonRows.read(tasks.getVariable(drawUp.getId(), "resources")))
                .hasSize(2);

        List<String> idsBefore = scalars("select id from milestone where project_code = ? order by id");
        List<String> riskIdsBefore = scalars("select id from risk where project_code = ? order by id");
        List<Map<String, Object>> milestones = new ArrayList<>(MILESTONES);
        milestones.add(milestone("Customers migrated", "2026-08-20", "data-migration"));
        List<Map<String, Object>> risks = new ArrayList<>(RISKS);
        risks.add(risk("Main supplier changes its EDI format", 3, 5));
        complete(drawUp, planForm(milestones, risks));
        // change requests, escalations and the risk and issue log refer to milestones and risks by id
        assertThat(scalars("select id from milestone where project_code = ? order by id"))
                .startsWith(idsBefore.toArray(String[]::new))
                .hasSize(4);
        assertThat(scalars("select id from risk where project_code = ? order by id"))
                .startsWith(riskIdsBefore.toArray(String[]::new))
                .hasSize(riskIdsBefore.size() + 1);

        // the unchanged high risk keeps its decision; only the new one is asked
        assertThat(open(pi, DECIDE_HIGH_RISK))
                .extracting(Task::getName)
                .containsExactly("Steering committee: decide high risk \"Main supplier changes its EDI format\"");
        // the other forms come prefilled with what was stored
        Task confirm = one(pi, CONFIRM_SCOPE);
        assertThat(local(confirm, "scopeApproach")).isEqualTo("full-rollout");
        Task select = one(pi, SELECT_SYSTEM);
        assertThat(local(select, "selectionApproach")).isEqualTo("customise");
        Task integration = one(pi, DEFINE_INTEGRATION);
        assertThat(JsonRows.read(local(integration, "migrations")))
                .extracting(r -> r.text("dataset"))
                .containsExactly("customers", "inventory-balances", "suppliers");

        decideAllHighRisks(pi);
        confirmRecommendedScope(pi);
        complete(
                select,
                withVariables(
                        "selectionApproach",
                        local(select, "selectionApproach"),
                        "selectionReason",
                        local(select, "selectionReason")));
        complete(
                integration,
                withVariables(
                        "legacySystems",
                        local(integration, "legacySystems"),
                        "interfaces",
                        local(integration, "interfaces"),
                        "migrations",
                        local(integration, "migrations")));
        // the baseline comes back prefilled: confirmed as it is
        Task baseline = one(pi, CAPTURE_BASELINE);
        assertThat(local(baseline, "plannedGoLive")).isEqualTo("2026-09-30");
        complete(
                baseline,
                withVariables(
                        "manualHoursPerMonth",
                        local(baseline, "manualHoursPerMonth"),
                        "baselineErrorRatePct",
                        local(baseline, "baselineErrorRatePct"),
                        "baselineSatisfaction",
                        local(baseline, "baselineSatisfaction"),
                        "baselineResolutionHours",
                        local(baseline, "baselineResolutionHours"),
                        "targetActiveUsersPct",
                        local(baseline, "targetActiveUsersPct"),
                        "plannedGoLive",
                        "2026-09-30"));
        complete(one(pi, REVIEW_PLAN), withVariables("planApproved", "yes"));

        assertThat(pi).hasPassed(PLAN_APPROVED).isEnded();
        assertThat(scalars("select count(*) from milestone where project_code = ?"))
                .containsExactly("4");
        assertThat(scalars("select count(*) from risk where project_code = ? and decision = 'accept'"))
                .containsExactly("2");
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals(PlanReview.DECISION))
                .extracting(Decision::outcome)
                .containsExactly("rejected", "approved");
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals(HighRiskDecision.DECISION))
                .extracting(Decision::subject)
                .containsExactly("risk " + KEY_USERS_RISK, "risk Main supplier changes its EDI format");
        assertThat(projects.datasets(code)).containsExactly("customers", "inventory-balances", "suppliers");
    }

    @Test
    void manyHighRisksMakeTheTableRecommendAWarehousePilot() {
        ProcessInstance pi = start();
        complete(
                one(pi, DRAW_UP_PLAN),
                planForm(MILESTONES, List.of(risk("A", 5, 5), risk("B", 4, 4), risk("C", 3, 5))));

        assertThat(open(pi, DECIDE_HIGH_RISK)).hasSize(3);
        assertThat(decisions.latest(code, ScopeRecommendation.DECISION))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("pilot");
        Task confirm = one(pi, CONFIRM_SCOPE);
        assertThat(local(confirm, "scopeApproach")).isEqualTo("pilot");
        assertThat(local(confirm, "firstDepartment")).isEqualTo("warehouse");
        // confirming the recommendation needs no reason, but a pilot needs its modules
        assertThatThrownBy(() ->
                        complete(confirm, withVariables("scopeApproach", "pilot", "firstDepartment", "warehouse")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("A pilot needs at least one pilot module.");
        complete(
                confirm,
                withVariables(
                        "scopeApproach",
                        "pilot",
                        "firstDepartment",
                        "warehouse",
                        "pilotModules",
                        JsonRows.ofStrings(List.of("inventory"))));
        assertThat(decisions.latest(code, ScopeConfirmation.DECISION))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("confirmed");
    }

    @Test
    void badPlanIsRefusedWithEveryReasonAndStoresNothing() {
        ProcessInstance pi = start();
        Map<String, Object> bad = planForm(
                List.of(
                        Map.of("name", "Training done", "owner", "ghost", "dueDate", "2026-10-01", "phase", "training"),
                        Map.of(
                                "name",
                                "Audit trail reviewed",
                                "owner",
                                AUDITOR,
                                "dueDate",
                                "2026-08-01",
                                "phase",
                                "uat"),
                        milestone("Go-live", "2026-09-01", "go-live")),
                List.of(Map.of("title", "Budget", "probability", 7, "impact", 3, "owner", OWNER)));
        bad.put(
                "resources",
                JsonRows.of(List.of(Map.of(
                        "role",
                        "Consultant",
                        "person",
                        "Wang Fang",
                        "allocation",
                        150,
                        "from",
                        "2026-02-01",
                        "to",
                        "2026-09-30"))));

        assertThatThrownBy(() -> complete(one(pi, DRAW_UP_PLAN), bad))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(
                        "Milestones, row 1: the owner \"ghost\" is nobody who works on projects; choose a person")
                .hasMessageContaining("Milestones, row 2: the owner \"planauditor\" is nobody who works on projects")
                .hasMessageContaining("Resource plan, row 1: \"Wang Fang\" is nobody who works on projects")
                .hasMessageContaining("Risks, row 1: the probability must be a whole number from 1 to 5, not \"7\"")
                .hasMessageContaining(
                        "Resource plan, row 1: the field \"Allocation (%)\" must be a whole number from 1 to 100, not \"150\"");

        assertThat(pi).isWaitingAt(DRAW_UP_PLAN);
        assertThat(scalars("select count(*) from milestone where project_code = ?"))
                .containsExactly("0");
        assertThat(scalars("select count(*) from resource_allocation where project_code = ?"))
                .containsExactly("0");

        Map<String, Object> early = planForm(
                List.of(
                        milestone("Training done", "2026-10-01", "training"),
                        milestone("Go-live", "2026-09-01", "go-live")),
                RISKS);
        assertThatThrownBy(() -> complete(one(pi, DRAW_UP_PLAN), early))
                .hasMessageContaining("Milestones, row 2: the go-live milestone \"Go-live\" (2026-09-01) is before");
        assertThat(scalars("select count(*) from milestone where project_code = ?"))
                .containsExactly("0");
    }

    @Test
    void badDecisionsAreRefusedAndStoreNothing() {
        ProcessInstance pi = start();
        complete(one(pi, DRAW_UP_PLAN), planForm(MILESTONES, RISKS));

        // mitigation without actions, by an unknown owner
        assertThatThrownBy(() -> complete(
                        one(pi, DECIDE_HIGH_RISK), withVariables("riskDecision", "mitigate", "actionOwner", "ghost")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("To mitigate the risk, describe the mitigation actions.")
                .hasMessageContaining("The action owner \"ghost\" is nobody who works on projects");
        assertThat(scalars("select count(*) from risk where project_code = ? and decision is not null"))
                .containsExactly("0");

        // a pilot module outside the project, an override without reason
        assertThatThrownBy(() -> complete(
                        one(pi, CONFIRM_SCOPE),
                        withVariables(
                                "scopeApproach",
                                "pilot",
                                "firstDepartment",
                                "finance",
                                "pilotModules",
                                JsonRows.ofStrings(List.of("inventory", "payroll")))))
                .hasMessageContaining("The department \"finance\" is not in the project scope")
                .hasMessageContaining(
                        "The pilot module \"payroll\" is not one of the project modules (inventory, procurement).")
                .hasMessageContaining("give the reason for overriding it");
        assertThat(scalars("select approach from scope_decision where project_code = ?"))
                .containsNull();
        assertThat(scalars("select count(*) from pilot_module where project_code = ?"))
                .containsExactly("0");

        // weights that do not add up to 100, one vendor only
        complete(one(pi, SELECT_SYSTEM), withVariables("selectionApproach", "buy", "selectionReason", "Buy a product"));
        Map<String, Object> badWeights = evaluationForm(40, 25, 20, 5);
        badWeights.put("vendors", JsonRows.of(List.of(vendor("Kingdee", 8, 7, 11, 8))));
        assertThatThrownBy(() -> complete(one(pi, EVALUATE_VENDORS), badWeights))
                .hasMessageContaining("The weights add up to 90; they must add up to 100.")
                .hasMessageContaining(
                        "Vendors, row 1: the field \"cost\" must be a whole number from 1 to 10, not \"11\".")
                .hasMessageContaining("at least 2 vendors, not 1");
        assertThat(scalars("select count(*) from vendor_criterion where project_code = ?"))
                .containsExactly("0");

        // a vendor that is not ranked first needs a reason
        complete(one(pi, EVALUATE_VENDORS), evaluationForm(40, 25, 20, 15));
        assertThatThrownBy(() -> complete(one(pi, CHOOSE_VENDOR), withVariables("chosenVendor", "SAP")))
                .hasMessageContaining(
                        "The vendor \"SAP\" is ranked 3, not first (Yonyou): give the reason for choosing it.");
        complete(
                one(pi, CHOOSE_VENDOR),
                withVariables("chosenVendor", "SAP", "vendorChoiceReason", "Group standard: all subsidiaries run SAP"));
        assertThat(decisions.latest(code, VendorChoiceRecorder.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("not-top-ranked");
            assertThat(d.findings()).containsExactly("Group standard: all subsidiaries run SAP");
        });

        // datasets from a system that is not listed, bad dataset names
        assertThatThrownBy(() -> complete(
                        one(pi, DEFINE_INTEGRATION),
                        integrationForm(List.of(
                                Map.of("dataset", "Open Orders", "legacySystem", "Old purchasing system"),
                                Map.of("dataset", "materials", "legacySystem", "Old MES")))))
                .hasMessageContaining("Datasets to migrate, row 1: the dataset \"Open Orders\" must be")
                .hasMessageContaining(
                        "Datasets to migrate, row 2: \"Old MES\" is not one of the legacy systems listed");
        assertThat(projects.datasets(code)).containsExactly("customers");
        assertThat(scalars("select count(*) from legacy_system where project_code = ?"))
                .containsExactly("0");
    }

    @Test
    void sendingThePlanBackNeedsAComment() {
        ProcessInstance pi = start();
        complete(one(pi, DRAW_UP_PLAN), planForm(MILESTONES, RISKS));
        decideAllHighRisks(pi);
        confirmRecommendedScope(pi);
        customise(pi);
        complete(one(pi, DEFINE_INTEGRATION), integrationForm(List.of()));
        captureBaseline(pi);

        assertThatThrownBy(() -> complete(one(pi, REVIEW_PLAN), withVariables("planApproved", "no")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Steering committee comment");
        assertThatThrownBy(() -> complete(one(pi, REVIEW_PLAN), withVariables("planApproved", "later")))
                .hasMessageContaining("Approve the plan");

        assertThat(pi).isWaitingAt(REVIEW_PLAN);
        assertThat(decisions.latest(code, PlanReview.DECISION)).isEmpty();
    }

    // the PMO records today's figures for the post-implementation review
    void captureBaseline(ProcessInstance pi) {
        Task baseline = one(pi, CAPTURE_BASELINE);
        assertThat(baseline).hasCandidateGroup(Roles.PMO);
        complete(
                baseline,
                withVariables(
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
}
