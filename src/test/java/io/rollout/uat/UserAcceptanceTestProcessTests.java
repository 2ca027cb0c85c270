package io.rollout.uat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
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
    static final String PLAN_ROUND = "UserTask_PlanUatRound";
    static final String EXECUTE_ROUND = "UserTask_ExecuteUatRound";
    static final String TRIAGE_DEFECTS = "UserTask_TriageDefects";
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

    @Autowired
    IdentityService identity;

    static final String KEY_USER_1 = "uatkey1";
    static final String KEY_USER_2 = "uatkey2";
    static final String DEVELOPER_1 = "uatdev1";
    static final String DEVELOPER_2 = "uatdev2";

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
        for (String keyUser : List.of(KEY_USER_1, KEY_USER_2)) {
            TestUsers.ensure(identity, keyUser, "uat-Secret-2026", Roles.KEY_USER);
        }
        for (String developer : List.of(DEVELOPER_1, DEVELOPER_2)) {
            TestUsers.ensure(identity, developer, "uat-Secret-2026", Roles.DEVELOPER);
        }
        TestUsers.ensure(identity, "uatpmo", "uat-Secret-2026", Roles.PMO);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void twoKeyUsersExecuteTheirOwnCasesInParallelAndTheGatePasses() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(PREPARE_TEST_CASES);
        assertThat(task(pi)).hasCandidateGroup("key-user");
        assertThat(JsonRows.read(localVariable(pi, "testCases"))).isEmpty();
        assertThat(task(pi).getName()).isEqualTo("Prepare UAT test cases for round 1");
        // the requirements to trace to, none covered yet
        assertThat(JsonRows.read(localVariable(pi, "requirementsTable")))
                .extracting(r ->
                        r.text("id") + " " + r.text("priority") + " " + r.text("department") + " " + r.text("cases"))
                .containsExactly("REQ-1 must Finance -", "REQ-2 must Finance -", "REQ-3 could Finance -");
        complete(
                task(pi),
                withVariables(
                        "testCases",
                        JsonRows.of(List.of(
                                testCase("TC-1", "REQ-1", "high"), testCase("TC-2", "REQ-2, REQ-3", "medium")))));

        assertThat(pi).isWaitingAt(PLAN_ROUND);
        assertThat(task(pi)).hasCandidateGroup("pmo");
        List<FormRow> plan = JsonRows.read(localVariable(pi, "assignments"));
        assertThat(plan)
                .extracting(r -> r.text("caseId") + " " + r.bool("include") + " " + r.text("lastResult"))
                .containsExactly("TC-1 true Not run yet", "TC-2 true Not run yet");
        // testers are picked by name among the key users
        assertThat(JsonRows.read(localVariable(pi, "testerOptions")))
                .extracting(r -> r.text("label") + "=" + r.text("value"))
                .contains(
                        KEY_USER_1 + " Test (" + KEY_USER_1 + ")=" + KEY_USER_1,
                        KEY_USER_2 + " Test (" + KEY_USER_2 + ")=" + KEY_USER_2)
                .noneMatch(option -> option.endsWith("=" + DEVELOPER_1));
        complete(
                task(pi),
                withVariables(
                        "assignments", JsonRows.of(List.of(assign("TC-1", KEY_USER_1), assign("TC-2", KEY_USER_2)))));

        assertThat(runtime.getVariable(pi.getId(), "uatRound")).isEqualTo(1);
        Task first = roundTask(pi, KEY_USER_1);
        Task second = roundTask(pi, KEY_USER_2);
        assertThat(first.getName()).isEqualTo("Execute UAT round 1 (" + KEY_USER_1 + " Test)");
        assertThat(JsonRows.read(taskService.getVariableLocal(first.getId(), "caseDetails")))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.text("caseId")).isEqualTo("TC-1");
                    assertThat(r.text("steps")).isEqualTo("Open, enter, post");
                    assertThat(r.text("lastResult")).isEqualTo("Not run yet");
                });
        assertThat(JsonRows.read(taskService.getVariableLocal(first.getId(), "results")))
                .extracting(r -> r.text("caseId") + " " + r.text("defectModule"))
                .containsExactly("TC-1 finance");
        assertThat(JsonRows.read(taskService.getVariableLocal(second.getId(), "results")))
                .extracting(r -> r.text("caseId"))
                .containsExactly("TC-2");
        // as Tasklist submits it: into the task-local variable it prefilled
        formService.submitTaskForm(
                first.getId(),
                Variables.createVariables().putValue("results", JsonRows.of(List.of(result("TC-1", "pass")))));
        assertThat(pi).isWaitingAt(EXECUTE_ROUND).hasNotPassed(UAT_GATE);
        formService.submitTaskForm(
                second.getId(),
                Variables.createVariables().putValue("results", JsonRows.of(List.of(result("TC-2", "pass")))));

        assertThat(pi).hasPassed(UAT_GATE, UAT_PASSED).isEnded();
        assertThat(historicVariable(pi, "uatPassed")).isEqualTo(true);
        assertThat(jdbc.sql("select case_id || ' ' || tester from test_result where project_code = ? order by case_id")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("TC-1 " + KEY_USER_1, "TC-2 " + KEY_USER_2);
        DecisionLog.Decision decision = decisionLog.latest(code, "uatGate").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("passed");
        assertThat(decision.subject()).isEqualTo("round 1");
        assertThat(decision.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
        assertThat(uatStatus.lastGatePassed(code)).isTrue();
    }

    @Test
    void defectsAreAssignedFixedByTheirDevelopersAndVerifiedByTheRetest() {
        ProcessInstance pi = start();
        complete(
                task(pi),
                withVariables(
                        "testCases",
                        JsonRows.of(List.of(
                                testCase("TC-1", "REQ-1", "high"),
                                testCase("TC-2", "REQ-2", "high"),
                                testCase("TC-3", "REQ-3", "low")))));
        complete(
                task(pi),
                withVariables(
                        "assignments",
                        JsonRows.of(List.of(
                                assign("TC-1", KEY_USER_1), assign("TC-2", KEY_USER_1), assign("TC-3", KEY_USER_1)))));
        complete(
                roundTask(pi, KEY_USER_1),
                withVariables(
                        "results",
                        JsonRows.of(List.of(
                                result("TC-1", "pass"),
                                failed("TC-2", "critical", "Posting the invoice fails"),
                                failed("TC-3", "medium", "Label typo")))));

        assertThat(pi).hasPassed(UAT_GATE).isWaitingAt(TRIAGE_DEFECTS);
        assertThat(task(pi)).hasCandidateGroup("pmo");
        long critical = defectId("TC-2");
        long medium = defectId("TC-3");
        assertThat((String) runtime.getVariable(pi.getId(), "uatFindings")).isEqualTo("""
            - Must-have requirements whose test cases have not passed: REQ-2
            - Pass rate 33.3 %% (1 of 3 test cases passed) is below the target of 95 %%.
            - Defect #%d on test case TC-2 (critical) is open.""".formatted(critical));
        assertThat(task(pi).getName()).isEqualTo("Assign the defects of UAT round 1 to developers");
        assertThat(JsonRows.read(localVariable(pi, "defectDetails")))
                .extracting(r -> r.text("caseId") + " " + r.text("module") + " " + r.text("severity"))
                .containsExactly("TC-2 Finance Critical", "TC-3 Finance Medium");
        assertThat(JsonRows.read(localVariable(pi, "developerOptions")))
                .extracting(r -> r.text("value"))
                .contains(DEVELOPER_1, DEVELOPER_2)
                .doesNotContain(KEY_USER_1);
        complete(
                task(pi),
                withVariables(
                        "defects",
                        JsonRows.of(List.of(
                                triage(critical, "critical", null, DEVELOPER_1),
                                triage(medium, "low", "Cosmetic only", DEVELOPER_2)))));

        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("UserTask_FixDefects")
                        .list())
                .extracting(Task::getAssignee)
                .containsExactlyInAnyOrder(DEVELOPER_1, DEVELOPER_2);
        Task fix1 = fixTask(pi, DEVELOPER_1);
        Task fix2 = fixTask(pi, DEVELOPER_2);
        assertThat(fix1.getName()).isEqualTo("Fix defects of UAT round 1 (" + DEVELOPER_1 + " Test)");
        assertThat(JsonRows.read(taskService.getVariableLocal(fix1.getId(), "defects")))
                .extracting(r -> r.text("caseId"))
                .containsExactly("TC-2");
        assertThat(JsonRows.read(taskService.getVariableLocal(fix2.getId(), "defects")))
                .extracting(r -> r.text("caseId"))
                .containsExactly("TC-3");
        complete(
                fix1,
                withVariables("defects", JsonRows.of(List.of(fix(critical, true, "Posting period check corrected")))));
        complete(fix2, withVariables("defects", JsonRows.of(List.of(fix(medium, true, "Label fixed")))));
        assertThat(defectStatus(critical)).isEqualTo("fixed");

        assertThat(pi).isWaitingAt(PREPARE_TEST_CASES);
        assertThat(task(pi).getName()).isEqualTo("Prepare UAT test cases for round 2");
        complete(task(pi)); // cases unchanged: the prefilled rows are submitted as they are
        assertThat(task(pi).getName()).isEqualTo("Plan UAT round 2: test cases and testers");
        // the passed case stays out, the fixed ones come back for their retest with their tester
        assertThat(JsonRows.read(localVariable(pi, "assignments")))
                .extracting(r -> r.text("caseId") + " " + r.bool("include") + " " + r.text("tester"))
                .containsExactly("TC-1 false " + KEY_USER_1, "TC-2 true " + KEY_USER_1, "TC-3 true " + KEY_USER_1);
        complete(task(pi), withVariables("assignments", localVariable(pi, "assignments")));
        assertThat(runtime.getVariable(pi.getId(), "uatRound")).isEqualTo(2);
        assertThat(JsonRows.read(
                        taskService.getVariableLocal(roundTask(pi, KEY_USER_1).getId(), "caseDetails")))
                .extracting(r -> r.text("caseId") + ": " + r.text("lastResult"))
                .containsExactly("TC-2: Failed in round 1, fixed: retest", "TC-3: Failed in round 1, fixed: retest");
        complete(
                roundTask(pi, KEY_USER_1),
                withVariables("results", JsonRows.of(List.of(result("TC-2", "pass"), result("TC-3", "pass")))));

        assertThat(pi).hasPassed(UAT_PASSED).isEnded();
        assertThat(defectStatus(critical)).isEqualTo("closed");
        assertThat(jdbc.sql(
                                "select event || ' ' || coalesce(by_user, '-') from defect_event where defect_id = ? order by id")
                        .param(medium)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "raised " + KEY_USER_1,
                        "severity unknown",
                        "assigned unknown",
                        "fixed " + DEVELOPER_2,
                        "verified " + KEY_USER_1);
        assertThat(decisionLog.latest(code, "uatGate").orElseThrow().subject()).isEqualTo("round 2");
    }

    @Test
    void aFailedRetestReopensTheFixedDefectInsteadOfRaisingANewOne() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(testCase("TC-1", "REQ-1, REQ-2", "high")))));
        complete(task(pi), withVariables("assignments", JsonRows.of(List.of(assign("TC-1", KEY_USER_2)))));
        complete(
                roundTask(pi, KEY_USER_2),
                withVariables("results", JsonRows.of(List.of(failed("TC-1", "high", "Wrong totals")))));
        long defect = defectId("TC-1");
        complete(task(pi), withVariables("defects", JsonRows.of(List.of(triage(defect, "high", null, DEVELOPER_1)))));
        complete(
                fixTask(pi, DEVELOPER_1),
                withVariables("defects", JsonRows.of(List.of(fix(defect, true, "Rounding")))));
        complete(task(pi));
        complete(task(pi), withVariables("assignments", localVariable(pi, "assignments")));

        Map<String, Object> retest = result("TC-1", "fail");
        retest.put("comment", "Totals still off by one cent");
        complete(roundTask(pi, KEY_USER_2), withVariables("results", JsonRows.of(List.of(retest))));

        assertThat(pi).isWaitingAt(TRIAGE_DEFECTS);
        assertThat(count("select count(*) from defect where project_code = ?")).isEqualTo(1);
        assertThat(defectStatus(defect)).isEqualTo("open");
        assertThat((String) runtime.getVariable(pi.getId(), "uatFindings"))
                .contains(
                        "Defect #%d on test case TC-1 (high) is open, assigned to %s.".formatted(defect, DEVELOPER_1));
        assertThat(JsonRows.read(localVariable(pi, "defects")))
                .singleElement()
                .satisfies(r -> assertThat(r.text("developer")).isEqualTo(DEVELOPER_1));
        assertThat(JsonRows.read(localVariable(pi, "defectDetails")))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.text("defect")).isEqualTo("#" + defect);
                    assertThat(r.text("description")).isEqualTo("Wrong totals (reopened 1×)");
                    assertThat(r.text("round")).isEqualTo("1");
                });
    }

    @Test
    void aGateFailingOnlyOnCoverageNeedsNoDeveloperAndKeyUsersAddCases() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(testCase("TC-1", "REQ-1", "high")))));
        complete(task(pi), withVariables("assignments", JsonRows.of(List.of(assign("TC-1", KEY_USER_1)))));
        complete(roundTask(pi, KEY_USER_1), withVariables("results", JsonRows.of(List.of(result("TC-1", "pass")))));

        assertThat(pi).isWaitingAt(TRIAGE_DEFECTS);
        assertThat((String) runtime.getVariable(pi.getId(), "uatFindings"))
                .isEqualTo("- Must-have requirements without any test case: REQ-2");
        assertThat(JsonRows.read(localVariable(pi, "defects"))).isEmpty();
        complete(task(pi));

        // no open defect, no developer: the fix step has no task
        assertThat(pi).hasNotPassed(FIX_DEFECTS).isWaitingAt(PREPARE_TEST_CASES);
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(FIX_DEFECTS)
                        .count())
                .isZero();
        List<Map<String, Object>> rows =
                new java.util.ArrayList<>(JsonRows.read(localVariable(pi, "testCases")).stream()
                        .map(FormRow::values)
                        .toList());
        rows.add(testCase("TC-2", "REQ-2", "medium"));
        complete(task(pi), withVariables("testCases", JsonRows.of(rows)));
        complete(task(pi), withVariables("assignments", JsonRows.of(List.of(assign("TC-2", KEY_USER_2)))));
        complete(roundTask(pi, KEY_USER_2), withVariables("results", JsonRows.of(List.of(result("TC-2", "pass")))));

        assertThat(pi).hasPassed(UAT_PASSED).isEnded();
    }

    @Test
    void aBlockedCaseIsNotPassedAndNeedsAComment() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("testCases", JsonRows.of(List.of(testCase("TC-1", "REQ-1, REQ-2", "high")))));
        complete(task(pi), withVariables("assignments", JsonRows.of(List.of(assign("TC-1", KEY_USER_1)))));
        Task round = roundTask(pi, KEY_USER_1);

        assertThatThrownBy(() ->
                        complete(round, withVariables("results", JsonRows.of(List.of(result("TC-1", "blocked"))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: test case TC-1 is blocked: say in \"Comment\" what blocks it.");
        Map<String, Object> blocked = result("TC-1", "blocked");
        blocked.put("comment", "No printer in the test environment");
        complete(round, withVariables("results", JsonRows.of(List.of(blocked))));

        assertThat(pi).isWaitingAt(TRIAGE_DEFECTS);
        assertThat((String) runtime.getVariable(pi.getId(), "uatFindings"))
                .contains("whose test cases have not passed: REQ-1, REQ-2", "Pass rate 0.0 %");
    }

    @Test
    void refusesAPlanWithoutKeyUsersAndStoresNothing() {
        ProcessInstance pi = start();
        complete(
                task(pi),
                withVariables(
                        "testCases",
                        JsonRows.of(List.of(
                                testCase("TC-1", "REQ-1", "high"),
                                testCase("TC-2", "REQ-2", "high"),
                                testCase("TC-3", "REQ-3", "low")))));
        Task plan = task(pi);

        assertThatThrownBy(() -> complete(
                        plan,
                        withVariables(
                                "assignments",
                                JsonRows.of(List.of(
                                        assign("TC-1", null),
                                        assign("TC-2", DEVELOPER_1),
                                        assign("TC-9", KEY_USER_1))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: test case TC-1 is included in the round, so it needs a tester.")
                .hasMessageContaining("Row 2: " + DEVELOPER_1 + " is not a key user")
                .hasMessageContaining("Row 3: test case TC-9 does not exist in this project.");
        Map<String, Object> none = assign("TC-1", KEY_USER_1);
        none.put("include", false);
        assertThatThrownBy(() -> complete(plan, withVariables("assignments", JsonRows.of(List.of(none)))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Include at least one test case in the round.");

        assertThat(pi).isWaitingAt(PLAN_ROUND);
        assertThat(count("select count(*) from uat_round where project_code = ?"))
                .isZero();
        assertThat(runtime.getVariable(pi.getId(), "uatRound")).isNull();
    }

    @Test
    void refusesResultsForAnotherTestersCasesOrMissingOnesAndStoresNothing() {
        ProcessInstance pi = start();
        complete(
                task(pi),
                withVariables(
                        "testCases",
                        JsonRows.of(List.of(testCase("TC-1", "REQ-1", "high"), testCase("TC-2", "REQ-2", "high")))));
        complete(
                task(pi),
                withVariables(
                        "assignments", JsonRows.of(List.of(assign("TC-1", KEY_USER_1), assign("TC-2", KEY_USER_2)))));
        Task round = roundTask(pi, KEY_USER_1);

        assertThatThrownBy(() -> complete(
                        round,
                        withVariables("results", JsonRows.of(List.of(result("TC-2", "pass"), result("TC-9", "pass"))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: test case TC-2 is not assigned to " + KEY_USER_1 + " in this round.")
                .hasMessageContaining("Row 2: test case TC-9 does not exist in this project.")
                .hasMessageContaining("Record a result for every test case assigned to you; missing: TC-1");
        assertThatThrownBy(() ->
                        complete(round, withVariables("results", JsonRows.of(List.of(result("TC-1", "fail"))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: test case TC-1 failed, so the field \"Defect severity\" is required")
                .hasMessageContaining("Row 1: test case TC-1 failed, so the field \"Defect description\" is required");

        assertThat(count("select count(*) from test_result where project_code = ?"))
                .isZero();
        assertThat(count("select count(*) from defect where project_code = ?")).isZero();
    }

    @Test
    void refusesATriageThatLeavesADefectWithoutDeveloperOrRerateWithoutReason() {
        ProcessInstance pi = start();
        complete(
                task(pi),
                withVariables(
                        "testCases",
                        JsonRows.of(
                                List.of(testCase("TC-1", "REQ-1, REQ-2", "high"), testCase("TC-2", "REQ-1", "low")))));
        complete(
                task(pi),
                withVariables(
                        "assignments", JsonRows.of(List.of(assign("TC-1", KEY_USER_1), assign("TC-2", KEY_USER_1)))));
        complete(
                roundTask(pi, KEY_USER_1),
                withVariables(
                        "results",
                        JsonRows.of(List.of(failed("TC-1", "high", "Wrong totals"), failed("TC-2", "low", "Typo")))));
        long first = defectId("TC-1");
        long second = defectId("TC-2");
        Task triage = task(pi);

        assertThatThrownBy(() -> complete(
                        triage,
                        withVariables("defects", JsonRows.of(List.of(triage(first, "medium", null, KEY_USER_1))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: " + KEY_USER_1 + " is not a developer")
                .hasMessageContaining("Row 1: the severity of defect #%d changes from high to medium: give the reason."
                        .formatted(first))
                .hasMessageContaining("Defect #%d is open and must be assigned to a developer.".formatted(second));

        assertThat(pi).isWaitingAt(TRIAGE_DEFECTS);
        assertThat(jdbc.sql("select count(*) from defect where project_code = ? and assignee is not null")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesTestCasesWithUnknownRequirementsInTheUsersLanguage() {
        ProcessInstance pi = start();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> complete(
                        task(pi),
                        withVariables(
                                "testCases",
                                JsonRows.of(List.of(
                                        testCase("TC-1", "REQ-1, REQ-404", "high"),
                                        testCase("TC-1", "REQ-2", "urgent"))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("第 1 行：本项目中不存在需求 REQ-404。")
                .hasMessageContaining("第 2 行：字段“优先级”必须是 high/medium/low 之一，而不是“urgent”。")
                .hasMessageContaining("第 2 行：测试用例 TC-1 重复出现。");

        assertThat(pi).isWaitingAt(PREPARE_TEST_CASES);
        assertThat(count("select count(*) from test_case where project_code = ?"))
                .isZero();
    }

    @Test
    void refusesAFixWithoutNoteOrOfAnotherDevelopersDefect() {
        ProcessInstance pi = start();
        complete(
                task(pi),
                withVariables(
                        "testCases",
                        JsonRows.of(
                                List.of(testCase("TC-1", "REQ-1, REQ-2", "high"), testCase("TC-2", "REQ-1", "low")))));
        complete(
                task(pi),
                withVariables(
                        "assignments", JsonRows.of(List.of(assign("TC-1", KEY_USER_1), assign("TC-2", KEY_USER_1)))));
        complete(
                roundTask(pi, KEY_USER_1),
                withVariables(
                        "results",
                        JsonRows.of(List.of(failed("TC-1", "medium", "Label typo"), failed("TC-2", "low", "Colour")))));
        long mine = defectId("TC-1");
        long theirs = defectId("TC-2");
        complete(
                task(pi),
                withVariables(
                        "defects",
                        JsonRows.of(List.of(
                                triage(mine, "medium", null, DEVELOPER_1), triage(theirs, "low", null, DEVELOPER_2)))));
        Task fix = fixTask(pi, DEVELOPER_1);

        assertThatThrownBy(() -> complete(
                        fix,
                        withVariables(
                                "defects", JsonRows.of(List.of(fix(mine, true, " "), fix(theirs, true, "done"))))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Row 1: defect #%d is marked fixed".formatted(mine))
                .hasMessageContaining(
                        "Row 2: defect #%d is not an open defect assigned to %s.".formatted(theirs, DEVELOPER_1));

        assertThat(defectStatus(mine)).isEqualTo("open");
        assertThat(defectStatus(theirs)).isEqualTo("open");
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    private Object localVariable(ProcessInstance pi, String name) {
        return taskService.getVariableLocal(task(pi).getId(), name);
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    private void requirement(String id, String priority) {
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, updated_at)
                values (?, ?, 'finance', ?, ?, ?)""")
                .params(code, id, "Requirement " + id, priority, Timestamp.from(Instant.now()))
                .update();
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }

    private String defectStatus(long id) {
        return jdbc.sql("select status from defect where id = ?")
                .param(id)
                .query(String.class)
                .single();
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

    static Map<String, Object> assign(String caseId, String tester) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseId", caseId);
        row.put("include", true);
        row.put("tester", tester);
        return row;
    }

    static Map<String, Object> triage(long defectId, String severity, String reason, String developer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("defectId", String.valueOf(defectId));
        row.put("severity", severity);
        row.put("severityReason", reason);
        row.put("developer", developer);
        return row;
    }

    private Task roundTask(ProcessInstance pi, String tester) {
        return taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(EXECUTE_ROUND)
                .taskAssignee(tester)
                .singleResult();
    }

    private Task fixTask(ProcessInstance pi, String developer) {
        return taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(FIX_DEFECTS)
                .taskAssignee(developer)
                .singleResult();
    }

    private long defectId(String caseId) {
        return jdbc.sql("select max(id) from defect where project_code = ? and case_id = ?")
                .params(code, caseId)
                .query(Long.class)
                .single();
    }

    static Map<String, Object> fix(long defectId, boolean fixed, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("defectId", String.valueOf(defectId));
        row.put("fixed", fixed);
        row.put("fixNote", note);
        return row;
    }
}
