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
import io.rollout.shared.TestProjects;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
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
    static final String RUN_HYPERCARE = "UserTask_RunHypercare";
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

    String code;
    String owner;

    @BeforeEach
    void createProjectAndOwner() {
        BpmnAwareTests.init(engine);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), MODULES, List.of());
        owner = "itowner" + code.replaceAll("[^0-9]", "");
        identity.saveUser(identity.newUser(owner));
    }

    @AfterEach
    void removeOwner() {
        identity.deleteUser(owner);
    }

    @Test
    void hypercareEndsThenModulesAreHandedOverAndReviewed() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(RUN_HYPERCARE);
        assertThat(task(pi)).hasCandidateGroup("it-operations");

        complete(task(pi), withVariables("incidents", JsonRows.of(List.of(
                incident(null, "Invoice printout misaligned", "low", "finance", "resolved", "Template fixed"))),
            "exitHypercare", true));

        assertThat(pi).hasPassed(GATEWAY_HYPERCARE_EXIT).isWaitingAt(HAND_OVER);
        assertThat(task(pi)).hasCandidateGroup("it-operations");
        assertThat((Boolean) runtime.getVariable(pi.getId(), "hypercareExitOk")).isTrue();
        assertThat(row("select id, status, resolved_at from incident where project_code = ?"))
            .containsEntry("ID", 1).containsEntry("STATUS", "resolved").extractingByKey("RESOLVED_AT").isNotNull();
        List<FormRow> prefilled = JsonRows.read(tasks.getVariableLocal(task(pi).getId(), HandoverRecorder.MODULE_OWNERS));
        assertThat(prefilled).extracting(r -> r.text("module")).containsExactly("finance", "inventory");

        complete(task(pi), withVariables("moduleOwners", JsonRows.of(List.of(
                moduleOwner("finance", owner, "https://wiki/finance-runbook"), moduleOwner("inventory", owner, ""))),
            "knowledgeBaseLink", "https://wiki/erp"));

        assertThat(pi).isWaitingAt(REVIEW);
        assertThat(task(pi)).hasCandidateGroup("pmo");
        assertThat(jdbc.sql("select module, internal_owner from module_handover where project_code = ? order by module")
            .param(code).query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list())
            .containsExactly("finance=" + owner, "inventory=" + owner);
        assertThat(decisions.latest(code, "operationsHandover")).get().extracting(Decision::outcome).isEqualTo("handed-over");

        complete(task(pi), review(4));

        assertThat(pi).hasPassed(END_HANDED_OVER).isEnded();
        assertThat(row("select satisfaction, on_time_go_live, error_rate_after_pct from post_implementation_review where project_code = ?"))
            .containsEntry("SATISFACTION", 4).containsEntry("ON_TIME_GO_LIVE", true)
            .hasEntrySatisfying("ERROR_RATE_AFTER_PCT", v -> assertThat((BigDecimal) v).isEqualByComparingTo("1.5"));
        assertThat(decisions.latest(code, "postImplementationReview")).get().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("completed");
            assertThat(d.findings()).singleElement().asString().contains("Hours saved per month: 320", "satisfaction 4/5");
        });
    }

    @Test
    void openHighIncidentKeepsHypercareGoingUntilResolved() {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("incidents", JsonRows.of(List.of(
                incident(null, "Stock postings fail", "high", "inventory", "open", ""),
                incident(null, "Slow report", "medium", "finance", "open", ""))),
            "exitHypercare", true));

        assertThat(pi).hasPassed(HYPERCARE_MERGE).isWaitingAt(RUN_HYPERCARE);
        assertThat(task(pi)).hasCandidateGroup("it-operations");
        assertThat((Boolean) runtime.getVariable(pi.getId(), "hypercareExitOk")).isFalse();
        assertThat((String) runtime.getVariable(pi.getId(), "hypercareFindings"))
            .isEqualTo("- Incident 1 (high) is still open: Stock postings fail");
        List<FormRow> prefilled = JsonRows.read(tasks.getVariableLocal(task(pi).getId(), HypercareRecorder.INCIDENTS));
        assertThat(prefilled).extracting(r -> r.integer("id")).containsExactly(1, 2);

        complete(task(pi), withVariables("incidents", JsonRows.of(List.of(
                incident(1, "Stock postings fail", "high", "inventory", "resolved", "Posting rule corrected"),
                incident(2, "Slow report", "medium", "finance", "open", ""),
                incident(null, "Label printer", "low", null, "open", ""))),
            "exitHypercare", false));

        assertThat(pi).isWaitingAt(RUN_HYPERCARE);
        assertThat((String) runtime.getVariable(pi.getId(), "hypercareFindings"))
            .isEqualTo("- Hypercare goes on: exit was not requested.");
        assertThat(jdbc.sql("select id || ':' || status from incident where project_code = ? order by id").param(code)
            .query(String.class).list()).containsExactly("1:resolved", "2:open", "3:open");

        complete(task(pi), withVariables("exitHypercare", true,
            "incidents", tasks.getVariableLocal(task(pi).getId(), HypercareRecorder.INCIDENTS)));

        assertThat(pi).isWaitingAt(HAND_OVER);
    }

    @Test
    void badIncidentRowsAreRefusedAndNothingIsStored() {
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("exitHypercare", true, "incidents", JsonRows.of(List.of(
                incident(null, "Login fails", "urgent", "crm", "resolved", ""))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 1: the field \"Severity\" must be one of critical, high, medium, low, not \"urgent\".")
            .hasMessageContaining("Row 1: the field \"Module\" must be one of finance, inventory, not \"crm\".")
            .hasMessageContaining("Row 1: a resolved incident needs a resolution.");

        assertThat(pi).isWaitingAt(RUN_HYPERCARE);
        assertThat(jdbc.sql("select count(*) from incident where project_code = ?").param(code).query(Integer.class)
            .single()).isZero();
    }

    @Test
    void handoverToUnknownUserOrWithoutAModuleIsRefused() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("incidents", JsonRows.of(List.of()), "exitHypercare", true));
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

    private static Map<String, Object> incident(Integer id, String title, String severity, String module, String status,
                                                String resolution) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("title", title);
        row.put("severity", severity);
        row.put("module", module);
        row.put("reporter", "zhangwei");
        row.put("status", status);
        row.put("resolution", resolution);
        return row;
    }

    private static Map<String, Object> moduleOwner(String module, String owner, String runbookLink) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("module", module);
        row.put("internalOwner", owner);
        row.put("runbookLink", runbookLink);
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
