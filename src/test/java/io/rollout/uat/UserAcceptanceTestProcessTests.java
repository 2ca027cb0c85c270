package io.rollout.uat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class UserAcceptanceTestProcessTests {

    static final String PROCESS = "userAcceptanceTest";
    static final String PREPARE_TEST_CASES = "UserTask_PrepareTestCases";
    static final String EXECUTE_ROUND = "UserTask_ExecuteUatRound";
    static final String UAT_GATE = "ServiceTask_UatGate";
    static final String FIX_DEFECTS = "UserTask_FixDefects";
    static final String UAT_PASSED = "EndEvent_UatPassed";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    HistoryService history;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DecisionLog decisionLog;
    @Autowired
    UatStatus uatStatus;

    String code;

    @BeforeEach
    void createProject() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        requirement("REQ-1", "must");
        requirement("REQ-2", "must");
        requirement("REQ-3", "could");
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void passesInOneRoundWhenEveryCasePasses() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(PREPARE_TEST_CASES);
        assertThat(task(pi)).hasCandidateGroup("key-user");
        assertThat(JsonRows.read(localVariable(pi, "testCases"))).isEmpty();

        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(
            testCase("TC-1", "REQ-1", "high"), testCase("TC-2", "REQ-2, REQ-3", "medium")))));

        assertThat(pi).isWaitingAt(EXECUTE_ROUND);
        assertThat(task(pi)).hasCandidateGroup("key-user");
        List<FormRow> prefilled = JsonRows.read(localVariable(pi, "results"));
        assertThat(prefilled).extracting(r -> r.text("caseId")).containsExactly("TC-1", "TC-2");
        assertThat(prefilled.get(1).text("title")).isEqualTo("Case TC-2");
        // as Tasklist submits it: into the task-local variable it prefilled
        formService.submitTaskForm(task(pi).getId(), Variables.createVariables().putValue("results",
            JsonRows.of(List.of(result("TC-1", "pass"), result("TC-2", "pass")))));

        assertThat(pi).hasPassed(UAT_GATE, UAT_PASSED).isEnded();
        assertThat(historicVariable(pi, "uatPassed")).isEqualTo(true);
        assertThat(historicVariable(pi, "uatRound")).isEqualTo(1);
        assertThat(count("select count(*) from test_result where project_code = ? and result = 'pass'")).isEqualTo(2);
        assertThat(count("select count(*) from test_case_requirement where project_code = ?")).isEqualTo(3);
        DecisionLog.Decision decision = decisionLog.latest(code, "uatGate").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("passed");
        assertThat(decision.subject()).isEqualTo("round 1");
        assertThat(decision.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
        assertThat(decision.findings()).isEmpty();
        assertThat(uatStatus.lastGatePassed(code)).isTrue();
    }

    @Test
    void failedGateSendsDefectsToDevelopersAndTheFixIsVerifiedInTheNextRound() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(
            testCase("TC-1", "REQ-1", "high"), testCase("TC-2", "REQ-2", "high")))));
        complete(task(pi), withVariables("results", JsonRows.of(List.of(result("TC-1", "pass"),
            failed("TC-2", "critical", "Posting the invoice fails")))));

        assertThat(pi).hasPassed(UAT_GATE).isWaitingAt(FIX_DEFECTS);
        assertThat(task(pi)).hasCandidateGroup("developer");
        long defectId = jdbc.sql("select id from defect where project_code = ?").param(code).query(Long.class).single();
        String findings = (String) runtime.getVariable(pi.getId(), "uatFindings");
        assertThat(findings).isEqualTo("""
            - Must-have requirements whose test cases have not passed: REQ-2
            - Pass rate 50.0 %% (1 of 2 test cases passed) is below the target of 95 %%.
            - Defect #%d on test case TC-2 (critical) is open.""".formatted(defectId));
        DecisionLog.Decision decision = decisionLog.latest(code, "uatGate").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("failed");
        assertThat(decision.subject()).isEqualTo("round 1");
        assertThat(decision.findings()).hasSize(3).last().asString().contains("TC-2 (critical) is open");
        assertThat(uatStatus.lastGatePassed(code)).isFalse();
        // the results rows belong in our tables, not in the process
        assertThat(runtime.getVariable(pi.getId(), "results")).isNull();

        List<FormRow> openDefects = JsonRows.read(localVariable(pi, "defects"));
        assertThat(openDefects).singleElement().satisfies(r -> {
            assertThat(r.text("caseId")).isEqualTo("TC-2");
            assertThat(r.text("severity")).isEqualTo("critical");
        });
        complete(task(pi), withVariables("defects", JsonRows.of(List.of(
            fix(defectId, true, "Posting period check corrected")))));
        assertThat(defectStatus(defectId)).isEqualTo("fixed");

        assertThat(pi).isWaitingAt(PREPARE_TEST_CASES);
        assertThat(task(pi)).hasCandidateGroup("key-user");
        assertThat(JsonRows.read(localVariable(pi, "testCases"))).extracting(r -> r.text("requirementIds"))
            .containsExactly("REQ-1", "REQ-2");
        complete(task(pi)); // cases unchanged: the prefilled rows are submitted as they are

        complete(task(pi), withVariables("results", JsonRows.of(List.of(result("TC-1", "pass"),
            result("TC-2", "pass")))));

        assertThat(pi).hasPassed(UAT_PASSED).isEnded();
        assertThat(defectStatus(defectId)).isEqualTo("closed");
        assertThat(decisionLog.latest(code, "uatGate").orElseThrow().subject()).isEqualTo("round 2");
        assertThat(count("select count(*) from test_result where project_code = ? and round = 2")).isEqualTo(2);
        assertThat(uatStatus.lastGatePassed(code)).isTrue();
    }

    @Test
    void passingRetestDoesNotCloseADefectNobodyFixed() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(testCase("TC-1", "REQ-1, REQ-2", "high")))));
        complete(task(pi), withVariables("results", JsonRows.of(List.of(failed("TC-1", "high", "Wrong totals")))));
        assertThat(pi).isWaitingAt(FIX_DEFECTS);
        long defectId = jdbc.sql("select id from defect where project_code = ?").param(code).query(Long.class).single();
        complete(task(pi), withVariables("defects", JsonRows.of(List.of(fix(defectId, false, null)))));
        complete(task(pi));

        complete(task(pi), withVariables("results", JsonRows.of(List.of(result("TC-1", "pass")))));

        assertThat(pi).isWaitingAt(FIX_DEFECTS);
        assertThat(defectStatus(defectId)).isEqualTo("open");
        assertThat((String) runtime.getVariable(pi.getId(), "uatFindings"))
            .isEqualTo("- Defect #%d on test case TC-1 (high) is open.".formatted(defectId));
    }

    @Test
    void uncoveredMustRequirementSendsKeyUsersBackToAddCases() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(testCase("TC-1", "REQ-1", "high")))));
        complete(task(pi), withVariables("results", JsonRows.of(List.of(result("TC-1", "pass")))));

        assertThat(pi).isWaitingAt(FIX_DEFECTS);
        assertThat((String) runtime.getVariable(pi.getId(), "uatFindings"))
            .isEqualTo("- Must-have requirements without any test case: REQ-2");
        assertThat(JsonRows.read(localVariable(pi, "defects"))).isEmpty();
        complete(task(pi));

        assertThat(pi).isWaitingAt(PREPARE_TEST_CASES);
        List<FormRow> existing = JsonRows.read(localVariable(pi, "testCases"));
        List<Map<String, Object>> rows = new java.util.ArrayList<>(existing.stream().map(FormRow::values).toList());
        rows.add(testCase("TC-2", "REQ-2", "medium"));
        complete(task(pi), withVariables("testCases", JsonRows.of(rows)));
        complete(task(pi), withVariables("results", JsonRows.of(List.of(result("TC-2", "pass")))));

        assertThat(pi).hasPassed(UAT_PASSED).isEnded();
    }

    @Test
    void refusesARoundWithAFailureWithoutDefectAndStoresNothing() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(
            testCase("TC-1", "REQ-1", "high"), testCase("TC-2", "REQ-2", "high")))));
        Task round = task(pi);

        assertThatThrownBy(() -> complete(round, withVariables("results", JsonRows.of(List.of(
            result("TC-1", "fail"), result("TC-9", "pass"), result("TC-2", "maybe"))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 1: test case TC-1 failed, so the field \"Defect severity\" is required")
            .hasMessageContaining("Row 1: test case TC-1 failed, so the field \"Defect description\" is required")
            .hasMessageContaining("Row 2: test case TC-9 does not exist in this project.")
            .hasMessageContaining("Row 3: the field \"Result\" must be one of pass/fail/blocked, not \"maybe\".");

        assertThat(pi).isWaitingAt(EXECUTE_ROUND);
        assertThat(count("select count(*) from test_result where project_code = ?")).isZero();
        assertThat(count("select count(*) from defect where project_code = ?")).isZero();
        assertThat(runtime.getVariable(pi.getId(), "uatRound")).isNull();
    }

    @Test
    void refusesTestCasesWithUnknownRequirementsInTheUsersLanguage() {
        ProcessInstance pi = start();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> complete(task(pi), withVariables("testCases", JsonRows.of(List.of(
            testCase("TC-1", "REQ-1, REQ-404", "high"), testCase("TC-1", "REQ-2", "urgent"))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("第 1 行：本项目中不存在需求 REQ-404。")
            .hasMessageContaining("第 2 行：字段“优先级”必须是 high/medium/low 之一，而不是“urgent”。")
            .hasMessageContaining("第 2 行：测试用例 TC-1 重复出现。");

        assertThat(pi).isWaitingAt(PREPARE_TEST_CASES);
        assertThat(count("select count(*) from test_case where project_code = ?")).isZero();
    }

    @Test
    void refusesAFixWithoutNote() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(testCase("TC-1", "REQ-1, REQ-2", "high")))));
        complete(task(pi), withVariables("results", JsonRows.of(List.of(failed("TC-1", "medium", "Label typo")))));
        long defectId = jdbc.sql("select id from defect where project_code = ?").param(code).query(Long.class).single();

        assertThatThrownBy(() -> complete(task(pi), withVariables("defects", JsonRows.of(List.of(
            fix(defectId, true, " "), fix(999_999, true, "done"))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 1: defect #%d is marked fixed".formatted(defectId))
            .hasMessageContaining("Row 2: defect #999999 is not an open defect of this project.");

        assertThat(pi).isWaitingAt(FIX_DEFECTS);
        assertThat(defectStatus(defectId)).isEqualTo("open");
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    private Object localVariable(ProcessInstance pi, String name) {
        return taskService.getVariableLocal(task(pi).getId(), name);
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
            .singleResult().getValue();
    }

    private void requirement(String id, String priority) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, updated_at)
                values (?, ?, 'finance', ?, ?, ?)""")
            .params(code, id, "Requirement " + id, priority, Timestamp.from(Instant.now())).update();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }

    private String defectStatus(long id) {
        return jdbc.sql("select status from defect where id = ?").param(id).query(String.class).single();
    }

    static Map<String, Object> testCase(String id, String requirements, String priority) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", id);
        row.put("title", "Case " + id);
        row.put("requirementIds", requirements);
        row.put("module", "finance");
        row.put("priority", priority);
        row.put("steps", "Open, enter, post");
        row.put("expectedResult", "Posted");
        return row;
    }

    static Map<String, Object> result(String caseId, String result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", caseId);
        row.put("title", "Case " + caseId);
        row.put("result", result);
        return row;
    }

    static Map<String, Object> failed(String caseId, String severity, String description) {
        Map<String, Object> row = result(caseId, "fail");
        row.put("defectSeverity", severity);
        row.put("defectDescription", description);
        return row;
    }

    static Map<String, Object> fix(long defectId, boolean fixed, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("defectId", String.valueOf(defectId));
        row.put("fixed", fixed);
        row.put("fixNote", note);
        return row;
    }
}
