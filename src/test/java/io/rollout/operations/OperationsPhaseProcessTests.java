package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.training.TrainingCurricula;
import io.rollout.shared.TestProjects;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class OperationsPhaseProcessTests {

    static final String PROCESS = "operationsPhase";
    static final String MINIMUM_HYPERCARE = "TimerEvent_MinimumHypercare";
    static final String CHECK_EXIT = "ServiceTask_CheckHypercareExit";
    static final String CONTINUE_HYPERCARE = "UserTask_ContinueHypercare";
    static final String ONE_WEEK = "TimerEvent_OneWeek";
    static final String REVIEW_DUE = "TimerEvent_ReviewDue";
    static final String HAND_OVER = "UserTask_HandOver";
    static final String REVIEW = "UserTask_ReviewPostImplementation";
    static final String GATEWAY_HYPERCARE_EXIT = "Gateway_HypercareExit";
    static final String HYPERCARE_MERGE = "Gateway_HypercareMerge";
    static final String END_HANDED_OVER = "EndEvent_OperationsHandedOver";

    static final List<String> MODULES = List.of("finance", "inventory");

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
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    Incidents incidents;
    @Autowired
    KpiBaselineRepository baselines;
    @Autowired
    TrainingCurricula curricula;

    String code;
    String owner;

    @BeforeEach
    void createProjectAndOwner() {
        BpmnAwareTests.init(engine);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), MODULES, List.of());
        owner = "itowner" + code.replaceAll("[^0-9]", "");
        identity.saveUser(identity.newUser(owner));
        // the internal owner is on the training roster, trained and passed: they may administer the modules
        curricula.plan(code, List.of(new TrainingCurricula.Planned("ERP administration", "administrator", null, 60, null)));
        jdbc.sql("insert into trainee (project_code, employee_id, name, department, role, user_id, seed_user) "
            + "values (?, 'IT1', 'IT Owner', 'IT', 'administrator', ?, false)").params(code, owner).update();
        jdbc.sql("insert into training_attendance (project_code, employee_id, course, session_date, attended, score, "
            + "recorded_at) values (?, 'IT1', 'ERP administration', date '2026-10-01', true, 88, current_timestamp)")
            .param(code).update();
    }

    @AfterEach
    void removeOwner() {
        identity.deleteUser(owner);
    }

    @Test
    void hypercareEndsByItsCriteriaThenModulesAreHandedOverAndReviewedWhenDue() {
        baselines.save(code, new KpiBaseline(new BigDecimal("400"), new BigDecimal("6.5"), 3, new BigDecimal("12"),
            new BigDecimal("80"), java.time.LocalDate.now().plusDays(1), new BigDecimal("150"), new BigDecimal("500000")),
            "zhangwei");
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(MINIMUM_HYPERCARE);
        // the minimum period passes with nothing reported
        executeTimer(pi);

        assertThat(pi).hasPassed(CHECK_EXIT, GATEWAY_HYPERCARE_EXIT).isWaitingAt(HAND_OVER);
        assertThat(task(pi)).hasCandidateGroup("it-operations");
        assertThat((Boolean) runtime.getVariable(pi.getId(), "hypercareExitOk")).isTrue();
        assertThat(decisions.latest(code, "hypercareExit")).get().extracting(Decision::outcome).isEqualTo("exit");
        List<FormRow> prefilled = JsonRows.read(tasks.getVariableLocal(task(pi).getId(), HandoverRecorder.MODULE_OWNERS));
        assertThat(prefilled).extracting(r -> r.text("module")).containsExactly("finance", "inventory");

        complete(task(pi), withVariables("moduleOwners", JsonRows.of(List.of(
                moduleOwner("finance", owner, "https://wiki/finance-runbook"), moduleOwner("inventory", owner, ""))),
            "knowledgeBaseLink", "https://wiki/erp"));
        assertThat(jdbc.sql("select module, internal_owner from module_handover where project_code = ? order by module")
            .param(code).query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list())
            .containsExactly("finance=" + owner, "inventory=" + owner);

        // the review is due 90 days after the cutover
        assertThat(pi).isWaitingAt(REVIEW_DUE);
        Job due = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(Duration.between(Instant.now(), due.getDuedate().toInstant()).toDays()).isBetween(88L, 90L);
        management.executeJob(due.getId());
        assertThat(task(pi)).hasCandidateGroup("pmo");
        // a number Tasklist shows in the number field, not a Java-serialised BigDecimal
        assertThat(tasks.getVariableLocal(task(pi).getId(), "errorRateBeforePct")).isEqualTo(6.5);
        assertThat((String) tasks.getVariableLocal(task(pi).getId(), "baselineSummary"))
            .startsWith("Baseline at planning: 400");
        complete(task(pi), review(4));
        assertThat(String.join("\n", decisions.latest(code, "postImplementationReview").orElseThrow().findings())).contains(
            "Error rate: 6.5 % before, 1.5 % after (-5 points)", "Satisfaction: 3/5 before, 4/5 after (1)",
            "Hours saved: 320 of 400 manual hours a month (80 %)", "Active users: 87 % against a target of 80 % ✓",
            "ROI: 576,000 a year saved against a project cost of 500,000 (115.2 %)");

        assertThat(pi).hasPassed(END_HANDED_OVER).isEnded();
        assertThat(decisions.latest(code, "postImplementationReview")).get().satisfies(d ->
            assertThat(d.findings().get(0)).contains("Hours saved per month: 320", "satisfaction 4/5"));
    }

    @Test
    void anOpenCriticalIncidentKeepsHypercareGoingWeekByWeekUntilResolved() {
        int critical = incidents.open(code, "Stock postings fail", "critical", "inventory", "sunli", null);
        ProcessInstance pi = start();
        executeTimer(pi);

        assertThat(pi).isWaitingAt(CONTINUE_HYPERCARE);
        assertThat(task(pi)).hasCandidateGroup("pmo");
        assertThat((String) runtime.getVariable(pi.getId(), "hypercareFindings"))
            .isEqualTo("- Critical incident #" + critical + " is open: Stock postings fail");
        complete(task(pi), withVariables("hypercareActions", "Vendor on site tomorrow"));
        assertThat(pi).isWaitingAt(ONE_WEEK);

        Task resolve = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("UserTask_ResolveIncident")
            .singleResult();
        assertThat(resolve.getName()).isEqualTo("Resolve incident #" + critical + " (critical): Stock postings fail");
        complete(resolve, withVariables("resolution", "Posting rule corrected"));
        assertThat(jdbc.sql("select status from incident where project_code = ? and id = ?").params(code, critical)
            .query(String.class).single()).isEqualTo("resolved");
        executeTimer(pi);

        assertThat(pi).isWaitingAt(HAND_OVER);
        assertThat(decisions.forProject(code)).filteredOn(d -> d.decision().equals("hypercareExit"))
            .extracting(Decision::outcome).containsExactly("continue", "exit");
    }

    @Test
    void theIncidentRateKeepsHypercareGoingAtTheThresholdNotBelowIt() {
        for (int i = 1; i <= 4; i++) {
            incidents.open(code, "Question " + i, "low", "finance", "sunli", null);
        }
        ProcessInstance below = start();
        executeTimer(below);
        assertThat(below).isWaitingAt(HAND_OVER);

        incidents.open(code, "Question 5", "low", "finance", "sunli", null);
        ProcessInstance at = start();
        executeTimer(at);
        assertThat(at).isWaitingAt(CONTINUE_HYPERCARE);
        assertThat((String) runtime.getVariable(at.getId(), "hypercareFindings"))
            .isEqualTo("- 5 incidents were reported in the last seven days; hypercare ends below 5 a week.");
    }

    @Test
    void anIncidentPastItsSlaIsRecordedAsBreachedAndEscalatedToThePmo() {
        int id = incidents.open(code, "Invoices post twice", "high", "finance", "sunli", "cutover");
        ProcessInstance incident = runtime.createProcessInstanceQuery().processDefinitionKey("hypercareIncident")
            .processInstanceBusinessKey(code).singleResult();
        Job sla = management.createJobQuery().processInstanceId(incident.getId()).timers().singleResult();
        assertThat(Duration.between(Instant.now(), sla.getDuedate().toInstant()).toHours()).isBetween(7L, 8L);

        management.executeJob(sla.getId());

        assertThat(jdbc.sql("select sla_breached_at from incident where project_code = ? and id = ?").params(code, id)
            .query(java.sql.Timestamp.class).single()).isNotNull();
        Task escalate = tasks.createTaskQuery().processInstanceId(incident.getId())
            .taskDefinitionKey("UserTask_EscalateIncident").singleResult();
        assertThat(escalate).hasCandidateGroup("pmo");
        assertThat(decisions.latest(code, "incidentSlaBreached")).get().extracting(Decision::subject)
            .isEqualTo("incident #" + id);
        Task resolve = tasks.createTaskQuery().processInstanceId(incident.getId())
            .taskDefinitionKey("UserTask_ResolveIncident").singleResult();
        assertThatThrownBy(() -> tasks.complete(resolve.getId(), Map.of("resolution", " ")))
            .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Resolution");
        complete(resolve, withVariables("resolution", "Duplicate posting job disabled"));
        complete(escalate, withVariables("escalationActions", "Customer informed"));
        assertThat(incident).isEnded();
    }

    @Test
    void handoverToUnknownUserOrWithoutAModuleIsRefused() {
        ProcessInstance pi = start();
        executeTimer(pi);
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("knowledgeBaseLink", "https://wiki/erp",
                "moduleOwners", JsonRows.of(List.of(moduleOwner("finance", "nobody42", ""))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 1: internal owner \"nobody42\" is not a user of the platform")
            .hasMessageContaining("Module inventory has no internal owner.");

        assertThat(pi).isWaitingAt(HAND_OVER);
        assertThat(jdbc.sql("select count(*) from module_handover where project_code = ?").param(code)
            .query(Integer.class).single()).isZero();
    }

    @Test
    void reviewOutOfRangeIsRefused() {
        ProcessInstance pi = runtime.createProcessInstanceByKey(PROCESS).businessKey(code)
            .setVariable("projectCode", code).startBeforeActivity(REVIEW).execute();
        String taskId = task(pi).getId();
        Map<String, Object> values = review(6);
        values.put("errorRateAfterPct", 120);

        assertThatThrownBy(() -> tasks.complete(taskId, values))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("The field \"Satisfaction\" must be a number from 1 to 5, not \"6\".")
            .hasMessageContaining("The field \"Error rate after (%)\" must be a number from 0 to 100, not \"120\".");

        assertThat(pi).isWaitingAt(REVIEW);
        assertThat(jdbc.sql("select count(*) from post_implementation_review where project_code = ?").param(code)
            .query(Integer.class).single()).isZero();
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    private void executeTimer(ProcessInstance pi) {
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
    }

    private static Map<String, Object> moduleOwner(String module, String owner, String runbookLink) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("module", module);
        row.put("internalOwner", owner);
        row.put("runbookLink", runbookLink);
        row.put("administrators", owner);
        return row;
    }

    private static Map<String, Object> review(int satisfaction) {
        Map<String, Object> values = new HashMap<>();
        values.put("hoursSavedPerMonth", 320);
        values.put("errorRateBeforePct", 6.5);
        values.put("errorRateAfterPct", 1.5);
        values.put("satisfaction", satisfaction);
        values.put("onTimeGoLive", "yes");
        values.put("activeUsersPct", 87);
        values.put("avgResolutionHours", 5.25);
        values.put("notes", "Month-end close two days faster");
        return values;
    }

    private Map<String, Object> row(String sql) {
        return jdbc.sql(sql).param(code).query().listOfRows().get(0);
    }
}
