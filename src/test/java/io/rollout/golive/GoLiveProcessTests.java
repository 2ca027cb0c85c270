package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
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
    static final String READINESS_MERGE = "Gateway_ReadinessMerge";
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
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void createProject() {
        BpmnAwareTests.init(engine);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), MODULES, DATASETS);
    }

    @Test
    void readyProjectGoesLiveWithDualRun() {
        allPhasesPassed();
        ProcessInstance pi = start();

        assertThat(pi).hasPassed(ASSESS_READINESS).isWaitingAt(DECIDE_GO_LIVE);
        assertThat(task(pi)).hasCandidateGroup("steering-committee");
        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isEqualTo("go");
        assertThat((Boolean) runtime.getVariable(pi.getId(), "readinessOk")).isTrue();
        assertThat((String) runtime.getVariable(pi.getId(), "readinessFindings"))
            .isEqualTo("- Every readiness criterion is met.");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessSummary"))
            .contains("✓ UAT gate: passed", "✓ Modules not accepted by their users: none",
                "✓ Datasets not signed off by their data owners: none", "✓ Open high risks (score 15 or more): none",
                "✓ Critical defects not closed: none")
            .doesNotContain("✗");
        assertThat(decisions.latest(code, "goLiveReadiness")).get().extracting(Decision::outcome).isEqualTo("go");

        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run",
            "decisionReason", "All criteria met"));

        assertThat(pi).hasPassed(GATEWAY_GO).isWaitingAt(EXECUTE_CUTOVER);
        assertThat(task(pi)).hasCandidateGroup("it-operations");
        assertThat(JsonRows.read(tasks.getVariableLocal(task(pi).getId(), CutoverRecorder.RUNBOOK)))
            .hasSize(5).first().satisfies(r -> assertThat(r.text("step")).startsWith("Freeze master data"));
        Decision decision = decisions.latest(code, "goLiveDecision").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("go");
        assertThat(decision.subject()).isEqualTo("dual-run");
        assertThat(row("select decision, strategy, readiness_ok from go_live_decision where project_code = ?"))
            .containsEntry("DECISION", "go").containsEntry("STRATEGY", "dual-run").containsEntry("READINESS_OK", true);

        complete(task(pi), withVariables("runbook", runbook(true, true), "cutoverSucceeded", "yes",
            "cutoverReport", "Cut over in 3 hours"));

        assertThat(pi).hasPassed(GATEWAY_CUTOVER_SUCCEEDED).hasPassed(END_LIVE).isEnded();
        assertThat(row("select succeeded, report from cutover_run where project_code = ?"))
            .containsEntry("SUCCEEDED", true).containsEntry("REPORT", "Cut over in 3 hours");
        assertThat(jdbc.sql("""
                select count(*) from cutover_step s join cutover_run r on r.id = s.run_id
                where r.project_code = ? and s.done""").param(code).query(Integer.class).single()).isEqualTo(2);
        assertThat(decisions.latest(code, "cutover")).get().extracting(Decision::outcome).isEqualTo("succeeded");
    }

    @Test
    void unmetReadinessAndNoGoGoesToResolveIssuesThenAssessesAgain() {
        record("uatGate", null, "failed");
        record("trainingCompletionCheck", null, "passed");
        record("moduleAcceptance", "finance", "accepted");
        record("moduleAcceptance", "inventory", "accepted");
        record("moduleAcceptance", "inventory", "rejected");
        signedOff("customers");
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt(DECIDE_GO_LIVE);
        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isEqualTo("no-go");
        assertThat((Boolean) runtime.getVariable(pi.getId(), "readinessOk")).isFalse();
        String findings = (String) runtime.getVariable(pi.getId(), "readinessFindings");
        assertThat(findings.lines()).containsExactly(
            "- The UAT gate has not passed: must-have requirements are not proven by passed test cases. (failed)",
            "- The requirements specification is not signed off. (not-run)",
            "- Modules are not accepted by their users. (inventory)",
            "- Datasets are not signed off by their data owners: the new system would start on unapproved data. "
                + "(materials)");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessSummary"))
            .contains("✓ Training completion check: passed", "✗ Modules not accepted by their users: inventory",
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
        assertThat((String) runtime.getVariable(pi.getId(), "readinessFindings")).contains("inventory", "materials");
        assertThat(decisions.latest(code, "goLiveDecision")).get().extracting(Decision::outcome).isEqualTo("no-go");

        allPhasesPassed();
        complete(task(pi), withVariables("resolutionNotes", "Retested, inventory accepted, materials signed off"));

        assertThat(pi).hasPassed(READINESS_MERGE).isWaitingAt(DECIDE_GO_LIVE);
        assertThat((Boolean) runtime.getVariable(pi.getId(), "readinessOk")).isTrue();
        assertThat(decisions.forProject(code)).filteredOn(d -> d.decision().equals("goLiveReadiness"))
            .extracting(Decision::outcome).containsExactly("no-go", "go");
    }

    @Test
    void goWhileNotReadyWithoutRiskAcceptanceIsRefusedAndStoresNothing() {
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("goLiveDecision", "go", "cutoverStrategy", "waves")))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("The readiness recommendation is no-go: a go overrides it and needs a written risk "
                + "acceptance");

        assertThat(pi).isWaitingAt(DECIDE_GO_LIVE);
        assertThat(count("select count(*) from go_live_decision where project_code = ?")).isZero();
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
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "big-bang",
            "riskAcceptance", "Legacy licence ends on 31 Dec; rollback tested"));

        assertThat(pi).isWaitingAt(EXECUTE_CUTOVER);
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

        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "waves",
            "riskAcceptance", "Finance closes the month in the legacy system"));

        assertThat(pi).isWaitingAt(EXECUTE_CUTOVER);
        assertThat(decisions.latest(code, "goLiveDecision")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("go-with-risk-acceptance");
            assertThat(d.findings()).containsExactly("Overrides the readiness recommendation no-go",
                "Risk accepted: Finance closes the month in the legacy system");
        });
        assertThat(row("select readiness_ok, recommendation, overridden, risk_acceptance from go_live_decision "
            + "where project_code = ?"))
            .containsEntry("READINESS_OK", false).containsEntry("RECOMMENDATION", "no-go")
            .containsEntry("OVERRIDDEN", true)
            .containsEntry("RISK_ACCEPTANCE", "Finance closes the month in the legacy system");
    }

    @Test
    void openHighRiskMakesAConditionalGoThatNeedsItsConditions() {
        allPhasesPassed();
        jdbc.sql("""
                insert into risk (project_code, title, probability, impact, score, owner, status)
                values (?, 'Key user of sales leaves before go-live', 4, 5, 20, 'liwei', 'open')""")
            .param(code).update();
        ProcessInstance pi = start();

        assertThat(runtime.getVariable(pi.getId(), "readinessVerdict")).isEqualTo("conditional-go");
        assertThat((String) runtime.getVariable(pi.getId(), "readinessFindings"))
            .isEqualTo("- High risks are open: go only with an owner and a mitigation for each, accepted by the "
                + "steering committee. (Key user of sales leaves before go-live (20))");
        String taskId = task(pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("goLiveDecision", "go", "cutoverStrategy", "waves")))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("a go needs the conditions it depends on");
        assertThat(count("select count(*) from go_live_decision where project_code = ?")).isZero();

        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "waves",
            "goLiveConditions", "Second sales key user named by 2026-12-01 (owner liwei)"));

        assertThat(pi).isWaitingAt(EXECUTE_CUTOVER);
        assertThat(decisions.latest(code, "goLiveDecision")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("conditional-go");
            assertThat(d.findings()).containsExactly("Conditions: Second sales key user named by 2026-12-01 (owner liwei)");
        });
        assertThat(row("select recommendation, overridden, conditions from go_live_decision where project_code = ?"))
            .containsEntry("RECOMMENDATION", "conditional-go").containsEntry("OVERRIDDEN", false)
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
                values (?, 'TC-007', 1, 'critical', 'Stock not updated', 'fixed', current_timestamp)""")
            .param(code).update();
        long defect = jdbc.sql("select max(id) from defect where project_code = ?").param(code).query(Long.class)
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
            assertThat(d.findings()).containsExactly("Overrides the readiness recommendation go",
                "Year-end closing first");
        });
        assertThat(row("select overridden, reason from go_live_decision where project_code = ?"))
            .containsEntry("OVERRIDDEN", true).containsEntry("REASON", "Year-end closing first");
    }

    @Test
    void failedCutoverIsRolledBackAndGoesToResolveIssues() {
        allPhasesPassed();
        ProcessInstance pi = start();
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "waves"));

        complete(task(pi), withVariables("runbook", runbook(true, false), "cutoverSucceeded", "no",
            "cutoverReport", "Opening balances did not reconcile"));

        assertThat(pi).hasPassed(GATEWAY_CUTOVER_SUCCEEDED).isWaitingAt(ROLL_BACK);
        assertThat(task(pi)).hasCandidateGroup("it-operations");
        assertThat(decisions.latest(code, "cutover")).get().extracting(Decision::outcome).isEqualTo("failed");

        String rollBack = task(pi).getId();
        assertThatThrownBy(() -> tasks.complete(rollBack, Map.of("rollbackReport", " ")))
            .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Rollback report");
        complete(task(pi), withVariables("rollbackReport", "Users back on the legacy system at 06:00"));

        assertThat(pi).hasPassed(RESOLVE_MERGE).isWaitingAt(RESOLVE_ISSUES);
        assertThat(task(pi)).hasCandidateGroup("pmo");
        assertThat(row("select succeeded, rollback_report from cutover_run where project_code = ?"))
            .containsEntry("SUCCEEDED", false).containsEntry("ROLLBACK_REPORT", "Users back on the legacy system at 06:00");
        assertThat(decisions.latest(code, "cutoverRollback")).isPresent();

        // the next attempt starts from the runbook of the failed one
        complete(task(pi), withVariables("resolutionNotes", "Balances corrected"));
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "waves"));
        assertThat(pi).isWaitingAt(EXECUTE_CUTOVER);
        assertThat(JsonRows.read(tasks.getVariableLocal(task(pi).getId(), CutoverRecorder.RUNBOOK)))
            .extracting(r -> r.text("step")).containsExactly("Load data", "Switch users");
    }

    @Test
    void succeededCutoverWithAStepNotDoneIsRefusedAndStoresNothing() {
        allPhasesPassed();
        ProcessInstance pi = start();
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("runbook", runbook(true, false),
            "cutoverSucceeded", "yes", "cutoverReport", "Done")))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 2: step \"Switch users\" is not done");

        assertThat(pi).isWaitingAt(EXECUTE_CUTOVER);
        assertThat(count("select count(*) from cutover_run where project_code = ?")).isZero();
    }

    @Test
    void cutoverSubmittedThroughTasklistFormIsRecorded() {
        allPhasesPassed();
        ProcessInstance pi = start();
        complete(task(pi), withVariables("goLiveDecision", "go", "cutoverStrategy", "dual-run"));

        // Tasklist submits the form, which updates the task-local runbook it was prefilled from
        forms.submitTaskForm(task(pi).getId(), Variables.createVariables().putValue("runbook", runbook(true, true))
            .putValue("cutoverSucceeded", "yes").putValue("cutoverReport", "Live"));

        assertThat(pi).isEnded();
        assertThat(jdbc.sql("""
                select s.step from cutover_step s join cutover_run r on r.id = s.run_id
                where r.project_code = ? order by s.step_no""").param(code).query(String.class).list())
            .containsExactly("Load data", "Switch users");
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    private void allPhasesPassed() {
        record("uatGate", null, "passed");
        record("trainingCompletionCheck", null, "passed");
        record("requirementSignOff", null, "passed");
        MODULES.forEach(m -> record("moduleAcceptance", "module " + m + " iteration 1", "accepted"));
        DATASETS.forEach(this::signedOff);
    }

    // a dry run and its owner's sign-off, as the data migration phase stores them
    private void signedOff(String dataset) {
        int round = jdbc.sql("select coalesce(max(round), 0) + 1 from migration_run where project_code = ? and dataset = ?")
            .params(code, dataset).query(Integer.class).single();
        jdbc.sql("""
                insert into migration_run (project_code, dataset, round, source_rows, accepted_rows, rejected_rows,
                                           source_file, recorded_by, recorded_at)
                values (?, ?, ?, 10, 10, 0, 'extract.csv', 'steward', current_timestamp)""")
            .params(code, dataset, round).update();
        jdbc.sql("""
                insert into migration_signoff (project_code, dataset, round, signed_off, signed_by, signed_at)
                values (?, ?, ?, true, 'owner', current_timestamp)""")
            .params(code, dataset, round).update();
    }

    private void record(String decision, String subject, String outcome) {
        decisions.record(new Decision(code, decision, subject, outcome, List.of(), null, "tester", null));
    }

    private static Object runbook(boolean firstDone, boolean secondDone) {
        return JsonRows.of(List.of(step("Load data", "wangfang", 120, firstDone), step("Switch users", "liwei", 30, secondDone)));
    }

    private static Map<String, Object> step(String step, String owner, int minutes, boolean done) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put("owner", owner);
        row.put("plannedMinutes", minutes);
        row.put("done", done);
        return row;
    }

    private Map<String, Object> row(String sql) {
        return jdbc.sql(sql + " order by id desc").param(code).query().listOfRows().get(0);
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }
}
