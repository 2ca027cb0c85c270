package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

@ProcessTest
class BuildPhaseProcessTests {

    static final String PROCESS = "buildPhase";
    static final String MODULE_BUILD = "SubProcess_ModuleBuild";
    static final String CONFIGURE = "UserTask_ConfigureModule";
    static final String DEVELOP = "UserTask_DevelopCustomisations";
    static final String ACCEPT = "UserTask_AcceptModule";
    static final String ALL_ACCEPTED = "EndEvent_ModulesBuilt";
    static final String FINANCE = "finance";
    static final String INVENTORY = "inventory";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProjectRepository projects;
    @Autowired
    DecisionLog decisions;
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
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of(FINANCE, INVENTORY), List.of());
        jdbc.sql("""
                insert into requirement (project_code, req_id, department, title, priority, updated_at)
                values (?, 'REQ-1', 'finance', 'Vendor codes mapped', 'must', ?)""")
            .params(code, Timestamp.from(Instant.now())).update();
        pi = runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    Task taskOf(String activity, String module) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).list().stream()
            .filter(t -> module.equals(tasks.getVariable(t.getId(), "module")))
            .findFirst().orElseThrow(() -> new AssertionError("no task " + activity + " for " + module));
    }

    static Map<String, Object> configuration(String goal) {
        return withVariables("iterationGoal", goal, "configurationItems", JsonRows.of(List.of(
            Map.of("type", "field-mapping", "description", "Map legacy vendor codes", "requirementId", "REQ-1"),
            Map.of("type", "approval-flow", "description", "Two-step invoice approval"))));
    }

    static Map<String, Object> customisations() {
        return withVariables("customisations", JsonRows.of(List.of(Map.of("kind", "plugin",
            "description", "Golden tax export", "justification", "Statutory format not in standard", "effortDays", 3))));
    }

    int count(String table, String module) {
        return jdbc.sql("select count(*) from " + table + " where project_code = ? and module = ?")
            .params(code, module).query(Integer.class).single();
    }

    void buildAndAccept(String module) {
        complete(taskOf(CONFIGURE, module), configuration("Standard set-up"));
        complete(taskOf(DEVELOP, module), withVariables("customisations", JsonRows.of(List.of())));
        complete(taskOf(ACCEPT, module), withVariables("moduleAccepted", "yes"));
    }

    @Test
    void everyModuleIsBuiltInParallelUntilAccepted() {
        assertThat(pi).isWaitingAt(CONFIGURE);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CONFIGURE).count()).isEqualTo(2);
        Task configure = taskOf(CONFIGURE, FINANCE);
        assertThat(configure).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(configure.getName()).isEqualTo("Configure finance");
        assertThat(formOf(configure)).contains("\"id\": \"configureModule\"");
        assertThat(status.modulesNotAccepted(code)).containsExactly(FINANCE, INVENTORY);

        complete(configure, configuration("Accounts payable basics"));
        Task develop = taskOf(DEVELOP, FINANCE);
        assertThat(develop).hasCandidateGroup(Roles.DEVELOPER);
        assertThat(formOf(develop)).contains("\"id\": \"developCustomisations\"");
        complete(develop, customisations());
        Task accept = taskOf(ACCEPT, FINANCE);
        assertThat(accept).hasCandidateGroup(Roles.BUSINESS_OWNER);
        assertThat(formOf(accept)).contains("\"id\": \"acceptModule\"");
        assertThat((String) tasks.getVariableLocal(accept.getId(), "iterationSummary"))
            .contains("Module finance, iteration 1", "Map legacy vendor codes", "Golden tax export", "3 days");
        complete(accept, withVariables("moduleAccepted", "yes"));

        assertThat(status.modulesNotAccepted(code)).containsExactly(INVENTORY);
        buildAndAccept(INVENTORY);

        assertThat(pi).hasPassed(ALL_ACCEPTED).isEnded();
        assertThat(status.modulesNotAccepted(code)).isEmpty();
        assertThat(count("customisation", FINANCE)).isEqualTo(1);
        assertThat(count("customisation", INVENTORY)).isZero();
        assertThat(jdbc.sql("select count(*) from build_iteration where project_code = ? and ended_at is not null")
            .param(code).query(Integer.class).single()).isEqualTo(2);
        assertThat(decisions.forProject(code)).extracting(DecisionLog.Decision::decision, DecisionLog.Decision::outcome)
            .containsOnly(org.assertj.core.groups.Tuple.tuple(ModuleAcceptance.DECISION, "accepted"));
    }

    @Test
    void rejectedModuleGoesIntoTheNextIterationWithTheCommentOnlyForThatModule() {
        complete(taskOf(CONFIGURE, FINANCE), configuration("Accounts payable basics"));
        complete(taskOf(DEVELOP, FINANCE), customisations());
        complete(taskOf(ACCEPT, FINANCE), withVariables("moduleAccepted", "no",
            "acceptanceComment", "Three-way match is missing"));

        Task next = taskOf(CONFIGURE, FINANCE);
        assertThat(next).hasCandidateGroup(Roles.CONSULTANT);
        assertThat(tasks.getVariable(next.getId(), "acceptanceComment")).isEqualTo("Three-way match is missing");
        assertThat(tasks.getVariable(taskOf(CONFIGURE, INVENTORY).getId(), "acceptanceComment")).isNull();
        assertThat(tasks.getVariable(taskOf(CONFIGURE, INVENTORY).getId(), "configurationItems")).isNull();
        assertThat(JsonRows.read(tasks.getVariable(next.getId(), "configurationItems"))).hasSize(2);
        assertThat(jdbc.sql("select accepted, comment, iteration from module_acceptance where project_code = ?")
            .param(code).query((rs, n) -> rs.getBoolean(1) + "|" + rs.getString(2) + "|" + rs.getInt(3)).list())
            .containsExactly("false|Three-way match is missing|1");
        assertThat(decisions.latest(code, ModuleAcceptance.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("rejected");
            assertThat(d.subject()).isEqualTo("module finance iteration 1");
            assertThat(d.findings()).containsExactly("Three-way match is missing");
        });
        assertThat(status.modulesNotAccepted(code)).containsExactly(FINANCE, INVENTORY);

        complete(next, configuration("Three-way match"));
        Task develop = taskOf(DEVELOP, FINANCE);
        assertThat(JsonRows.read(tasks.getVariable(develop.getId(), "customisations"))).hasSize(1);
        complete(develop, customisations());
        Task accept = taskOf(ACCEPT, FINANCE);
        assertThat((String) tasks.getVariableLocal(accept.getId(), "iterationSummary")).contains("iteration 2");
        complete(accept, withVariables("moduleAccepted", "yes"));
        buildAndAccept(INVENTORY);

        assertThat(pi).hasPassed(ALL_ACCEPTED).isEnded();
        assertThat(jdbc.sql("select iteration from build_iteration where project_code = ? and module = ? order by iteration")
            .params(code, FINANCE).query(Integer.class).list()).containsExactly(1, 2);
        assertThat(status.modulesNotAccepted(code)).isEmpty();
    }

    @Test
    void badSubmissionsAreRefusedAndStoreNothing() {
        assertThatThrownBy(() -> complete(taskOf(CONFIGURE, FINANCE), withVariables("iterationGoal", "Goal",
            "configurationItems", JsonRows.of(List.of(Map.of("type", "report", "description", "x",
                "requirementId", "REQ-404"))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 1: the field \"Type\" must be one of field-mapping, permission, approval-flow")
            .hasMessageContaining("Row 1: the requirement id \"REQ-404\" is not in the requirements specification");
        assertThat(count("build_iteration", FINANCE)).isZero();
        assertThat(count("configuration_item", FINANCE)).isZero();

        complete(taskOf(CONFIGURE, FINANCE), configuration("Accounts payable basics"));
        assertThatThrownBy(() -> complete(taskOf(DEVELOP, FINANCE), withVariables("customisations", JsonRows.of(List.of(
            Map.of("kind", "script", "description", "Nightly fix-up", "effortDays", 2))))))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("Row 1: the field \"Justification\" is required.");
        assertThat(count("customisation", FINANCE)).isZero();

        complete(taskOf(DEVELOP, FINANCE), customisations());
        assertThatThrownBy(() -> complete(taskOf(ACCEPT, FINANCE), withVariables("moduleAccepted", "no")))
            .hasMessageContaining("why the module is not accepted");
        assertThat(count("module_acceptance", FINANCE)).isZero();
        assertThat(taskOf(ACCEPT, FINANCE)).isNotNull();
    }

    String formOf(Task task) {
        try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
