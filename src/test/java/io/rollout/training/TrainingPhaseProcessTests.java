package io.rollout.training;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class TrainingPhaseProcessTests {

    static final String PROCESS = "trainingPhase";
    static final String PLAN_TRAINING = "UserTask_PlanTraining";
    static final String RECORD_ATTENDANCE = "UserTask_RecordAttendance";
    static final String COMPLETION_CHECK = "ServiceTask_TrainingCompletionCheck";
    static final String SCHEDULE_MAKE_UP = "UserTask_ScheduleMakeUpSessions";
    static final String TRAINING_COMPLETE = "EndEvent_TrainingComplete";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ProjectRepository projects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DecisionLog decisionLog;
    @Autowired
    TrainingStatus trainingStatus;

    String code;

    @BeforeEach
    void createProject() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("warehouse"), List.of("inventory"), List.of());
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void completesWhenEveryRoleReachesTheTarget() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(PLAN_TRAINING);
        assertThat(task(pi)).hasCandidateGroup("trainer");
        assertThat(JsonRows.read(localVariable(pi, "trainees"))).isEmpty();
        // as Tasklist submits it: into the task-local variables the form was prefilled from
        formService.submitTaskForm(task(pi).getId(), Variables.createVariables()
            .putValue("trainees", JsonRows.of(roster()))
            .putValue("curriculum", "Operators: hands-on goods receipt. Managers: stock reports."));

        assertThat(pi).isWaitingAt(RECORD_ATTENDANCE);
        assertThat(task(pi)).hasCandidateGroup("trainer");
        List<FormRow> prefilled = JsonRows.read(localVariable(pi, "attendance"));
        assertThat(prefilled).extracting(r -> r.text("employeeId")).containsExactly("E1", "E2", "E3", "E4", "E5", "M1");
        assertThat(prefilled.get(5).text("role")).isEqualTo("manager");
        complete(task(pi), withVariables("attendance", JsonRows.of(List.of(
            session("E1", true, 90), session("E2", true, 75), session("E3", true, 60), session("E4", true, 88),
            session("E5", false, null), session("M1", true, 70)))));

        assertThat(pi).hasPassed(COMPLETION_CHECK, TRAINING_COMPLETE).isEnded();
        assertThat(count("select count(*) from trainee where project_code = ?")).isEqualTo(6);
        assertThat(count("select count(*) from training_attendance where project_code = ?")).isEqualTo(6);
        assertThat(jdbc.sql("select curriculum from training_plan where project_code = ?").param(code)
            .query(String.class).single()).startsWith("Operators: hands-on");
        DecisionLog.Decision decision = decisionLog.latest(code, "trainingCompletionCheck").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("passed");
        assertThat(decision.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
        assertThat(decision.inputs()).contains("operator 4/5", "manager 1/1");
        assertThat(trainingStatus.lastCheckPassed(code)).isTrue();
    }

    @Test
    void incompleteTrainingLoopsThroughMakeUpSessionsUntilTheRoleReachesTheTarget() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("trainees", JsonRows.of(roster())));
        complete(task(pi), withVariables("attendance", JsonRows.of(List.of(
            session("E1", true, 90), session("E2", false, null), session("E3", true, 45), session("E4", true, 88),
            session("M1", true, 70)))));

        assertThat(pi).hasPassed(COMPLETION_CHECK).isWaitingAt(SCHEDULE_MAKE_UP);
        assertThat(task(pi)).hasCandidateGroup("trainer");
        assertThat((String) runtime.getVariable(pi.getId(), "trainingFindings")).isEqualTo("""
            - Role operator: 2 of 5 trainees trained and passed (40.0 %), below the target of 80 %.
            - operator: Operator E2 (E2) was absent.
            - operator: Operator E3 (E3) scored 45, below the pass mark of 60.
            - operator: Operator E5 (E5) has no attendance record.""");
        DecisionLog.Decision decision = decisionLog.latest(code, "trainingCompletionCheck").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("failed");
        assertThat(decision.findings()).hasSize(4);
        assertThat(trainingStatus.lastCheckPassed(code)).isFalse();

        complete(task(pi), withVariables("makeUpPlan", "Make-up session on 2026-06-02 for E2, E3, E5"));

        assertThat(pi).isWaitingAt(RECORD_ATTENDANCE);
        List<FormRow> prefilled = JsonRows.read(localVariable(pi, "attendance"));
        assertThat(prefilled.get(1).text("course")).isEqualTo("Goods receipt");
        assertThat(prefilled.get(4).text("course")).isNull();
        complete(task(pi), withVariables("attendance", JsonRows.of(List.of(
            session("E2", true, 66), session("E3", true, 71)))));

        assertThat(pi).hasPassed(TRAINING_COMPLETE).isEnded();
        assertThat(trainingStatus.lastCheckPassed(code)).isTrue();
        assertThat(decisionLog.forProject(code)).extracting(DecisionLog.Decision::outcome)
            .containsExactly("failed", "passed");
    }

    @Test
    void refusesAScoreWithoutAttendanceAndPeopleOffTheRosterAndStoresNothing() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("trainees", JsonRows.of(roster())));
        Map<String, Object> noDate = session("E3", true, 70);
        noDate.put("sessionDate", null);

        assertThatThrownBy(() -> complete(task(pi), withVariables("attendance", JsonRows.of(List.of(
            session("E1", true, 90), session("E2", false, 80), session("X9", true, 70), noDate,
            session("E4", true, 101))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 2: E2 did not attend, so there can be no score.")
            .hasMessageContaining("Row 3: employee X9 is not on the training roster")
            .hasMessageContaining("Row 4: the field \"Session date\" is required.")
            .hasMessageContaining("Row 5: the score must be a whole number from 0 to 100, not \"101\".");

        assertThat(pi).isWaitingAt(RECORD_ATTENDANCE);
        assertThat(count("select count(*) from training_attendance where project_code = ?")).isZero();
        assertThat(runtime.getVariable(pi.getId(), "attendance")).isNull();
    }

    @Test
    void refusesARosterWithDuplicatesOrMissingRoles() {
        ProcessInstance pi = start();
        List<Map<String, Object>> rows = new ArrayList<>(roster());
        rows.add(trainee("E1", "Someone Else", "operator"));
        rows.add(trainee("E7", "No Role", null));

        assertThatThrownBy(() -> complete(task(pi), withVariables("trainees", JsonRows.of(rows))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 7: employee E1 appears more than once.")
            .hasMessageContaining("Row 8: the field \"Role\" is required.");

        assertThat(pi).isWaitingAt(PLAN_TRAINING);
        assertThat(count("select count(*) from trainee where project_code = ?")).isZero();
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    private Object localVariable(ProcessInstance pi, String name) {
        return taskService.getVariableLocal(task(pi).getId(), name);
    }

    private int count(String sql) {
        return jdbc.sql(sql).param(code).query(Integer.class).single();
    }

    private static List<Map<String, Object>> roster() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(trainee("E" + i, "Operator E" + i, "operator"));
        }
        rows.add(trainee("M1", "Manager M1", "manager"));
        return rows;
    }

    private static Map<String, Object> trainee(String id, String name, String role) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", id);
        row.put("name", name);
        row.put("department", "warehouse");
        row.put("role", role);
        return row;
    }

    private static Map<String, Object> session(String id, boolean attended, Integer score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", id);
        row.put("course", id.startsWith("M") ? "Stock reports" : "Goods receipt");
        row.put("sessionDate", "2026-05-20");
        row.put("attended", attended);
        row.put("score", score);
        return row;
    }
}
