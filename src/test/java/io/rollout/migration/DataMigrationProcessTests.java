package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
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
class DataMigrationProcessTests {

    static final String PROCESS = "dataMigration";
    static final String DRY_RUN = "UserTask_RunDryRun";
    static final String SIGN_OFF = "UserTask_SignOffDataset";
    static final String ALL_SIGNED_OFF = "EndEvent_DatasetsSignedOff";
    static final String CUSTOMERS = "customers";
    static final String MATERIALS = "materials";

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
    MigrationStatus status;
    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    ProcessInstance start(List<String> datasets) {
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), datasets);
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    Task taskOf(ProcessInstance pi, String activity, String dataset) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).list().stream()
            .filter(t -> dataset.equals(tasks.getVariable(t.getId(), "dataset")))
            .findFirst().orElseThrow(() -> new AssertionError("no task " + activity + " for " + dataset));
    }

    static Map<String, Object> dryRun(int source, int accepted, int rejected) {
        return withVariables("sourceFile", "legacy_export.csv", "sourceRows", source, "acceptedRows", accepted,
            "rejectedRows", rejected, "cleansingRules", "Merge duplicates by tax id", "rejectReasons",
            rejected > 0 ? "Missing tax id" : null);
    }

    int runs(String dataset) {
        return jdbc.sql("select count(*) from migration_run where project_code = ? and dataset = ?")
            .params(code, dataset).query(Integer.class).single();
    }

    @Test
    void everyDatasetIsDryRunAndSignedOff() {
        ProcessInstance pi = start(List.of(CUSTOMERS, MATERIALS));
        assertThat(pi).isWaitingAt(DRY_RUN);
        Task dryRun = taskOf(pi, DRY_RUN, CUSTOMERS);
        assertThat(dryRun).hasCandidateGroup(Roles.DATA_STEWARD);
        assertThat(dryRun.getName()).isEqualTo("Dry run customers");
        assertThat(formOf(dryRun)).contains("\"id\": \"recordDryRun\"");

        complete(dryRun, dryRun(1000, 990, 10));
        Task signOff = taskOf(pi, SIGN_OFF, CUSTOMERS);
        assertThat(signOff).hasCandidateGroup(Roles.BUSINESS_OWNER);
        assertThat(formOf(signOff)).contains("\"id\": \"signOffData\"");
        assertThat((String) tasks.getVariableLocal(signOff.getId(), "latestRunSummary"))
            .contains("Dataset customers, dry run 1", "Source 1000 rows = accepted 990 + rejected 10", "1.00 %");
        assertThat(tasks.getVariable(signOff.getId(), "dryRunFindings"))
            .isEqualTo("Reject rate 1.00 % (10 of 1000 rows) is within the threshold of 2 %.");
        complete(signOff, withVariables("dataSignedOff", "yes"));

        assertThat(status.datasetsNotSignedOff(code)).containsExactly(MATERIALS);
        complete(taskOf(pi, DRY_RUN, MATERIALS), dryRun(500, 500, 0));
        complete(taskOf(pi, SIGN_OFF, MATERIALS), withVariables("dataSignedOff", "yes"));

        assertThat(pi).hasPassed(ALL_SIGNED_OFF).isEnded();
        assertThat(status.datasetsNotSignedOff(code)).isEmpty();
        assertThat(decisions.forProject(code)).extracting(DecisionLog.Decision::decision, DecisionLog.Decision::outcome)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(MigrationDryRun.DECISION, "passed"),
                org.assertj.core.groups.Tuple.tuple(DatasetSignOff.DECISION, "signed-off"),
                org.assertj.core.groups.Tuple.tuple(MigrationDryRun.DECISION, "passed"),
                org.assertj.core.groups.Tuple.tuple(DatasetSignOff.DECISION, "signed-off"));

        // a newer dry run than the sign-off makes the dataset unsigned again
        jdbc.sql("""
                insert into migration_run (project_code, dataset, round, source_rows, accepted_rows, rejected_rows,
                                           source_file, recorded_by, recorded_at)
                values (?, ?, 2, 1, 1, 0, 'late.csv', 'test', ?)""")
            .params(code, CUSTOMERS, Timestamp.from(Instant.now())).update();
        assertThat(status.datasetsNotSignedOff(code)).containsExactly(CUSTOMERS);
    }

    @Test
    void tooManyRejectsSendTheDatasetIntoAnotherRound() {
        ProcessInstance pi = start(List.of(CUSTOMERS));

        complete(taskOf(pi, DRY_RUN, CUSTOMERS), dryRun(1000, 950, 50));

        Task again = taskOf(pi, DRY_RUN, CUSTOMERS);
        assertThat(again).hasCandidateGroup(Roles.DATA_STEWARD);
        assertThat((String) tasks.getVariable(again.getId(), "dryRunFindings")).isEqualTo(
            "Reject rate 5.00 % (50 of 1000 rows) is above the threshold of 2 %: improve the cleansing rules or the "
                + "source data and run the dry run again.");
        assertThat(tasks.getVariable(again.getId(), "dryRunClean")).isEqualTo(false);
        assertThat(tasks.getVariable(again.getId(), "rejectRate")).isEqualTo(5.0);
        assertThat(runs(CUSTOMERS)).isEqualTo(1);
        assertThat(decisions.latest(code, MigrationDryRun.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("failed");
            assertThat(d.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
            assertThat(d.subject()).isEqualTo("dataset customers round 1");
        });

        complete(again, dryRun(1000, 985, 15));
        assertThat(tasks.getVariable(taskOf(pi, SIGN_OFF, CUSTOMERS).getId(), "round")).isEqualTo(2);
        complete(taskOf(pi, SIGN_OFF, CUSTOMERS), withVariables("dataSignedOff", "yes"));
        assertThat(pi).hasPassed(ALL_SIGNED_OFF).isEnded();
        assertThat(runs(CUSTOMERS)).isEqualTo(2);
    }

    @Test
    void refusedSignOffSendsTheDatasetBackToTheDataStewardWithTheReason() {
        ProcessInstance pi = start(List.of(CUSTOMERS));
        complete(taskOf(pi, DRY_RUN, CUSTOMERS), dryRun(1000, 990, 10));

        complete(taskOf(pi, SIGN_OFF, CUSTOMERS), withVariables("dataSignedOff", "no",
            "signOffComment", "Customer groups are still the old ones"));

        Task again = taskOf(pi, DRY_RUN, CUSTOMERS);
        assertThat(again).hasCandidateGroup(Roles.DATA_STEWARD);
        assertThat(tasks.getVariable(again.getId(), "dryRunFindings"))
            .isEqualTo("Sign-off refused by unknown: Customer groups are still the old ones");
        assertThat(jdbc.sql("select signed_off, round, comment from migration_signoff where project_code = ?")
            .param(code).query((rs, n) -> rs.getBoolean(1) + "|" + rs.getInt(2) + "|" + rs.getString(3)).list())
            .containsExactly("false|1|Customer groups are still the old ones");
        assertThat(decisions.latest(code, DatasetSignOff.DECISION)).hasValueSatisfying(d ->
            assertThat(d.outcome()).isEqualTo("refused"));
        assertThat(status.datasetsNotSignedOff(code)).containsExactly(CUSTOMERS);

        complete(again, dryRun(1000, 995, 5));
        complete(taskOf(pi, SIGN_OFF, CUSTOMERS), withVariables("dataSignedOff", "yes"));
        assertThat(pi).hasPassed(ALL_SIGNED_OFF).isEnded();
        assertThat(status.datasetsNotSignedOff(code)).isEmpty();
    }

    @Test
    void unreconciledDryRunIsRefusedAndStoresNothing() {
        ProcessInstance pi = start(List.of(CUSTOMERS));

        assertThatThrownBy(() -> complete(taskOf(pi, DRY_RUN, CUSTOMERS), dryRun(100, 90, 5)))
            .hasRootCauseInstanceOf(BadUserRequestException.class)
            .hasMessageContaining("The dry run does not reconcile: 100 source rows are not 90 accepted + 5 rejected rows "
                + "(difference 5).");
        Map<String, Object> negative = dryRun(10, 10, 0);
        negative.put("rejectedRows", -1);
        assertThatThrownBy(() -> complete(taskOf(pi, DRY_RUN, CUSTOMERS), negative))
            .hasMessageContaining("The field \"Rejected rows\" must be a whole number of rows from 0, not \"-1\".");

        assertThat(pi).isWaitingAt(DRY_RUN);
        assertThat(runs(CUSTOMERS)).isZero();
        assertThat(decisions.forProject(code)).isEmpty();

        complete(taskOf(pi, DRY_RUN, CUSTOMERS), dryRun(100, 100, 0));
        assertThatThrownBy(() -> complete(taskOf(pi, SIGN_OFF, CUSTOMERS), withVariables("dataSignedOff", "no")))
            .hasMessageContaining("why the dataset is not signed off");
        assertThat(jdbc.sql("select count(*) from migration_signoff where project_code = ?").param(code)
            .query(Integer.class).single()).isZero();
    }

    @Test
    void aProjectWithoutDatasetsPassesAtOnce() {
        ProcessInstance pi = start(List.of());

        assertThat(pi).hasPassed(ALL_SIGNED_OFF).isEnded();
        assertThat(status.datasetsNotSignedOff(code)).isEmpty();
    }

    String formOf(Task task) {
        try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
