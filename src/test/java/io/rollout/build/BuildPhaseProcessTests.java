package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.DepartmentOwners;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.DeployedForms;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class BuildPhaseProcessTests {

    static final String PROCESS = "buildPhase";
    static final String PLAN = "UserTask_PlanIteration";
    static final String CONFIGURE = "UserTask_ConfigureModule";
    static final String RECORD_BASELINE = "UserTask_RecordVendorBaseline";
    static final String PROPOSE = "UserTask_ProposeCustomisations";
    static final String APPROVE = "UserTask_ApproveCustomisations";
    static final String DEVELOP = "UserTask_DevelopCustomisations";
    static final String DEMO = "UserTask_DemoModule";
    static final String ACCEPT = "UserTask_AcceptModule";
    static final String ALL_ACCEPTED = "EndEvent_ModulesBuilt";
    static final String PROCUREMENT = "procurement";
    static final String INVENTORY = "inventory";
    static final String WAREHOUSE = "warehouse";
    static final String PROCUREMENT_OWNER = "buildownerprocurement";
    static final String WAREHOUSE_OWNER = "buildownerwarehouse";

    @Autowired
    ProcessEngine engine;

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
    DepartmentOwners owners;

    @Autowired
    BuildStatus status;

    @Autowired
    JdbcClient jdbc;

    String code;
    ProcessInstance pi;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        owner(PROCUREMENT_OWNER, PROCUREMENT);
        owner(WAREHOUSE_OWNER, WAREHOUSE);
        code = TestProjects.newCode();
        TestProjects.create(
                projects, code, List.of(PROCUREMENT, WAREHOUSE), List.of(PROCUREMENT, INVENTORY), List.of());
        requirement("REQ-P1", PROCUREMENT, "Online purchase requisition", "must", "configuration");
        requirement("REQ-P2", PROCUREMENT, "Quotation comparison record", "should", "customisation");
        requirement("REQ-P3", PROCUREMENT, "One code per supplier", "must", "standard");
        requirement("REQ-W1", WAREHOUSE, "Bin locations", "must", "configuration");
        pi = runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void twoModulesFanOutAndEachIsAcceptedByTheOwnerOfItsOwnDepartment() {
        assertThat(pi).isWaitingAt(PLAN);
        Task planProcurement = taskOf(PLAN, PROCUREMENT);
        assertThat(planProcurement).hasCandidateGroup(Roles.CONSULTANT).hasCandidateGroup(Roles.PMO);
        assertThat(planProcurement.getName()).isEqualTo("Plan iteration 1 of Procurement");
        assertThat(tasks.getVariable(planProcurement.getId(), "moduleDepartment"))
                .isEqualTo(PROCUREMENT);
        assertThat(tasks.getVariable(taskOf(PLAN, INVENTORY).getId(), "moduleDepartment"))
                .isEqualTo(WAREHOUSE);
        assertThat(JsonRows.read(tasks.getVariableLocal(planProcurement.getId(), "scopeOptions")))
                .extracting(r -> r.text("value"))
                .containsExactly("REQ-P1", "REQ-P2", "REQ-P3", "REQ-W1");
        assertThat(JsonRows.read(tasks.getVariableLocal(taskOf(PLAN, INVENTORY).getId(), "scopeOptions")))
                .extracting(r -> r.text("label"))
                .first()
                .isEqualTo("REQ-W1 Bin locations (Warehouse, priority Must)");
        assertThat(status.modulesNotAccepted(code)).containsExactly(INVENTORY, PROCUREMENT);

        buildWithoutCustomisations(PROCUREMENT, "REQ-P1");
        buildWithoutCustomisations(INVENTORY, "REQ-W1");
        Task acceptProcurement = taskOf(ACCEPT, PROCUREMENT);
        Task acceptInventory = taskOf(ACCEPT, INVENTORY);
        // other tests share the database and may add owners of their own: compare with the department's owners
        assertThat(candidateUsers(acceptProcurement))
                .containsExactlyElementsOf(owners.of(PROCUREMENT))
                .contains(PROCUREMENT_OWNER)
                .doesNotContain(WAREHOUSE_OWNER);
        assertThat(candidateUsers(acceptInventory))
                .containsExactlyElementsOf(owners.of(WAREHOUSE))
                .contains(WAREHOUSE_OWNER)
                .doesNotContain(PROCUREMENT_OWNER);
        assertThat(acceptProcurement).hasCandidateUser(PROCUREMENT_OWNER);
        assertThat(formOf(acceptProcurement)).contains("\"id\": \"acceptModule\"");
        assertThat(acceptProcurement.getName()).isEqualTo("Accept module Procurement");
        assertThat((String) tasks.getVariableLocal(acceptProcurement.getId(), "iterationSummary"))
                .contains(
                        "**Procurement, iteration 1.** Goal: Standard procurement",
                        "owning department: Procurement",
                        "This iteration configured 2 items; the module has 0 customisations.",
                        "none, the standard version is kept",
                        "Demo:",
                        "Upgrade risk:** 0 %");
        assertThat(rows(tasks.getVariableLocal(acceptProcurement.getId(), BuildSummaries.SCOPE_ROWS)))
                .containsExactly(
                        Map.of("requirement", "REQ-P1", "title", "Online purchase requisition", "priority", "must"));
        assertThat(rows(tasks.getVariableLocal(acceptProcurement.getId(), BuildSummaries.ITEM_ROWS)))
                .extracting(r -> r.get("type") + ": " + r.get("what") + " / " + r.get("detail"))
                .containsExactly(
                        "Approval flow: purchase requisition / head > director", "Permission: buyer / create orders");

        complete(acceptProcurement, withVariables("moduleAccepted", "yes"));
        assertThat(status.modulesNotAccepted(code)).containsExactly(INVENTORY);
        complete(acceptInventory, withVariables("moduleAccepted", "yes"));

        assertThat(pi).hasPassed(ALL_ACCEPTED).isEnded();
        assertThat(status.modulesNotAccepted(code)).isEmpty();
        assertThat(jdbc.sql(
                                "select module, owning_department from project_module where project_code = ? order by module")
                        .param(code)
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2))
                        .list())
                .containsExactly("inventory=warehouse", "procurement=procurement");
        assertThat(jdbc.sql("select count(*) from build_iteration where project_code = ? and ended_at is not null"
                                + " and demo_feedback is not null")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select requirement_id from iteration_requirement where project_code = ? order by 1")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("REQ-P1", "REQ-W1");
        assertThat(decisions.forProject(code))
                .extracting(Decision::decision, Decision::subject, Decision::outcome)
                .containsExactly(
                        tuple(ModuleAcceptance.DECISION, "module procurement iteration 1", "accepted"),
                        tuple(ModuleAcceptance.DECISION, "module inventory iteration 1", "accepted"));
        assertThat(decisions
                        .latest(code, ModuleAcceptance.DECISION)
                        .orElseThrow()
                        .inputs())
                .contains("department=warehouse", "configurationItems=2", "upgradeRisk=0% (0/1 requirements)");
    }

    @Test
    void aRejectedModuleGoesIntoTheNextIterationWithTheReasonShownInThePlan() {
        buildWithoutCustomisations(PROCUREMENT, "REQ-P1");
        complete(
                taskOf(ACCEPT, PROCUREMENT),
                withVariables("moduleAccepted", "no", "acceptanceComment", "Three-way match is missing"));

        Task next = taskOf(PLAN, PROCUREMENT);
        assertThat(next).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(tasks.getVariableLocal(next.getId(), "iterationNumber")).isEqualTo(2);
        assertThat((String) tasks.getVariableLocal(next.getId(), "rejectionReasons"))
                .isEqualTo("**Iteration 1 was not accepted** by unknown: Three-way match is missing");
        assertThat(tasks.getVariableLocal(taskOf(PLAN, INVENTORY).getId(), "rejectionReasons"))
                .isNull();
        assertThat(formOf(next)).contains("{{rejectionReasons}}");
        assertThat(decisions.latest(code, ModuleAcceptance.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("rejected");
            assertThat(d.subject()).isEqualTo("module procurement iteration 1");
            assertThat(d.findings()).containsExactly("Three-way match is missing");
        });
        assertThat(status.modulesNotAccepted(code)).containsExactly(INVENTORY, PROCUREMENT);

        plan(PROCUREMENT, "Three-way match", "no", "REQ-P1");
        Task configure = taskOf(CONFIGURE, PROCUREMENT);
        assertThat(JsonRows.read(tasks.getVariable(configure.getId(), "configurationItems")))
                .singleElement()
                .satisfies(row -> assertThat(row.isBlank()).isTrue());
        assertThat((String) tasks.getVariableLocal(configure.getId(), "iterationPlan"))
                .contains("iteration 2", "Three-way match");
        complete(
                configure,
                withVariables(
                        "configurationItems",
                        JsonRows.of(List.of(Map.of(
                                "type",
                                "other",
                                "description",
                                "Three-way match tolerance 2 %",
                                "requirementId",
                                "REQ-P1")))));
        demo(PROCUREMENT);
        Task accept = taskOf(ACCEPT, PROCUREMENT);
        assertThat((String) tasks.getVariableLocal(accept.getId(), "iterationSummary"))
                .contains("iteration 2");
        assertThat(rows(tasks.getVariableLocal(accept.getId(), BuildSummaries.ITEM_ROWS)))
                .extracting(r -> r.get("type") + ": " + r.get("what"))
                .containsExactly("Other: Three-way match tolerance 2 %");
        complete(accept, withVariables("moduleAccepted", "yes"));
        buildWithoutCustomisations(INVENTORY, "REQ-W1");
        complete(taskOf(ACCEPT, INVENTORY), withVariables("moduleAccepted", "yes"));

        assertThat(pi).hasPassed(ALL_ACCEPTED).isEnded();
        assertThat(jdbc.sql(
                                "select accepted, comment, iteration from module_acceptance where project_code = ? and module = ?"
                                        + " order by id")
                        .params(code, PROCUREMENT)
                        .query((rs, n) -> rs.getBoolean(1) + "|" + rs.getString(2) + "|" + rs.getInt(3))
                        .list())
                .containsExactly("false|Three-way match is missing|1", "true|null|2");
        assertThat(status.modulesNotAccepted(code)).isEmpty();
    }

    @Test
    void customisationsNeedTheVendorBaselineFirstAndAreApprovedOrRejectedWithAReason() {
        plan(PROCUREMENT, "Quotation comparison", "yes", "REQ-P1", "REQ-P2");
        complete(taskOf(CONFIGURE, PROCUREMENT), withVariables("configurationItems", JsonRows.of(List.of())));

        Task baseline = taskOf(RECORD_BASELINE, PROCUREMENT);
        assertThat(baseline).hasCandidateGroup(Roles.CONSULTANT).hasCandidateGroup(Roles.IT_OPERATIONS);
        complete(
                baseline,
                withVariables(
                        "baselineProduct",
                        "Kingdee K/3 Cloud",
                        "baselineVersion",
                        "8.1.0",
                        "baselineDate",
                        "2026-01-15",
                        "baselineBackup",
                        "\\\\nas01\\erp\\baseline-8.1.0"));
        assertThat(decisions.latest(code, VendorBaselineRecording.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.subject()).isEqualTo("module procurement");
            assertThat(d.inputs()).contains("version=8.1.0", "date=2026-01-15", "backup=\\\\nas01");
        });

        Task propose = taskOf(PROPOSE, PROCUREMENT);
        assertThat(propose).hasCandidateGroup(Roles.DEVELOPER);
        complete(
                propose,
                withVariables(
                        "customisations",
                        JsonRows.of(List.of(
                                customisation("report", "Quotation comparison report", 3, "REQ-P2"),
                                customisation("interface", "Supplier portal", 15, "REQ-P1")))));

        Task pmo = approvalOf(Roles.PMO);
        Task steering = approvalOf(Roles.STEERING_COMMITTEE);
        assertThat(pmo).hasCandidateGroup(Roles.PMO);
        assertThat(steering).hasCandidateGroup(Roles.STEERING_COMMITTEE);
        assertThat(pmo.getName()).isEqualTo("PMO: approve customisations for Procurement");
        assertThat(steering.getName()).isEqualTo("Steering committee: approve customisations for Procurement");
        List<Map<String, Object>> pmoRows = rows(tasks.getVariableLocal(pmo.getId(), CustomisationApproval.ROWS));
        assertThat(pmoRows).extracting(r -> r.get("description")).containsExactly("Quotation comparison report");
        List<Map<String, Object>> steeringRows =
                rows(tasks.getVariableLocal(steering.getId(), CustomisationApproval.ROWS));
        assertThat(steeringRows).extracting(r -> r.get("description")).containsExactly("Supplier portal");

        pmoRows.get(0).putAll(Map.of("decision", "approved", "reason", "Audit needs the comparison"));
        complete(pmo, withVariables(CustomisationApproval.ROWS, JsonRows.of(pmoRows)));
        steeringRows.get(0).putAll(Map.of("decision", "rejected", "reason", "Use the vendor's portal"));
        complete(steering, withVariables(CustomisationApproval.ROWS, JsonRows.of(steeringRows)));
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals(CustomisationApproval.DECISION))
                .extracting(Decision::outcome, d -> d.findings().get(0))
                .containsExactly(
                        tuple("approved", "Audit needs the comparison"), tuple("rejected", "Use the vendor's portal"));

        Task develop = taskOf(DEVELOP, PROCUREMENT);
        assertThat(develop).hasCandidateGroup(Roles.DEVELOPER);
        List<Map<String, Object>> developments =
                rows(tasks.getVariableLocal(develop.getId(), CustomisationDevelopment.ROWS));
        assertThat(developments).extracting(r -> r.get("description")).containsExactly("Quotation comparison report");
        List<Map<String, Object>> withRejected = new ArrayList<>(developments);
        withRejected.add(new LinkedHashMap<>(Map.of(
                "customisationId",
                steeringRows.get(0).get("customisationId"),
                "developed",
                true,
                "deliveryNote",
                "git: portal")));
        assertThatThrownBy(() ->
                        complete(develop, withVariables(CustomisationDevelopment.ROWS, JsonRows.of(withRejected))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 2: customisation "
                        + steeringRows.get(0).get("customisationId") + " is not approved, so it may not be developed.");
        assertThat(statuses()).containsExactly("approved", "rejected");

        developments.get(0).putAll(Map.of("developed", true, "deliveryNote", "git: erp-ext/quotation-report"));
        complete(develop, withVariables(CustomisationDevelopment.ROWS, JsonRows.of(developments)));
        assertThat(statuses()).containsExactly("developed", "rejected");
        demo(PROCUREMENT);
        Task accept = taskOf(ACCEPT, PROCUREMENT);
        assertThat((String) tasks.getVariableLocal(accept.getId(), "iterationSummary"))
                .contains(
                        "the module has 2 customisations",
                        "Upgrade risk:** 33 % of the module requirements (1 of 3)",
                        "3 days of customisation effort");
        assertThat(rows(tasks.getVariableLocal(accept.getId(), BuildSummaries.CUSTOMISATION_ROWS)))
                .extracting(
                        r -> r.get("kind") + " " + r.get("description") + ": " + r.get("status") + ", " + r.get("note"))
                .containsExactly(
                        "Report Quotation comparison report: developed in iteration 1, git: erp-ext/quotation-report",
                        "Interface Supplier portal: rejected in iteration 1, Use the vendor's portal");
        complete(accept, withVariables("moduleAccepted", "no", "acceptanceComment", "Report layout"));
        assertThat(decisions
                        .latest(code, ModuleAcceptance.DECISION)
                        .orElseThrow()
                        .inputs())
                .contains(
                        "customisations=1 developed of 2",
                        "upgradeRisk=33% (1/3 requirements), customisationEffortDays=3");

        // iteration 2: the baseline exists, so customising starts at once; a rejected proposal skips development
        plan(PROCUREMENT, "Report layout", "yes", "REQ-P2");
        complete(taskOf(CONFIGURE, PROCUREMENT), withVariables("configurationItems", JsonRows.of(List.of())));
        complete(
                taskOf(PROPOSE, PROCUREMENT),
                withVariables(
                        "customisations", JsonRows.of(List.of(customisation("script", "Layout fix-up", 1, "REQ-P2")))));
        Task secondPmo = approvalOf(Roles.PMO);
        List<Map<String, Object>> secondRows =
                rows(tasks.getVariableLocal(secondPmo.getId(), CustomisationApproval.ROWS));
        secondRows.get(0).putAll(Map.of("decision", "rejected", "reason", "Configure the print template instead"));
        complete(secondPmo, withVariables(CustomisationApproval.ROWS, JsonRows.of(secondRows)));
        assertThat(taskOf(DEMO, PROCUREMENT)).isNotNull();
        assertThat(jdbc.sql("select count(*) from vendor_baseline where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(historyCount(RECORD_BASELINE)).isEqualTo(1);
        assertThat(historyCount(DEVELOP)).isEqualTo(1);
    }

    @Test
    void customisingIsRefusedWithoutAVendorBaseline() {
        plan(PROCUREMENT, "Standard first", "no", "REQ-P1");
        runtime.createProcessInstanceModification(pi.getId())
                .startBeforeActivity(PROPOSE, moduleScope(CONFIGURE, PROCUREMENT))
                .execute();

        assertThatThrownBy(() -> complete(
                        taskOf(PROPOSE, PROCUREMENT),
                        withVariables(
                                "customisations",
                                JsonRows.of(List.of(customisation("plugin", "Extra field", 2, "REQ-P2"))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Record the vendor baseline (standard version and backup) of module Procurement"
                        + " before customising it.");
        assertThat(count("customisation", PROCUREMENT)).isZero();
    }

    @Test
    void thePlanMayNameAnotherOwningDepartmentWhoseOwnerThenAccepts() {
        Task plan = taskOf(PLAN, PROCUREMENT);
        assertThat(formOf(plan)).contains("\"id\": \"planIteration\"");
        complete(
                plan,
                withVariables(
                        "iterationGoal",
                        "Goods receipt",
                        "moduleDepartment",
                        WAREHOUSE,
                        "scope",
                        JsonRows.ofStrings(List.of("REQ-W1")),
                        "plannedStart",
                        "2026-05-04",
                        "plannedEnd",
                        "2026-05-08",
                        "customisationsPlanned",
                        "no"));
        complete(
                taskOf(CONFIGURE, PROCUREMENT),
                withVariables(
                        "configurationItems",
                        JsonRows.of(List.of(
                                Map.of("type", "other", "description", "Receiving bins", "requirementId", "REQ-W1")))));
        demo(PROCUREMENT);

        assertThat(candidateUsers(taskOf(ACCEPT, PROCUREMENT)))
                .containsExactlyElementsOf(owners.of(WAREHOUSE))
                .contains(WAREHOUSE_OWNER)
                .doesNotContain(PROCUREMENT_OWNER);
        assertThat(jdbc.sql("select owning_department from project_module where project_code = ? and module = ?")
                        .params(code, PROCUREMENT)
                        .query(String.class)
                        .single())
                .isEqualTo(WAREHOUSE);
    }

    @Test
    void proposingNoCustomisationAfterAllGoesStraightToTheDemo() {
        plan(PROCUREMENT, "Maybe a plugin", "yes", "REQ-P2");
        complete(taskOf(CONFIGURE, PROCUREMENT), withVariables("configurationItems", JsonRows.of(List.of())));
        complete(
                taskOf(RECORD_BASELINE, PROCUREMENT),
                withVariables(
                        "baselineProduct",
                        "ERP",
                        "baselineVersion",
                        "8.1",
                        "baselineDate",
                        "2026-01-15",
                        "baselineBackup",
                        "OPS-1"));
        complete(taskOf(PROPOSE, PROCUREMENT), withVariables("customisations", JsonRows.of(List.of())));

        assertThat(taskOf(DEMO, PROCUREMENT)).isNotNull();
        assertThat(historyCount(APPROVE)).isZero();
        assertThat(count("customisation", PROCUREMENT)).isZero();
    }

    @Test
    void badSubmissionsAreRefusedWithEveryReasonAndStoreNothing() {
        assertThatThrownBy(() -> complete(
                        taskOf(PLAN, PROCUREMENT),
                        withVariables(
                                "iterationGoal",
                                "Goal",
                                "scope",
                                JsonRows.ofStrings(List.of("REQ-W1")),
                                "plannedStart",
                                "2026-05-15",
                                "plannedEnd",
                                "2026-05-04",
                                "customisationsPlanned",
                                "no")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The requirement REQ-W1 belongs to the department warehouse, not to the owning"
                        + " department procurement of this module.")
                .hasMessageContaining("The planned end 2026-05-04 is before the planned start 2026-05-15.");
        assertThat(count("build_iteration", PROCUREMENT)).isZero();
        assertThat(count("iteration_requirement", PROCUREMENT)).isZero();

        plan(PROCUREMENT, "Goal", "no", "REQ-P1");
        assertThatThrownBy(() -> complete(
                        taskOf(CONFIGURE, PROCUREMENT),
                        withVariables(
                                "configurationItems",
                                JsonRows.of(List.of(
                                        Map.of(
                                                "type",
                                                "field-mapping",
                                                "sourceField",
                                                "LIFNR",
                                                "requirementId",
                                                "REQ-404"),
                                        Map.of(
                                                "type",
                                                "permission",
                                                "role",
                                                "buyer",
                                                "function",
                                                "order",
                                                "requirementId",
                                                "REQ-P1"))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: the field \"Target field\" is required.")
                .hasMessageContaining("Row 1: the requirement id \"REQ-404\" is not in the requirements specification");
        assertThat(count("configuration_item", PROCUREMENT)).isZero();

        complete(
                taskOf(CONFIGURE, PROCUREMENT),
                withVariables(
                        "configurationItems",
                        JsonRows.of(List.of(Map.of(
                                "type",
                                "permission",
                                "role",
                                "buyer",
                                "function",
                                "order",
                                "requirementId",
                                "REQ-P1")))));
        assertThatThrownBy(() -> complete(taskOf(DEMO, PROCUREMENT), withVariables("demoShown", "Requisitions")))
                .hasMessageContaining("The field \"Attendees\" is required.");
        demo(PROCUREMENT);
        assertThatThrownBy(() -> complete(taskOf(ACCEPT, PROCUREMENT), withVariables("moduleAccepted", "no")))
                .hasMessageContaining("why the module is not accepted");
        assertThat(count("module_acceptance", PROCUREMENT)).isZero();
        assertThat(decisions.forProject(code)).isEmpty();
        assertThat(taskOf(ACCEPT, PROCUREMENT)).isNotNull();
    }

    @Test
    void anApproverMustDecideEveryProposalWithAReason() {
        jdbc.sql("""
                insert into vendor_baseline (project_code, module, product, version, baseline_date, backup_location,
                                             recorded_by, recorded_at)
                values (?, ?, 'ERP', '8.1', ?, 'OPS-1', 'test', ?)""")
                .params(code, PROCUREMENT, java.sql.Date.valueOf("2026-01-01"), Timestamp.from(Instant.now()))
                .update();
        plan(PROCUREMENT, "Goal", "yes", "REQ-P2");
        complete(taskOf(CONFIGURE, PROCUREMENT), withVariables("configurationItems", JsonRows.of(List.of())));
        complete(
                taskOf(PROPOSE, PROCUREMENT),
                withVariables(
                        "customisations",
                        JsonRows.of(List.of(
                                customisation("plugin", "A", 1, "REQ-P2"),
                                customisation("plugin", "B", 2, "REQ-P2")))));

        Task pmo = approvalOf(Roles.PMO);
        List<Map<String, Object>> rows = rows(tasks.getVariableLocal(pmo.getId(), CustomisationApproval.ROWS));
        rows.get(0).put("decision", "approved");
        assertThatThrownBy(() ->
                        complete(pmo, withVariables(CustomisationApproval.ROWS, JsonRows.of(rows.subList(0, 1)))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: the field \"Reason\" is required.")
                .hasMessageContaining(
                        "Customisation " + rows.get(1).get("customisationId") + " (B) has no decision yet.");
        assertThat(statuses()).containsExactly("proposed", "proposed");
        assertThat(decisions.forProject(code)).isEmpty();
    }

    @Test
    void demoAttendeesArePickedFromTheKeyUsersAndOwnersOfTheOwningDepartment() {
        TestUsers.ensure(
                identity,
                "buildkeyuserprocurement",
                "build-Secret-2026",
                Roles.KEY_USER,
                Roles.departmentGroup(PROCUREMENT));
        TestUsers.ensure(
                identity,
                "buildkeyuserwarehouse",
                "build-Secret-2026",
                Roles.KEY_USER,
                Roles.departmentGroup(WAREHOUSE));
        plan(PROCUREMENT, "Requisitions", "no", "REQ-P1");
        complete(
                taskOf(CONFIGURE, PROCUREMENT),
                withVariables(
                        "configurationItems",
                        JsonRows.of(List.of(Map.of(
                                "type",
                                "permission",
                                "subject",
                                "buyer",
                                "detail",
                                "create orders",
                                "requirementId",
                                "REQ-P1")))));
        Task demo = taskOf(DEMO, PROCUREMENT);
        assertThat(demo.getName()).isEqualTo("Demo Procurement to its key users");
        assertThat(JsonRows.read(tasks.getVariableLocal(demo.getId(), "attendeeOptions")))
                .extracting(r -> r.text("value"))
                .contains("buildkeyuserprocurement", PROCUREMENT_OWNER)
                .doesNotContain("buildkeyuserwarehouse", WAREHOUSE_OWNER);

        assertThatThrownBy(() -> complete(
                        demo,
                        withVariables(
                                "demoShown",
                                "Requisitions",
                                "demoFeedback",
                                "Fine",
                                "demoAttendees",
                                JsonRows.ofStrings(List.of("buildkeyuserprocurement", "buildkeyuserwarehouse")))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("\"buildkeyuserwarehouse\" is not a key user or business owner of Procurement");
        complete(
                demo,
                withVariables(
                        "demoShown",
                        "Requisitions",
                        "demoFeedback",
                        "Fine",
                        "demoAttendees",
                        JsonRows.ofStrings(List.of("buildkeyuserprocurement", PROCUREMENT_OWNER)),
                        "demoOtherAttendees",
                        "Kingdee consultant"));

        assertThat(jdbc.sql("select demo_attendees from build_iteration where project_code = ? and module = ?")
                        .params(code, PROCUREMENT)
                        .query(String.class)
                        .single())
                .isEqualTo("buildkeyuserprocurement Test, buildownerprocurement Test, Kingdee consultant");
        assertThat(rows(tasks.getVariableLocal(taskOf(ACCEPT, PROCUREMENT).getId(), BuildSummaries.ITEM_ROWS)))
                .containsExactly(Map.of(
                        "type",
                        "Permission",
                        "requirement",
                        "REQ-P1",
                        "what",
                        "buyer",
                        "detail",
                        "create orders",
                        "note",
                        ""));
    }

    @Test
    void theListsOfTheFormsAreNeverVariablesWithoutAType() {
        // Tasklist submits a list with the type of the variable it replaces: a Null-typed one refused the list
        // ("Cannot convert value '[...]' of type 'Null'"), in the first iteration and after every rejection
        assertListsReady(taskOf(PLAN, PROCUREMENT), "scope");
        plan(PROCUREMENT, "Quotations", "yes", "REQ-P2");
        assertListsReady(taskOf(CONFIGURE, PROCUREMENT), "configurationItems");
        complete(taskOf(CONFIGURE, PROCUREMENT), withVariables("configurationItems", JsonRows.of(List.of())));
        complete(
                taskOf(RECORD_BASELINE, PROCUREMENT),
                withVariables(
                        "baselineProduct",
                        "ERP",
                        "baselineVersion",
                        "8.1",
                        "baselineDate",
                        "2026-01-15",
                        "baselineBackup",
                        "OPS-1"));
        assertListsReady(taskOf(PROPOSE, PROCUREMENT), "customisations");
        complete(taskOf(PROPOSE, PROCUREMENT), withVariables("customisations", JsonRows.of(List.of())));
        assertListsReady(taskOf(DEMO, PROCUREMENT), "demoAttendees");
        demo(PROCUREMENT);
        complete(taskOf(ACCEPT, PROCUREMENT), withVariables("moduleAccepted", "no", "acceptanceComment", "More"));

        assertListsReady(taskOf(PLAN, PROCUREMENT), "scope");
        plan(PROCUREMENT, "More", "yes", "REQ-P2");
        assertListsReady(taskOf(CONFIGURE, PROCUREMENT), "configurationItems");
        complete(taskOf(CONFIGURE, PROCUREMENT), withVariables("configurationItems", JsonRows.of(List.of())));
        assertListsReady(taskOf(PROPOSE, PROCUREMENT), "customisations");
    }

    // --- the forms, as Tasklist submits them ---------------------------------------------------------

    void plan(String module, String goal, String customisations, String... scope) {
        complete(
                taskOf(PLAN, module),
                withVariables(
                        "iterationGoal",
                        goal,
                        "scope",
                        JsonRows.ofStrings(List.of(scope)),
                        "plannedStart",
                        "2026-05-04",
                        "plannedEnd",
                        "2026-05-15",
                        "customisationsPlanned",
                        customisations));
    }

    void buildWithoutCustomisations(String module, String requirement) {
        plan(module, "Standard " + module, "no", requirement);
        Task configure = taskOf(CONFIGURE, module);
        assertThat(configure).hasCandidateGroup(Roles.CONSULTANT);
        complete(
                configure,
                withVariables(
                        "configurationItems",
                        JsonRows.of(List.of(
                                Map.of(
                                        "type",
                                        "approval-flow",
                                        "documentType",
                                        "purchase requisition",
                                        "steps",
                                        "head > director",
                                        "requirementId",
                                        requirement),
                                Map.of(
                                        "type",
                                        "permission",
                                        "role",
                                        "buyer",
                                        "function",
                                        "create orders",
                                        "requirementId",
                                        requirement)))));
        demo(module);
    }

    void demo(String module) {
        Task demo = taskOf(DEMO, module);
        assertThat(demo).hasCandidateGroup(Roles.CONSULTANT);
        complete(
                demo,
                withVariables(
                        "demoShown",
                        "Requisition to order",
                        "demoOtherAttendees",
                        "Key users of the module",
                        "demoFeedback",
                        "Works as agreed"));
    }

    static Map<String, Object> customisation(String kind, String description, int days, String requirement) {
        return Map.of(
                "kind",
                kind,
                "description",
                description,
                "justification",
                "Not in the standard version",
                "effortDays",
                days,
                "requirementId",
                requirement);
    }

    /** Each list variable the task's form edits is either not there yet (Tasklist then sends Json) or Json. */
    void assertListsReady(Task task, String... lists) {
        VariableMap form = engine.getFormService().getTaskFormVariables(task.getId());
        for (String name : lists) {
            TypedValue value = form.getValueTyped(name);
            assertThat(value == null ? "absent" : value.getType().getName())
                    .as("type of %s in %s", name, task.getName())
                    .isIn("absent", "json");
        }
    }

    // --- lookups -------------------------------------------------------------------------------------

    Task taskOf(String activity, String module) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).list().stream()
                .filter(t -> module.equals(tasks.getVariable(t.getId(), "module")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task " + activity + " for " + module));
    }

    Task approvalOf(String board) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(APPROVE).list().stream()
                .filter(t -> board.equals(tasks.getVariable(t.getId(), "approvalBoard")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no approval task for " + board));
    }

    /** The sub-process instance of one module, found through one of its open activities. */
    String moduleScope(String activity, String module) {
        for (ActivityInstance instance : runtime.getActivityInstance(pi.getId()).getActivityInstances(activity)) {
            if (module.equals(runtime.getVariable(instance.getExecutionIds()[0], "module"))) {
                return instance.getParentActivityInstanceId();
            }
        }
        throw new AssertionError("no " + activity + " for " + module);
    }

    List<String> candidateUsers(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getUserId)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
    }

    List<String> statuses() {
        return jdbc.sql("select status from customisation where project_code = ? order by id")
                .param(code)
                .query(String.class)
                .list();
    }

    long historyCount(String activity) {
        return engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activity)
                .count();
    }

    int count(String table, String module) {
        return jdbc.sql("select count(*) from " + table + " where project_code = ? and module = ?")
                .params(code, module)
                .query(Integer.class)
                .single();
    }

    static List<Map<String, Object>> rows(Object json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FormRow row : JsonRows.read(json)) {
            rows.add(new LinkedHashMap<>(row.values()));
        }
        return rows;
    }

    void requirement(String id, String department, String title, String priority, String solutionMatch) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, solution_match, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(code, id, department, title, priority, solutionMatch, Timestamp.from(Instant.now()))
                .update();
    }

    void owner(String userId, String department) {
        TestUsers.ensure(
                identity, userId, "build-Secret-2026", Roles.BUSINESS_OWNER, Roles.departmentGroup(department));
    }

    String formOf(Task task) {
        return DeployedForms.of(engine.getFormService(), task);
    }
}
