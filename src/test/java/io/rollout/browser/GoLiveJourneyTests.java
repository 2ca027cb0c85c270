package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.browser.GoLiveSteps.Step;
import io.rollout.browser.GoLiveSteps.Wave;
import io.rollout.build.ModuleAcceptances;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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
 * Go-live and cutover of the ERP case's first phase (procurement and warehouse) done in the real Tasklist: the PMO
 * plans the cutover in waves, picking owners and on-call staff by name; the steering committee decides on the
 * readiness facts; IT operations rehearse and cut over wave by wave; the business owners review each wave. A
 * critical incident rolls a wave back and the plan comes round again; a dual run is reconciled day by day. The
 * earlier phases' results (gates passed, modules accepted, data signed off) are set up in the tables, as the
 * phases store them; every go-live task is done in the browser by the user it is for.
 */
@WebTest
class GoLiveJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    // the people of the ERP case, with logins of their own for this test
    static final String PMO = "glzhangwei";
    static final String STEERING = "glhuangjun";
    static final String OPERATIONS = "glxuhao";
    static final String STEWARD = "glzhouxin";
    static final String PROCUREMENT_OWNER = "glliuyang";
    static final String WAREHOUSE_OWNER = "glchenjing";
    static final String WAREHOUSE_KEY_USER = "glsunli";
    static final String TRAINER = "glwuting";
    static final String XU = "Hao Xu (" + OPERATIONS + ")";
    static final String ZHOU = "Xin Zhou (" + STEWARD + ")";
    static final String LIU = "Yang Liu (" + PROCUREMENT_OWNER + ")";
    static final String ZHANG = "Wei Zhang (" + PMO + ")";
    static final String SUN = "Li Sun (" + WAREHOUSE_KEY_USER + ")";

    /** A page of a task stays within a few screens at this size (Tasklist's form pane, pixels). */
    static final int FEW_SCREENS = 3000;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    DecisionLog decisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    String code;
    ProcessInstance goLive;

    @BeforeEach
    void theErpCasePhaseOneReadyForGoLive() {
        person(PMO, "Wei", "Zhang", Roles.PMO);
        person(STEERING, "Jun", "Huang", Roles.STEERING_COMMITTEE);
        person(OPERATIONS, "Hao", "Xu", Roles.IT_OPERATIONS);
        person(STEWARD, "Xin", "Zhou", Roles.DATA_STEWARD);
        person(PROCUREMENT_OWNER, "Yang", "Liu", Roles.BUSINESS_OWNER, Roles.departmentGroup("procurement"));
        person(WAREHOUSE_OWNER, "Jing", "Chen", Roles.BUSINESS_OWNER, Roles.departmentGroup("warehouse"));
        person(WAREHOUSE_KEY_USER, "Li", "Sun", Roles.KEY_USER, Roles.departmentGroup("warehouse"));
        person(TRAINER, "Ting", "Wu", Roles.TRAINER);
        code = TestProjects.newCode();
        TestProjects.create(
                projects,
                code,
                List.of("procurement", "warehouse"),
                List.of("procurement", "inventory"),
                List.of("materials"));
        for (String gate : List.of("uatGate", "trainingCompletionCheck", "requirementSignOff")) {
            record(gate, null, "passed");
        }
        // the acceptances as the build phase stores them, and its audit records of them
        ModuleAcceptances.decide(jdbc, code, "procurement", 1, true);
        ModuleAcceptances.decide(jdbc, code, "inventory", 2, true);
        record("moduleAcceptance", "module procurement iteration 1", "accepted");
        record("moduleAcceptance", "module inventory iteration 2", "accepted");
        signedOff("materials");
        goLive = runtime.startProcessInstanceByKey("goLive", code, Map.of("projectCode", code));
    }

    @Test
    void pmoPlansWavesTheCommitteeDecidesOperationsCutOverAndTheOwnerReviewsEachWave() {
        jdbc.sql("""
                insert into risk (project_code, title, probability, impact, score, owner, status)
                values (?, 'Only one key user in the warehouse', 4, 4, 16, ?, 'open')""").params(code, WAREHOUSE_OWNER).update();
        // readiness is assessed after the plan: the PMO plans first
        Task plan = task("UserTask_PlanCutover");
        assertThat(plan.getName()).isEqualTo("Plan the cutover of " + code);
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.PMO_FILTER, plan)
                .select("Field_CutoverStrategy", null, "Waves by department (gray release)");
        // the form says who may own a step or be on call, and offers exactly those people, by name
        assertThat(tasklist.formText())
                .contains(
                        "Owners are IT operations, data stewards, developers, consultants "
                                + "and the PMO, and the key users and business owners of the project's departments",
                        "On call for a wave are IT operations (at least one, who can roll the wave back) and the key users and "
                                + "business owners of the wave's own departments",
                        "Procurement, Warehouse");
        assertThat(tasklist.options("Field_StepOwner", 0))
                .contains(
                        XU + " · IT operations",
                        ZHOU + " · data steward",
                        ZHANG + " · PMO",
                        LIU + " · business owner, Procurement",
                        SUN + " · key user, Warehouse")
                .noneMatch(o -> o.contains(TRAINER) || o.contains(STEERING));
        assertThat(tasklist.options("Field_WaveOnCall", 0))
                .contains(XU + " · IT operations", SUN + " · key user, Warehouse")
                .noneMatch(o -> o.contains(STEWARD) || o.contains(PMO));

        // the warehouse key user is offered, but cannot be on call for the procurement wave: the form says why
        List<Wave> waves = List.of(
                new Wave(List.of("Procurement"), 3, List.of(XU, SUN)), new Wave(List.of("Warehouse"), 5, List.of(XU)));
        List<Step> runbook = List.of(
                new Step(1, "Freeze master data changes in the legacy system", ZHOU, 30, ""),
                new Step(2, "Load open purchase orders and stock on hand", XU, 90, "1"),
                new Step(3, "Reconcile opening stock and open orders", ZHOU, 60, "2"),
                new Step(4, "Switch the wave's users to the new system", XU, 30, "3"),
                new Step(5, "Check the first purchase orders and goods receipts", LIU, 45, "4"),
                new Step(6, "Announce the go-live to the departments", ZHANG, 15, "4, 5"));
        Tasklist planning = tasklist;
        assertThatThrownBy(() -> GoLiveSteps.planWaves(
                        planning,
                        plan,
                        "Procurement has the fewest users; the " + "warehouse follows once purchasing is stable",
                        waves,
                        runbook))
                .hasMessageContaining(
                        "Row 1: Li Sun (" + WAREHOUSE_KEY_USER + ") cannot be on call for this wave: on call "
                                + "are IT operations and the key users and business owners of the departments of the wave (Procurement).");
        assertThat(tasklist.formHeight()).isLessThan(FEW_SCREENS);
        tasklist.dismissErrors()
                .untag("Field_WaveOnCall", 0, SUN)
                .tagContaining("Field_WaveOnCall", 1, "Li", SUN)
                .complete();

        assertThat(jdbc.sql("select wave_no || ' ' || departments || ' ' || stabilisation_days || ' ' || on_call "
                                + "from cutover_wave where project_code = ? order by wave_no")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "1 procurement 3 " + OPERATIONS, "2 warehouse 5 " + OPERATIONS + "," + WAREHOUSE_KEY_USER);
        assertThat(jdbc.sql("select step_no || ' ' || owner || ' ' || planned_minutes || ' after ' || depends_on "
                                + "from runbook_step where project_code = ? order by step_no")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "1 " + STEWARD + " 30 after ",
                        "2 " + OPERATIONS + " 90 after 1",
                        "3 " + STEWARD + " 60 after 2",
                        "4 " + OPERATIONS + " 30 after 3",
                        "5 " + PROCUREMENT_OWNER + " 45 after 4",
                        "6 " + PMO + " 15 after 4,5");

        // the steering committee sees every readiness fact with ✓ or ✗, the plan, and decides a conditional go
        Task decide = task("UserTask_DecideGoLive");
        assertThat(decide.getName()).isEqualTo("Steering committee: decide go / no-go for " + code);
        tasklist = new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.STEERING_FILTER, decide);
        assertThat(tasklist.tableRows("Table_ReadinessFacts"))
                .extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly(
                        "✓ UAT gate",
                        "✓ Training completion check",
                        "✓ Requirements sign-off",
                        "✓ Modules not accepted by their users",
                        "✓ Datasets not signed off by their data owners",
                        "✗ Open high risks (score 15 or more)",
                        "✓ Critical defects not closed");
        assertThat(tasklist.tableRows("Table_ReadinessReasons"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .startsWith("conditional go")
                        .contains("Only one key user in the warehouse (16)"));
        assertThat(tasklist.tableRows("Table_PlanWaves"))
                .containsExactly(
                        List.of("1", "Procurement", "3 days", "Hao Xu"),
                        List.of("2", "Warehouse", "5 days", "Hao Xu, Li Sun"));
        assertThat(tasklist.formText())
                .contains("Planned cutover: waves by department.", "Runbook: 6 steps, 270 minutes planned.");
        assertThat(tasklist.formHeight()).isLessThan(FEW_SCREENS);
        GoLiveSteps.decideGo(
                tasklist,
                decide,
                "Waves by department",
                "Jing Chen names a second warehouse key user before wave 2 starts",
                null,
                "Ready except the warehouse key user; procurement goes first");
        assertThat(decisions.latest(code, "goLiveDecision"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("conditional-go");

        // IT operations rehearse, then cut over wave 1 (the runbook shows each step's owner by name)
        Task rehearsal = task("UserTask_RehearseCutover");
        assertThat(rehearsal.getName()).isEqualTo("Rehearse the cutover of " + code + " (mock run)");
        tasklist = new Tasklist(chromium.driver(), port).login(OPERATIONS, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.OPERATIONS_FILTER, rehearsal);
        assertThat(tasklist.tableRows("Table_RunbookPlan"))
                .extracting(row -> row.get(0) + " " + row.get(2) + " " + row.get(4))
                .containsExactly(
                        "1 Xin Zhou ", "2 Hao Xu 1", "3 Xin Zhou 2", "4 Hao Xu 3", "5 Yang Liu 4", "6 Wei Zhang 4, 5");
        assertThat(tasklist.formHeight()).isLessThan(FEW_SCREENS);
        GoLiveSteps.runRunbookAllDone(tasklist, rehearsal, 6, 40, "Rehearsal on the staging copy: all steps done");

        Task wave1 = task("UserTask_ExecuteWaveCutover");
        assertThat(wave1.getName()).isEqualTo("Cut over wave 1: Procurement");
        GoLiveSteps.runRunbook(
                tasklist,
                wave1,
                List.of(
                        new GoLiveSteps.StepRun("Done", 25, null),
                        new GoLiveSteps.StepRun("Done", 110, "Stock import took longer: 41 materials"),
                        new GoLiveSteps.StepRun("Done", 60, null),
                        new GoLiveSteps.StepRun("Done", 20, null),
                        new GoLiveSteps.StepRun("Done", 45, null),
                        new GoLiveSteps.StepRun("Done", 10, null)),
                "Procurement works in the new system since 06:00");
        assertThat(jdbc.sql("select status from cutover_wave where project_code = ? and wave_no = 1")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("live");

        // after the stabilisation period the procurement owner reviews the wave, seeing what happened in it
        endStabilisation();
        Task review = task("UserTask_ReviewWave");
        assertThat(review.getName()).isEqualTo("Review wave 1 (Procurement)");
        tasklist = new Tasklist(chromium.driver(), port).login(PROCUREMENT_OWNER, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.FOR_ME_FILTER, review);
        assertThat(tasklist.tableRows("Table_WaveFacts"))
                .extracting(row -> row.get(0))
                .containsExactly(
                        "Departments",
                        "Cut over",
                        "Stabilisation period",
                        "On call",
                        "Critical incidents",
                        "Cutover report");
        assertThat(tasklist.tableRows("Table_WaveFacts"))
                .extracting(row -> row.get(1))
                .contains("Procurement", "3 days", "Hao Xu", "none", "Procurement works in the new system since 06:00")
                .anySatisfy(cell -> assertThat(cell).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} by Hao Xu"));
        GoLiveSteps.reviewWave(tasklist, review, true, "Orders and receipts run in the new system");

        // wave 2 starts only now, and is reviewed by the warehouse's owner
        Task wave2 = task("UserTask_ExecuteWaveCutover");
        assertThat(wave2.getName()).isEqualTo("Cut over wave 2: Warehouse");
        tasklist = new Tasklist(chromium.driver(), port).login(OPERATIONS, PASSWORD);
        GoLiveSteps.runRunbookAllDone(tasklist, wave2, 6, 35, "Warehouse switched over the weekend");
        endStabilisation();
        Task review2 = task("UserTask_ReviewWave");
        assertThat(review2.getName()).isEqualTo("Review wave 2 (Warehouse)");
        tasklist = new Tasklist(chromium.driver(), port).login(WAREHOUSE_OWNER, PASSWORD);
        GoLiveSteps.reviewWave(tasklist, review2, true, null);

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(goLive.getId())
                        .count())
                .isZero();
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals("waveReview"))
                .extracting(d -> d.subject() + " " + d.outcome() + " " + d.decidedBy())
                .containsExactly("wave 1 positive " + PROCUREMENT_OWNER, "wave 2 positive " + WAREHOUSE_OWNER);
    }

    @Test
    void aCriticalIncidentEscalatesRollsTheWaveBackAndThePlanComesRoundAgain() {
        planWavesGoAndRehearse();
        Task wave1 = task("UserTask_ExecuteWaveCutover");
        runAllDone(wave1);
        ResponseEntity<Map> reported = rest.withBasicAuth(WAREHOUSE_KEY_USER, PASSWORD)
                .postForEntity(
                        "/api/projects/" + code + "/cutover/critical-incident",
                        Map.of("title", "Goods receipts post stock twice", "module", "inventory"),
                        Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Object incident = reported.getBody().get("incidentId");

        // nobody on call decided in time: the steering committee is asked to intervene
        Task handle = task("UserTask_HandleCriticalIncident");
        assertThat(handle.getName())
                .isEqualTo("Handle critical incident #" + incident
                        + " in wave 1 (Procurement): Goods receipts post stock twice");
        Job escalation = management.createJobQuery().processInstanceId(goLive.getId()).timers().list().stream()
                .filter(j -> j.getDuedate().getTime() - System.currentTimeMillis() < 3 * 3600_000L)
                .findFirst()
                .orElseThrow();
        management.executeJob(escalation.getId());
        Task escalated = task("UserTask_EscalateCriticalIncident");
        assertThat(escalated.getName())
                .isEqualTo("Steering committee: critical incident #" + incident
                        + " in wave 1 (Procurement) not handled in time");
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.STEERING_FILTER, escalated);
        assertThat(tasklist.formText())
                .contains(
                        "Goods receipts post stock twice",
                        "wave 1 (Procurement)",
                        "The on-call team (Hao Xu) has not decided within 120 minutes.",
                        "Critical incident #" + incident + " not handled in time")
                .as("the form it shares with hypercare")
                .doesNotContain("SLA breached");
        GoLiveSteps.interveneInCriticalIncident(tasklist, escalated, "Called Hao Xu: roll the wave back tonight");

        // the on-call team rolls the wave back; IT operations do it, seeing what goes back and what stays live
        tasklist = new Tasklist(chromium.driver(), port).login(OPERATIONS, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.FOR_ME_FILTER, handle);
        assertThat(tasklist.formText()).contains("During wave 1 (Procurement)", "On call: Hao Xu.");
        GoLiveSteps.handleCriticalIncident(tasklist, handle, false, "Receipts double-post stock; the fix needs a day");
        Task rollback = task("UserTask_RollBackWaveAfterIncident");
        assertThat(rollback.getName()).isEqualTo("Roll back wave 1 (Procurement) after critical incident #" + incident);
        GoLiveSteps.claim(tasklist, GoLiveSteps.OPERATIONS_FILTER, rollback);
        assertThat(tasklist.formText())
                .contains("wave 1 (Procurement) goes back to the legacy system. Waves that stay live: none.");
        GoLiveSteps.rollBack(
                tasklist, rollback, "Procurement back on the legacy system at 22:00; 12 receipts re-entered");
        assertThat(jdbc.sql("select status from cutover_wave where project_code = ? and wave_no = 1")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("rolled-back");

        // the PMO sees what happened since the plan, resolves it, and plans again as before
        Task resolve = task("UserTask_ResolveReadinessIssues");
        assertThat(resolve.getName()).isEqualTo("Resolve the go-live issues of " + code);
        tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.PMO_FILTER, resolve);
        assertThat(tasklist.tableRows("Table_IssueHistory"))
                .extracting(row -> row.get(1) + ": " + row.get(3))
                .containsExactly(
                        "Cutover plan: waves",
                        "Readiness assessment: go",
                        "Go / no-go: go",
                        "Rehearsal: succeeded",
                        "Cutover: succeeded",
                        "Critical incident: negative",
                        "Rollback: rolled-back");
        assertThat(tasklist.tableRows("Table_IssueHistory"))
                .filteredOn(row -> row.get(1).equals("Critical incident"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(4)).isEqualTo("Hao Xu"));
        GoLiveSteps.resolveIssues(tasklist, resolve, "Posting fix deployed and retested in UAT");
        GoLiveSteps.planAgainAsBefore(tasklist, task("UserTask_PlanCutover"));

        assertThat(task("UserTask_DecideGoLive")).isNotNull();
        assertThat(decisions.latest(code, "cutoverRollback"))
                .get()
                .extracting(Decision::subject)
                .isEqualTo("wave 1");
    }

    @Test
    void aDualRunIsPlannedReconciledDayByDayAndEndedInTasklist() {
        Task plan = task("UserTask_PlanCutover");
        Tasklist tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Open purchase orders", "0");
        figures.put("Stock value (CNY)", "0.5");
        GoLiveSteps.planDualRun(
                tasklist,
                plan,
                "Month-end closing is reconciled against the legacy system",
                2,
                figures,
                List.of(
                        new Step(1, "Freeze master data changes", ZHOU, 30, ""),
                        new Step(2, "Load the final delta", XU, 60, "1"),
                        new Step(3, "Switch the users; the legacy system keeps running", XU, 30, "2")));
        assertThat(jdbc.sql("select name || ' ' || tolerance_percent from cutover_key_figure where project_code = ? "
                                + "order by name")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("Open purchase orders 0.000", "Stock value (CNY) 0.500");

        Task decide = task("UserTask_DecideGoLive");
        tasklist = new Tasklist(chromium.driver(), port).login(STEERING, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.STEERING_FILTER, decide);
        assertThat(tasklist.tableRows("Table_ReadinessFacts"))
                .allSatisfy(row -> assertThat(row.get(0)).isEqualTo("✓"));
        assertThat(tasklist.formText()).contains("Recommendation: go. Every readiness criterion is met.");
        GoLiveSteps.decideGo(
                tasklist, decide, "Dual run (parallel run with reconciliation)", null, null, "All criteria met");
        runAllDone(task("UserTask_RehearseCutover"));

        Task cutover = task("UserTask_ExecuteCutover");
        assertThat(cutover.getName()).isEqualTo("Cut over " + code + " (dual run)");
        tasklist = new Tasklist(chromium.driver(), port).login(OPERATIONS, PASSWORD);
        GoLiveSteps.runRunbookAllDone(tasklist, cutover, 3, 30, "Both systems run; users work in the new one");

        Task day1 = task("UserTask_ReconcileDualRun");
        assertThat(day1.getName()).isEqualTo("Reconcile the dual run of " + code + ": day 1 of 2");
        GoLiveSteps.reconcileDualRun(
                tasklist,
                day1,
                Map.of("Open purchase orders", new String[] {"128", "128"}, "Stock value (CNY)", new String[] {
                    "2450000", "2467500"
                }));
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(goLive.getId())
                .timers()
                .singleResult()
                .getId());
        Task day2 = task("UserTask_ReconcileDualRun");
        assertThat(day2.getName()).isEqualTo("Reconcile the dual run of " + code + ": day 2 of 2");
        GoLiveSteps.reconcileDualRun(
                tasklist,
                day2,
                Map.of("Open purchase orders", new String[] {"131", "131"}, "Stock value (CNY)", new String[] {
                    "2451000", "2452000"
                }));

        Task end = task("UserTask_ReviewDualRun");
        tasklist = new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        GoLiveSteps.claim(tasklist, GoLiveSteps.PMO_FILTER, end);
        int incident = jdbc.sql("select id from incident where project_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
        assertThat(tasklist.tableRows("Table_DualRunChecks"))
                .containsExactly(
                        List.of("1", "Open purchase orders", "128", "128", "0 %", "✓", ""),
                        List.of("1", "Stock value (CNY)", "2450000", "2467500", "0.7143 %", "✗", "#" + incident),
                        List.of("2", "Open purchase orders", "131", "131", "0 %", "✓", ""),
                        List.of("2", "Stock value (CNY)", "2451000", "2452000", "0.0408 %", "✓", ""));
        GoLiveSteps.endDualRun(tasklist, end, true, "The stock difference of day 1 was a late goods receipt");

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(goLive.getId())
                        .count())
                .isZero();
    }

    // a waves plan, a go and a rehearsal, done by their users through the engine (the first journey does them in
    // Tasklist)
    private void planWavesGoAndRehearse() {
        Map<String, Object> wave = new LinkedHashMap<>();
        wave.put("departments", List.of("procurement"));
        wave.put("stabilisationDays", 3);
        wave.put("onCall", List.of(OPERATIONS));
        Map<String, Object> wave2 = new LinkedHashMap<>(wave);
        wave2.put("departments", List.of("warehouse"));
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("stepNo", 1);
        step.put("title", "Switch the users");
        step.put("owner", OPERATIONS);
        step.put("plannedMinutes", 30);
        step.put("dependsOn", "");
        String plan = task("UserTask_PlanCutover").getId();
        // the plan records who made it: the PMO completes it
        identity.setAuthentication(PMO, List.of(Roles.PMO));
        try {
            tasks.complete(
                    plan,
                    Map.of(
                            "cutoverStrategy",
                            "waves",
                            "strategyReason",
                            "Procurement first",
                            "waves",
                            JsonRows.of(List.of(wave, wave2)),
                            "runbook",
                            JsonRows.of(List.of(step))));
        } finally {
            identity.clearAuthentication();
        }
        tasks.complete(
                task("UserTask_DecideGoLive").getId(),
                Map.of("goLiveDecision", "go", "cutoverStrategy", "waves", "decisionReason", "Ready"));
        runAllDone(task("UserTask_RehearseCutover"));
    }

    private void runAllDone(Task run) {
        List<Map<String, Object>> rows = JsonRows.read(tasks.getVariableLocal(run.getId(), "runbook")).stream()
                .map(FormRow::values)
                .map(v -> {
                    Map<String, Object> row = new LinkedHashMap<>(v);
                    row.put("status", "done");
                    row.put("actualMinutes", 30);
                    return row;
                })
                .toList();
        tasks.complete(run.getId(), Map.of("runbook", JsonRows.of(rows), "cutoverReport", "All steps done"));
    }

    private void endStabilisation() {
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(goLive.getId())
                .timers()
                .singleResult()
                .getId());
    }

    private Task task(String activity) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private void person(String id, String first, String last, String... groups) {
        TestUsers.person(identity, id, first, last, PASSWORD, groups);
    }

    private void record(String decision, String subject, String outcome) {
        decisions.record(new Decision(code, decision, subject, outcome, List.of(), null, "tester", null));
    }

    // a dry run and its data owner's sign-off, as the data migration phase stores them
    private void signedOff(String dataset) {
        jdbc.sql("""
                insert into migration_run (project_code, dataset, round, source_rows, accepted_rows, rejected_rows,
                                           source_file, recorded_by, recorded_at)
                values (?, ?, 1, 41, 37, 4, 'legacy-materials.xlsx', ?, current_timestamp)""").params(code, dataset, STEWARD).update();
        jdbc.sql("""
                insert into migration_signoff (project_code, dataset, round, signed_off, signed_by, signed_at)
                values (?, ?, 1, true, ?, current_timestamp)""").params(code, dataset, WAREHOUSE_OWNER).update();
    }
}
