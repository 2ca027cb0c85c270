package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.build.BuildStatus;
import io.rollout.build.ModuleAcceptances;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class GoLiveProcessTests {

    static final String PROCESS = "goLive";
    static final String ASSESS_READINESS = "BusinessRuleTask_AssessReadiness";
    static final String DECIDE_GO_LIVE = "UserTask_DecideGoLive";
    static final String RESOLVE_ISSUES = "UserTask_ResolveReadinessIssues";
    static final String EXECUTE_CUTOVER = "UserTask_ExecuteCutover";
    static final String ROLL_BACK = "UserTask_RollBack";
    static final String GATEWAY_GO = "Gateway_Go";
    static final String GATEWAY_CUTOVER_SUCCEEDED = "Gateway_CutoverSucceeded";
    static final String PLAN_MERGE = "Gateway_PlanMerge";
    static final String PLAN_CUTOVER = "UserTask_PlanCutover";
    static final String REHEARSE = "UserTask_RehearseCutover";
    static final String WAVE_CUTOVER = "UserTask_ExecuteWaveCutover";
    static final String REVIEW_WAVE = "UserTask_ReviewWave";
    static final String ROLL_BACK_WAVE = "UserTask_RollBackWave";
    static final String HANDLE_INCIDENT = "UserTask_HandleCriticalIncident";
    static final String ESCALATE_INCIDENT = "UserTask_EscalateCriticalIncident";
    static final String RECONCILE = "UserTask_ReconcileDualRun";
    static final String REVIEW_DUAL_RUN = "UserTask_ReviewDualRun";
    static final String RESOLVE_MERGE = "Gateway_ResolveMerge";
    static final String END_LIVE = "EndEvent_Live";

    static final List<String> MODULES = List.of("finance", "inventory");
    static final List<String> DATASETS = List.of("customers", "materials");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    ProjectRepository projects;

    @Autowired
    DecisionLog decisions;

    @Autowired
    BuildStatus buildStatus;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    static final String PASSWORD = "golive-Secret-2026";
    static final String PMO = "glpmo";
    static final String OPS = "glops";
    static final String ON_CALL = "gloncall";
    static final String FINANCE_OWNER = "glownerfinance";
    static final String WAREHOUSE_OWNER = "glownerwarehouse";
    static final String WAREHOUSE_KEY_USER = "glkeyuserwarehouse";
    static final String TRAINER = "gltrainer";

    String code;

    @BeforeEach
    void createProject() {
        BpmnAwareTests.init(engine);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance", "warehouse"), MODULES, DATASETS);
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, OPS, PASSWORD, Roles.IT_OPERATIONS);
        TestUsers.ensure(identity, ON_CALL, PASSWORD, Roles.IT_OPERATIONS);
        TestUsers.ensure(identity, FINANCE_OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("finance"));
        TestUsers.ensure(identity, WAREHOUSE_OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("warehouse"));
    }

    @Test
    void readyProjectGoesLiveInWavesEachOnlyAfterThePreviousWasReviewed() {
        allPhasesPassed();
        ProcessInstance pi = start(wavesPlan());

        assertThat(pi).hasPassed(ASSESS_READINESS).isWaitingAt(DECIDE_GO_LIVE);
        assertThat(task(pi)).hasCandidateGroup("steering-committee");
        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isEqualTo("go");
        assertThat(runtime.getVariable(pi.getId(), "cutoverStrategy")).isEqualTo("waves");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessSummary"))
                .contains(
                        "✓ UAT gate: passed",
                        "✓ Modules not accepted by their users: none",
                        "✓ Datasets not signed off by their data owners: none",
                        "✓ Open high risks (score 15 or more): none",
                        "✓ Critical defects not closed: none")
                .doesNotContain("✗");
        assertThat(decisions.latest(code, "cutoverPlan")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("waves");
            assertThat(d.findings()).containsExactly("Finance first: smallest user group");
        });
        complete(
                task(pi),
                withVariables(
                        "goLiveDecision", "go", "cutoverStrategy", "waves", "decisionReason", "All criteria met"));
        assertThat(decisions.latest(code, "goLiveDecision"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("go");

        assertThat(pi).hasPassed(GATEWAY_GO).isWaitingAt(REHEARSE);
        assertThat(task(pi)).hasCandidateGroup("it-operations");
        assertThat(task(pi).getName()).isEqualTo("Rehearse the cutover of " + code + " (mock run)");
        assertThat(JsonRows.read(tasks.getVariableLocal(task(pi).getId(), "runbookPlan")))
                .extracting(r -> r.text("stepNo") + " " + r.text("title") + " by " + r.text("owner") + " after "
                        + r.text("dependsOn"))
                .containsExactly(
                        "1 Freeze legacy by glops Test after null",
                        "2 Load delta by glops Test after 1",
                        "3 Switch users by glops Test after 1, 2");
        assertThat(JsonRows.read(tasks.getVariableLocal(task(pi).getId(), "runbook")))
                .extracting(r -> r.text("stepNo") + " " + r.text("title") + " " + r.text("status"))
                .containsExactly(
                        "1 Freeze legacy not-started", "2 Load delta not-started", "3 Switch users not-started");
        runRunbook(task(pi), "done", "done", "done");
        assertThat(decisions.latest(code, "cutoverRehearsal"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("succeeded");

        Task wave1 = onlyTask(pi, WAVE_CUTOVER);
        assertThat(wave1.getName()).isEqualTo("Cut over wave 1: Finance");
        runRunbook(wave1, "done", "done", "done");
        assertThat(waveStatus(1)).isEqualTo("live");
        // the stabilisation period runs; the second wave has not started
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(WAVE_CUTOVER)
                        .count())
                .isZero();
        Job stabilisation = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult();
        assertThat(Duration.between(Instant.now(), stabilisation.getDuedate().toInstant())
                        .toDays())
                .isBetween(2L, 3L);
        management.executeJob(stabilisation.getId());

        Task review1 = onlyTask(pi, REVIEW_WAVE);
        assertThat(review1).hasCandidateUser(FINANCE_OWNER);
        assertThat(review1.getName()).isEqualTo("Review wave 1 (Finance)");
        complete(review1, withVariables("reviewDecision", "yes"));

        Task wave2 = onlyTask(pi, WAVE_CUTOVER);
        assertThat(wave2.getName()).isEqualTo("Cut over wave 2: Warehouse");
        runRunbook(wave2, "done", "done", "done");
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getId());
        Task review2 = onlyTask(pi, REVIEW_WAVE);
        assertThat(review2).hasCandidateUser(WAREHOUSE_OWNER);
        complete(review2, withVariables("reviewDecision", "yes"));

        assertThat(pi).hasPassed(END_LIVE).isEnded();
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals("waveReview"))
                .extracting(Decision::subject, Decision::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wave 1", "positive"),
                        org.assertj.core.groups.Tuple.tuple("wave 2", "positive"));
        assertThat(count("select count(*) from cutover_run where project_code = ? and kind = 'real'"))
                .isEqualTo(2);
    }

    @Test
    void aNegativeWaveReviewRollsBackThatWaveOnlyAndGoesBackToThePlan() {
        allPhasesPassed();
        ProcessInstance pi = start(wavesPlan());
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "waves"));
        runRunbook(task(pi), "done", "done", "done");
        runRunbook(onlyTask(pi, WAVE_CUTOVER), "done", "done", "done");
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getId());
        complete(onlyTask(pi, REVIEW_WAVE), withVariables("reviewDecision", "yes"));
        runRunbook(onlyTask(pi, WAVE_CUTOVER), "done", "done", "done");
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getId());

        Task review2 = onlyTask(pi, REVIEW_WAVE);
        assertThatThrownBy(() -> complete(review2, withVariables("reviewDecision", "no")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("needs a comment");
        complete(review2, withVariables("reviewDecision", "no", "reviewComment", "Stock counts drift every night"));

        complete(onlyTask(pi, ROLL_BACK_WAVE), withVariables("rollbackReport", "Warehouse back on the legacy WMS"));
        assertThat(pi).hasPassed(RESOLVE_MERGE).isWaitingAt(RESOLVE_ISSUES);
        assertThat(waveStatus(1)).isEqualTo("live");
        assertThat(waveStatus(2)).isEqualTo("rolled-back");
        assertThat(decisions.latest(code, "cutoverRollback"))
                .get()
                .extracting(Decision::subject)
                .isEqualTo("wave 2");
    }

    @Test
    void aCriticalIncidentDuringAWaveGoesToItsOnCallTeamEscalatesAndCanRollTheWaveBack() {
        allPhasesPassed();
        ProcessInstance pi = start(wavesPlan());
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "waves"));
        runRunbook(task(pi), "done", "done", "done");
        runRunbook(onlyTask(pi, WAVE_CUTOVER), "done", "done", "done");

        runtime.createMessageCorrelation("criticalIncident")
                .processInstanceBusinessKey(code)
                .setVariable("criticalIncidentId", 7)
                .setVariable("criticalIncidentTitle", "Invoices post twice")
                .correlate();

        Task handle = onlyTask(pi, HANDLE_INCIDENT);
        assertThat(handle).hasCandidateUser(ON_CALL);
        assertThat(handle.getName()).isEqualTo("Handle critical incident #7 in wave 1 (Finance): Invoices post twice");
        Job escalation = management.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
                .filter(j -> Duration.between(Instant.now(), j.getDuedate().toInstant())
                                .toHours()
                        < 3)
                .findFirst()
                .orElseThrow();
        management.executeJob(escalation.getId());
        assertThat(onlyTask(pi, ESCALATE_INCIDENT)).hasCandidateGroup("steering-committee");

        complete(
                handle,
                withVariables("reviewDecision", "no", "reviewComment", "Posting engine double-books: roll back"));
        complete(onlyTask(pi, "UserTask_RollBackWaveAfterIncident"), withVariables("rollbackReport", "Finance back"));

        assertThat(pi).isWaitingAt(RESOLVE_ISSUES);
        assertThat(waveStatus(1)).isEqualTo("rolled-back");
        assertThat(decisions.latest(code, "criticalIncident"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("negative");
    }

    @Test
    void aDualRunReconcilesEveryDayOpensIncidentsForMismatchesAndEndsWithAReview() {
        allPhasesPassed();
        ProcessInstance pi = start(dualRunPlan());
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));
        runRunbook(task(pi), "done", "done", "done");
        runRunbook(task(pi), "done", "done", "done");

        assertThat(pi).isWaitingAt(RECONCILE);
        assertThat(tasks.getVariableLocal(task(pi).getId(), "day")).isEqualTo(1);
        complete(
                task(pi),
                withVariables(
                        "figures",
                        JsonRows.of(List.of(
                                figure("Open orders", "120", "120"), figure("Stock value", "1000000", "1006000")))));
        assertThat((String) runtime.getVariable(pi.getId(), "dualRunFindings"))
                .contains(
                        "Dual run day 1: Stock value differs: legacy 1000000, new 1006000 (0.6 %, tolerance 0.5 %)",
                        "incident #1");
        assertThat(jdbc.sql("select severity from incident where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("high");
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getId());

        complete(
                task(pi),
                withVariables(
                        "figures",
                        JsonRows.of(List.of(
                                figure("Open orders", "118", "118"), figure("Stock value", "1000000", "1005000")))));
        assertThat(pi).isWaitingAt(REVIEW_DUAL_RUN);
        complete(task(pi), withVariables("reviewDecision", "yes"));

        assertThat(pi).hasPassed(END_LIVE).isEnded();
        assertThat(count("select count(*) from dual_run_check where project_code = ? and not within_tolerance"))
                .isEqualTo(1);
        assertThat(count("select count(*) from dual_run_check where project_code = ?"))
                .isEqualTo(4);
    }

    @Test
    void readinessCountsAModuleAsAcceptedExactlyWhenTheBuildPhaseDoes() {
        allPhasesPassed();
        moduleAccepted("inventory", false);
        // worded like build's audit record of an acceptance, but no acceptance of the build phase
        record("moduleAcceptance", "module inventory iteration 1", "accepted");
        ProcessInstance pi = start();

        assertThat(buildStatus.modulesNotAccepted(code)).containsExactly("inventory");
        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isNotEqualTo("go");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessSummary"))
                .contains("✗ Modules not accepted by their users: inventory");
    }

    @Test
    void unmetReadinessAndNoGoGoesToResolveIssuesThenAssessesAgain() {
        record("uatGate", null, "failed");
        record("trainingCompletionCheck", null, "passed");
        moduleAccepted("finance", true);
        moduleAccepted("inventory", true);
        moduleAccepted("inventory", false);
        signedOff("customers");
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt(DECIDE_GO_LIVE);
        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isEqualTo("no-go");
        assertThat((Boolean) runtime.getVariable(pi.getId(), "readinessOk")).isFalse();
        String findings = (String) runtime.getVariable(pi.getId(), "readinessFindings");
        assertThat(findings.lines())
                .containsExactly(
                        "- The UAT gate has not passed: must-have requirements are not proven by passed test cases. (failed)",
                        "- The requirements specification is not signed off. (not-run)",
                        "- Modules are not accepted by their users. (inventory)",
                        "- Datasets are not signed off by their data owners: the new system would start on unapproved data. "
                                + "(materials)");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessSummary"))
                .contains(
                        "✓ Training completion check: passed",
                        "✗ Modules not accepted by their users: inventory",
                        "✗ Datasets not signed off by their data owners: materials");
        assertThat(decisions.latest(code, "goLiveReadiness")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("no-go");
            assertThat(d.findings()).hasSize(4);
            assertThat(d.inputs()).contains("uatGate=failed", "datasetsNotSignedOff=1", "openCriticalDefects=0");
            assertThat(d.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
        });

        complete(task(pi), withVariables("goLiveDecision", "no-go", "decisionReason", "UAT must pass first"));

        assertThat(pi).hasPassed(RESOLVE_MERGE).isWaitingAt(RESOLVE_ISSUES);
        assertThat(task(pi)).hasCandidateGroup("pmo");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessFindings"))
                .contains("inventory", "materials");
        assertThat(decisions.latest(code, "goLiveDecision"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("no-go");

        allPhasesPassed();
        complete(task(pi), withVariables("resolutionNotes", "Retested, inventory accepted, materials signed off"));

        assertThat(pi).hasPassed(PLAN_MERGE).isWaitingAt(PLAN_CUTOVER);
        planAgainAsPrefilled(pi);
        assertThat(pi).isWaitingAt(DECIDE_GO_LIVE);
        assertThat((Boolean) runtime.getVariable(pi.getId(), "readinessOk")).isTrue();
        assertThat(decisions.forProject(code))
                .filteredOn(d -> d.decision().equals("goLiveReadiness"))
                .extracting(Decision::outcome)
                .containsExactly("no-go", "go");
    }

    @Test
    void goWhileNotReadyWithoutRiskAcceptanceIsRefusedAndStoresNothing() {
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("goLiveDecision", "go", "cutoverStrategy", "waves")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(
                        "The readiness recommendation is no-go: a go overrides it and needs a written risk "
                                + "acceptance");

        assertThat(pi).isWaitingAt(DECIDE_GO_LIVE);
        assertThat(count("select count(*) from go_live_decision where project_code = ?"))
                .isZero();
        assertThat(decisions.latest(code, "goLiveDecision")).isEmpty();
    }

    @Test
    void bigBangNeedsRiskAcceptanceEvenWhenReady() {
        allPhasesPassed();
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("goLiveDecision", "go", "cutoverStrategy", "big-bang")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("big-bang cutover has no parallel run");
        complete(
                task(pi),
                withVariables(
                        "goLiveDecision",
                        "go",
                        "cutoverStrategy",
                        "big-bang",
                        "riskAcceptance",
                        "Legacy licence ends on 31 Dec; rollback tested"));

        assertThat(pi).isWaitingAt(REHEARSE);
        assertThat(decisions.latest(code, "goLiveDecision")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("go-with-risk-acceptance");
            assertThat(d.findings()).containsExactly("Risk accepted: Legacy licence ends on 31 Dec; rollback tested");
        });
        assertThat(row("select risk_acceptance from go_live_decision where project_code = ?"))
                .containsEntry("RISK_ACCEPTANCE", "Legacy licence ends on 31 Dec; rollback tested");
    }

    @Test
    void overrideWithRiskAcceptanceGoesLive() {
        ProcessInstance pi = start();

        complete(
                task(pi),
                withVariables(
                        "goLiveDecision",
                        "go",
                        "cutoverStrategy",
                        "waves",
                        "riskAcceptance",
                        "Finance closes the month in the legacy system"));

        assertThat(pi).isWaitingAt(REHEARSE);
        assertThat(decisions.latest(code, "goLiveDecision")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("go-with-risk-acceptance");
            assertThat(d.findings())
                    .containsExactly(
                            "Overrides the readiness recommendation no-go",
                            "Risk accepted: Finance closes the month in the legacy system");
        });
        assertThat(row("select readiness_ok, recommendation, overridden, risk_acceptance from go_live_decision "
                        + "where project_code = ?"))
                .containsEntry("READINESS_OK", false)
                .containsEntry("RECOMMENDATION", "no-go")
                .containsEntry("OVERRIDDEN", true)
                .containsEntry("RISK_ACCEPTANCE", "Finance closes the month in the legacy system");
    }

    @Test
    void openHighRiskMakesAConditionalGoThatNeedsItsConditions() {
        allPhasesPassed();
        jdbc.sql("""
                insert into risk (project_code, title, probability, impact, score, owner, status)
                values (?, 'Key user of sales leaves before go-live', 4, 5, 20, 'liwei', 'open')""").param(code).update();
        ProcessInstance pi = start();

        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isEqualTo("conditional-go");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessFindings"))
                .isEqualTo("- High risks are open: go only with an owner and a mitigation for each, accepted by the "
                        + "steering committee. (Key user of sales leaves before go-live (20))");
        String taskId = task(pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("goLiveDecision", "go", "cutoverStrategy", "waves")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("a go needs the conditions it depends on");
        assertThat(count("select count(*) from go_live_decision where project_code = ?"))
                .isZero();

        complete(
                task(pi),
                withVariables(
                        "goLiveDecision",
                        "go",
                        "cutoverStrategy",
                        "waves",
                        "goLiveConditions",
                        "Second sales key user named by 2026-12-01 (owner liwei)"));

        assertThat(pi).isWaitingAt(REHEARSE);
        assertThat(decisions.latest(code, "goLiveDecision")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("conditional-go");
            assertThat(d.findings())
                    .containsExactly("Conditions: Second sales key user named by 2026-12-01 (owner liwei)");
        });
        assertThat(row("select recommendation, overridden, conditions from go_live_decision where project_code = ?"))
                .containsEntry("RECOMMENDATION", "conditional-go")
                .containsEntry("OVERRIDDEN", false)
                .containsEntry("CONDITIONS", "Second sales key user named by 2026-12-01 (owner liwei)");
    }

    @Test
    void criticalDefectNotClosedIsANoGoNamingTheDefect() {
        allPhasesPassed();
        jdbc.sql("""
                insert into test_case (project_code, case_id, title, priority, updated_at)
                values (?, 'TC-007', 'Post goods receipt', 'high', current_timestamp)""").param(code).update();
        jdbc.sql("""
                insert into defect (project_code, case_id, round, severity, description, status, raised_at)
                values (?, 'TC-007', 1, 'critical', 'Stock not updated', 'fixed', current_timestamp)""").param(code).update();
        long defect = jdbc.sql("select max(id) from defect where project_code = ?")
                .param(code)
                .query(Long.class)
                .single();
        ProcessInstance pi = start();

        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isEqualTo("no-go");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessFindings"))
                .isEqualTo("- Critical defects are not closed. (#" + defect + " TC-007)");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessSummary"))
                .contains("✗ Critical defects not closed: #" + defect + " TC-007");
    }

    @Test
    void noGoAgainstAGoRecommendationNeedsAReasonAndIsRecordedAsOverride() {
        allPhasesPassed();
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("goLiveDecision", "no-go")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The readiness recommendation is go: a no-go overrides it and needs the reason");
        complete(task(pi), withVariables("goLiveDecision", "no-go", "decisionReason", "Year-end closing first"));

        assertThat(pi).isWaitingAt(RESOLVE_ISSUES);
        assertThat(decisions.latest(code, "goLiveDecision")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("no-go");
            assertThat(d.findings())
                    .containsExactly("Overrides the readiness recommendation go", "Year-end closing first");
        });
        assertThat(row("select overridden, reason from go_live_decision where project_code = ?"))
                .containsEntry("OVERRIDDEN", true)
                .containsEntry("REASON", "Year-end closing first");
    }

    @Test
    void aFailedRehearsalGoesBackToThePlanBeforeAnythingIsCutOver() {
        allPhasesPassed();
        ProcessInstance pi = start(dualRunPlan());
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));

        runRunbook(task(pi), "done", "failed", "failed");

        assertThat(pi).isWaitingAt(RESOLVE_ISSUES);
        assertThat(decisions.latest(code, "cutoverRehearsal"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("failed");
        complete(task(pi), withVariables("resolutionNotes", "Delta load script fixed"));
        assertThat(pi).isWaitingAt(PLAN_CUTOVER);
    }

    @Test
    void aFailedCutoverIsRolledBackAndGoesToResolveIssues() {
        allPhasesPassed();
        ProcessInstance pi = start(dualRunPlan());
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));
        runRunbook(task(pi), "done", "done", "done");
        runRunbook(task(pi), "done", "done", "failed");

        assertThat(pi).hasPassed(GATEWAY_CUTOVER_SUCCEEDED).isWaitingAt(ROLL_BACK);
        assertThat(decisions.latest(code, "cutover"))
                .get()
                .extracting(Decision::outcome)
                .isEqualTo("failed");
        complete(task(pi), withVariables("rollbackReport", "Users back on the legacy system at 06:00"));
        assertThat(pi).isWaitingAt(RESOLVE_ISSUES);
        assertThat(decisions.latest(code, "cutoverRollback")).isPresent();
    }

    @Test
    void aStepDoneBeforeItsDependencyOrARunNotOverIsRefusedAndStoresNothing() {
        allPhasesPassed();
        ProcessInstance pi = start(dualRunPlan());
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));
        Task rehearsal = task(pi);

        assertThatThrownBy(() -> runRunbook(rehearsal, "in-progress", "not-started", "done"))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(
                        "Row 1: step 1 is in-progress: the run is over only when every step is done or failed.")
                .hasMessageContaining("Step 3 (Switch users) cannot be started or done before step 1 is done.")
                .hasMessageContaining("Step 3 (Switch users) cannot be started or done before step 2 is done.");

        assertThat(pi).isWaitingAt(REHEARSE);
        assertThat(count("select count(*) from cutover_run where project_code = ?"))
                .isZero();
    }

    @Test
    void aPlanWithACycleADepartmentInNoWaveOrNoReasonIsRefusedAndStoresNothing() {
        ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
        Map<String, Object> plan = new LinkedHashMap<>(wavesPlan());
        plan.put("strategyReason", " ");
        plan.put("waves", JsonRows.of(List.of(wave("finance, sales", "3", ON_CALL))));
        plan.put(
                "runbook",
                JsonRows.of(List.of(
                        step(1, "Freeze legacy", "3"), step(2, "Load delta", "1"), step(3, "Switch users", "2"))));

        assertThatThrownBy(() -> complete(task(pi), plan))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Give the reason for the cutover strategy")
                .hasMessageContaining("Row 1: sales is not a department of the project (Finance, Warehouse).")
                .hasMessageContaining("Departments in no wave: Warehouse.")
                .hasMessageContaining("The runbook has a cycle of dependencies: 1 → 3 → 2 → 1.");

        assertThat(pi).isWaitingAt(PLAN_CUTOVER);
        assertThat(count("select count(*) from cutover_plan where project_code = ?"))
                .isZero();
    }

    @Test
    void stepOwnersAndOnCallStaffMustQualifyAndTheRefusalSaysWhy() {
        TestUsers.ensure(identity, TRAINER, PASSWORD, Roles.TRAINER);
        TestUsers.ensure(identity, WAREHOUSE_KEY_USER, PASSWORD, Roles.KEY_USER, Roles.departmentGroup("warehouse"));
        ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
        String planTask = task(pi).getId();
        // the form offers exactly the people who qualify, saying why each does
        assertThat(JsonRows.read(tasks.getVariableLocal(planTask, "stepOwnerOptions")))
                .extracting(r -> r.text("label"))
                .contains(
                        OPS + " Test (" + OPS + ") · IT operations",
                        WAREHOUSE_KEY_USER + " Test (" + WAREHOUSE_KEY_USER + ") · key user, Warehouse",
                        FINANCE_OWNER + " Test (" + FINANCE_OWNER + ") · business owner, Finance")
                .noneMatch(label -> label.contains(TRAINER));
        assertThat(JsonRows.read(tasks.getVariableLocal(planTask, "onCallOptions")))
                .extracting(r -> r.text("value"))
                .contains(OPS, ON_CALL, WAREHOUSE_KEY_USER, FINANCE_OWNER)
                .doesNotContain(PMO, TRAINER);
        assertThat(JsonRows.read(tasks.getVariableLocal(planTask, "departmentOptions")))
                .extracting(r -> r.text("value") + "=" + r.text("label"))
                .containsExactly("finance=Finance", "warehouse=Warehouse");
        Map<String, Object> plan = new LinkedHashMap<>(wavesPlan());
        // the warehouse key user may be on call for the warehouse, not for finance; every wave needs IT operations
        plan.put(
                "waves",
                JsonRows.of(List.of(
                        wave(List.of("finance"), 3, List.of(OPS, WAREHOUSE_KEY_USER)),
                        wave(List.of("warehouse"), 5, List.of(WAREHOUSE_KEY_USER)))));
        Map<String, Object> trainerStep = step(1, "Freeze legacy", "");
        trainerStep.put("owner", TRAINER);
        plan.put("runbook", JsonRows.of(List.of(trainerStep, step(2, "Load delta", "1"))));

        assertThatThrownBy(() -> tasks.complete(planTask, plan))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(
                        "Row 1: " + WAREHOUSE_KEY_USER + " Test (" + WAREHOUSE_KEY_USER + ") cannot be on call "
                                + "for this wave: on call are IT operations and the key users and business owners of the "
                                + "departments of the wave (Finance).")
                .hasMessageContaining(
                        "Row 2: the on-call team needs someone from IT operations, who can roll the wave back.")
                .hasMessageContaining(
                        "Row 1: " + TRAINER + " Test (" + TRAINER + ") cannot own a runbook step: owners are IT "
                                + "operations, data stewards, developers, consultants, the PMO, and key users and business owners of "
                                + "the departments of the project (Finance, Warehouse).");
        assertThat(count("select count(*) from cutover_plan where project_code = ?"))
                .isZero();

        plan.put(
                "waves",
                JsonRows.of(List.of(
                        wave(List.of("finance"), 3, List.of(OPS)),
                        wave(List.of("warehouse"), 5, List.of(OPS, WAREHOUSE_KEY_USER)))));
        plan.put("runbook", runbookPlan());
        complete(task(pi), plan);
        assertThat(jdbc.sql("select on_call from cutover_wave where project_code = ? order by wave_no")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly(OPS, OPS + "," + WAREHOUSE_KEY_USER);
    }

    @Test
    void theDecisionIsCheckedAgainstTheRecordedRecommendationAndTheCutoverFollowsTheStoredPlan() {
        ProcessInstance pi = start(wavesPlan());
        // a candidate rewriting the variables shown in the forms changes neither the check nor the route
        runtime.setVariable(pi.getId(), "readinessVerdict", "go");
        String taskId = task(pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("goLiveDecision", "go", "cutoverStrategy", "waves")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The readiness recommendation is no-go");
        complete(
                task(pi),
                withVariables(
                        "goLiveDecision",
                        "go",
                        "cutoverStrategy",
                        "waves",
                        "riskAcceptance",
                        "Finance closes the month in the legacy system"));
        runtime.setVariable(pi.getId(), "cutoverStrategy", "big-bang");
        runRunbook(task(pi), "done", "done", "done");

        assertThat(pi).isWaitingAt(WAVE_CUTOVER);
    }

    @Test
    void theDecidersSeeTablesOfFactsPlanRunsIncidentsAndWhatHappened() {
        jdbc.sql("""
                insert into risk (project_code, title, probability, impact, score, owner, status)
                values (?, 'Key user of finance leaves', 4, 5, 20, ?, 'open')""").params(code, FINANCE_OWNER).update();
        allPhasesPassed();
        ProcessInstance pi = start(wavesPlan());

        Task decide = task(pi);
        assertThat(decide.getName()).isEqualTo("Steering committee: decide go / no-go for " + code);
        assertThat(JsonRows.read(runtime.getVariable(pi.getId(), "readinessFacts")))
                .extracting(r -> r.text("met") + " " + r.text("criterion") + ": " + r.text("found"))
                .contains(
                        "✓ UAT gate: passed", "✗ Open high risks (score 15 or more): Key user of finance leaves (20)");
        assertThat(JsonRows.read(runtime.getVariable(pi.getId(), "readinessReasons")))
                .extracting(r -> r.text("verdict") + ": " + r.text("concerns"))
                .containsExactly("conditional go: Key user of finance leaves (20)");
        assertThat((String) tasks.getVariableLocal(decide.getId(), "planSummary"))
                .isEqualTo("**Planned cutover: waves by department.** Finance first: smallest user group\n\n"
                        + "Runbook: 3 steps, 90 minutes planned.");
        assertThat(JsonRows.read(tasks.getVariableLocal(decide.getId(), "planWaves")))
                .extracting(r -> r.text("wave") + " " + r.text("departments") + " " + r.text("stabilisation") + " "
                        + r.text("onCall"))
                .containsExactly(
                        "1 Finance 3 days " + ON_CALL + " Test",
                        "2 Warehouse 5 days " + ON_CALL + " Test, " + OPS + " Test");
        complete(
                decide,
                withVariables(
                        "goLiveDecision",
                        "go",
                        "cutoverStrategy",
                        "waves",
                        "goLiveConditions",
                        "A second finance key user by go-live"));
        Task rehearsal = task(pi);
        assertThat(tasks.getVariableLocal(rehearsal.getId(), "runTitle"))
                .isEqualTo("Rehearsal (mock cutover) of " + code + ": waves by department");
        runRunbook(rehearsal, "done", "done", "done");
        assertThat(tasks.getVariableLocal(onlyTask(pi, WAVE_CUTOVER).getId(), "runTitle"))
                .isEqualTo("Wave 1: Finance");
        runRunbook(onlyTask(pi, WAVE_CUTOVER), "done", "done", "done");
        runtime.createMessageCorrelation("criticalIncident")
                .processInstanceBusinessKey(code)
                .setVariable("criticalIncidentId", 3)
                .setVariable("criticalIncidentTitle", "Invoices post twice")
                .correlate();
        Task handle = onlyTask(pi, HANDLE_INCIDENT);
        assertThat((String) tasks.getVariableLocal(handle.getId(), "incidentContext"))
                .startsWith("During **wave 1 (Finance)**, reported ")
                .endsWith(". On call: " + ON_CALL
                        + " Test. Not decided within 120 minutes, it goes to the steering committee.");
        complete(handle, withVariables("reviewDecision", "yes", "reviewComment", "Duplicate postings reversed"));
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getId());

        Task review = onlyTask(pi, REVIEW_WAVE);
        assertThat(JsonRows.read(tasks.getVariableLocal(review.getId(), "waveFacts")))
                .extracting(r -> r.text("what") + ": " + r.text("details"))
                .contains(
                        "Departments: Finance",
                        "Stabilisation period: 3 days",
                        "On call: " + ON_CALL + " Test",
                        "Critical incidents: Incident #3: Invoices post twice — Duplicate postings reversed (wave continued)",
                        "Cutover report: Run as planned")
                .anySatisfy(fact -> assertThat(fact).matches("Cut over: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} by .+"));
        complete(review, withVariables("reviewDecision", "no", "reviewComment", "Month-end close failed"));

        Task rollback = onlyTask(pi, ROLL_BACK_WAVE);
        assertThat(rollback.getName()).isEqualTo("Roll back wave 1 (Finance)");
        assertThat(tasks.getVariableLocal(rollback.getId(), "rollbackScope"))
                .isEqualTo("**wave 1 (Finance)** goes back to the legacy system. Waves that stay live: none.");
        complete(rollback, withVariables("rollbackReport", "Finance back on the legacy ledger"));

        Task resolve = task(pi);
        assertThat(resolve.getName()).isEqualTo("Resolve the go-live issues of " + code);
        assertThat(JsonRows.read(tasks.getVariableLocal(resolve.getId(), "issueHistory")))
                .extracting(r -> r.text("what") + " " + r.text("subject") + ": " + r.text("outcome"))
                .containsExactly(
                        "Cutover plan waves: waves",
                        "Readiness assessment go-live: conditional-go",
                        "Go / no-go waves: conditional-go",
                        "Rehearsal waves: succeeded",
                        "Cutover wave 1: succeeded",
                        "Critical incident wave 1: positive",
                        "Wave review wave 1: negative",
                        "Rollback wave 1: rolled-back");
    }

    @Test
    void aDualRunPlannedAgainStartsAtDayOneAndTheEndShowsEveryReconciledFigure() {
        allPhasesPassed();
        ProcessInstance pi = start(dualRunPlan());
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));
        runRunbook(task(pi), "done", "done", "done");
        assertThat(task(pi).getName()).isEqualTo("Cut over " + code + " (dual run)");
        runRunbook(task(pi), "done", "done", "done");
        assertThat(task(pi).getName()).isEqualTo("Reconcile the dual run of " + code + ": day 1 of 2");
        complete(
                task(pi),
                withVariables(
                        "figures",
                        JsonRows.of(List.of(
                                figure("Open orders", "120", "120"), figure("Stock value", "1000000", "1006000")))));
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getId());
        assertThat(task(pi).getName()).isEqualTo("Reconcile the dual run of " + code + ": day 2 of 2");
        complete(
                task(pi),
                withVariables(
                        "figures",
                        JsonRows.of(List.of(
                                figure("Open orders", "118", "118"), figure("Stock value", "1000000", "1000000")))));

        assertThat(JsonRows.read(tasks.getVariableLocal(task(pi).getId(), "dualRunChecks")))
                .extracting(r -> r.text("day") + " " + r.text("figure") + " " + r.text("difference") + " "
                        + r.text("within") + " " + r.text("incident"))
                .containsExactly(
                        "1 Open orders 0 % ✓ null",
                        "1 Stock value 0.6 % ✗ #1", "2 Open orders 0 % ✓ null", "2 Stock value 0 % ✓ null");
        complete(task(pi), withVariables("reviewDecision", "no", "reviewComment", "Stock value drifts"));
        assertThat(tasks.getVariableLocal(task(pi).getId(), "rollbackScope"))
                .asString()
                .startsWith("The whole cutover of " + code + " goes back to the legacy system.");
        complete(task(pi), withVariables("rollbackReport", "Legacy system is the system of record again"));
        complete(task(pi), withVariables("resolutionNotes", "Stock valuation fixed"));
        planAgainAsPrefilled(pi);
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));
        runRunbook(task(pi), "done", "done", "done");
        runRunbook(task(pi), "done", "done", "done");

        assertThat(task(pi).getName()).isEqualTo("Reconcile the dual run of " + code + ": day 1 of 2");
        assertThat(tasks.getVariableLocal(task(pi).getId(), "day")).isEqualTo(1);
        assertThat(runtime.getVariable(pi.getId(), "dualRunFindings")).isNull();
    }

    private ProcessInstance start() {
        return start(dualRunPlan());
    }

    // starts go-live and completes the cutover plan as the PMO submits it
    private ProcessInstance start(Map<String, Object> plan) {
        ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
        assertThat(pi).isWaitingAt(PLAN_CUTOVER);
        assertThat(task(pi)).hasCandidateGroup("pmo");
        complete(task(pi), plan);
        return pi;
    }

    private void planAgainAsPrefilled(ProcessInstance pi) {
        String id = task(pi).getId();
        Map<String, Object> form = new LinkedHashMap<>();
        for (String name :
                List.of("cutoverStrategy", "strategyReason", "dualRunDays", "keyFigures", "waves", "runbook")) {
            form.put(name, tasks.getVariableLocal(id, name));
        }
        tasks.complete(id, form);
    }

    private Map<String, Object> wavesPlan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("cutoverStrategy", "waves");
        plan.put("strategyReason", "Finance first: smallest user group");
        plan.put(
                "waves",
                JsonRows.of(List.of(wave("finance", "3", ON_CALL), wave("warehouse", "5", ON_CALL + ", " + OPS))));
        plan.put("runbook", runbookPlan());
        return plan;
    }

    private Map<String, Object> dualRunPlan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("cutoverStrategy", "dual-run");
        plan.put("strategyReason", "Month-end closing must be reconciled against the legacy system");
        plan.put("dualRunDays", "2");
        Map<String, Object> orders = new LinkedHashMap<>();
        orders.put("name", "Open orders");
        orders.put("tolerancePercent", "0");
        Map<String, Object> stock = new LinkedHashMap<>();
        stock.put("name", "Stock value");
        stock.put("tolerancePercent", "0.5");
        plan.put("keyFigures", JsonRows.of(List.of(orders, stock)));
        plan.put("runbook", runbookPlan());
        return plan;
    }

    private static Object runbookPlan() {
        return JsonRows.of(
                List.of(step(1, "Freeze legacy", ""), step(2, "Load delta", "1"), step(3, "Switch users", "1, 2")));
    }

    private static Map<String, Object> step(int no, String title, String after) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stepNo", String.valueOf(no));
        row.put("title", title);
        row.put("owner", OPS);
        row.put("plannedMinutes", "30");
        row.put("dependsOn", after);
        return row;
    }

    // as the form submits a wave: tag lists of departments and people, a number of days
    private static Map<String, Object> wave(List<String> departments, int days, List<String> onCall) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("departments", departments);
        row.put("stabilisationDays", days);
        row.put("onCall", onCall);
        return row;
    }

    private static Map<String, Object> wave(String departments, String days, String onCall) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("departments", departments);
        row.put("stabilisationDays", days);
        row.put("onCall", onCall);
        return row;
    }

    private static Map<String, Object> figure(String name, String legacy, String current) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("legacyValue", legacy);
        row.put("newValue", current);
        return row;
    }

    // completes a runbook task with the prefilled steps set to these statuses, 25 minutes each
    private void runRunbook(Task task, String... statuses) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        List<io.rollout.shared.FormRow> prefilled = JsonRows.read(tasks.getVariableLocal(task.getId(), "runbook"));
        for (int i = 0; i < prefilled.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>(prefilled.get(i).values());
            row.put("status", statuses[i]);
            row.put("actualMinutes", "25");
            rows.add(row);
        }
        complete(task, withVariables("runbook", JsonRows.of(rows), "cutoverReport", "Run as planned"));
    }

    private Task onlyTask(ProcessInstance pi, String key) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    private String waveStatus(int wave) {
        return jdbc.sql("select status from cutover_wave where project_code = ? and wave_no = ?")
                .params(code, wave)
                .query(String.class)
                .single();
    }

    private void allPhasesPassed() {
        record("uatGate", null, "passed");
        record("trainingCompletionCheck", null, "passed");
        record("requirementSignOff", null, "passed");
        MODULES.forEach(m -> moduleAccepted(m, true));
        DATASETS.forEach(this::signedOff);
    }

    // the business owner's acceptance of the module's first iteration, as the build phase stores it; build's decision
    // log entry is its audit record, not what readiness reads
    private void moduleAccepted(String module, boolean accepted) {
        ModuleAcceptances.decide(jdbc, code, module, 1, accepted);
    }

    // a dry run and its owner's sign-off, as the data migration phase stores them
    private void signedOff(String dataset) {
        int round = jdbc.sql(
                        "select coalesce(max(round), 0) + 1 from migration_run where project_code = ? and dataset = ?")
                .params(code, dataset)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into migration_run (project_code, dataset, round, source_rows, accepted_rows, rejected_rows,
                                           source_file, recorded_by, recorded_at)
                values (?, ?, ?, 10, 10, 0, 'extract.csv', 'steward', current_timestamp)""").params(code, dataset, round).update();
        jdbc.sql("""
                insert into migration_signoff (project_code, dataset, round, signed_off, signed_by, signed_at)
                values (?, ?, ?, true, 'owner', current_timestamp)""").params(code, dataset, round).update();
    }

    private void record(String decision, String subject, String outcome) {
        decisions.record(new Decision(code, decision, subject, outcome, List.of(), null, "tester", null));
    }

    private Map<String, Object> row(String sql) {
        return jdbc.sql(sql + " order by id desc")
                .param(code)
                .query()
                .listOfRows()
                .get(0);
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }
}
