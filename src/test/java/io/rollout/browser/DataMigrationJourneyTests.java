package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customers dataset of the ERP case migrated in the real Tasklist: the data steward defines its columns and
 * cleansing rules in the grid, uploads the customer's legacy-customers.csv through the upload form's file field,
 * the dry run runs in the background (here: its job is executed by the test, as the job executor would), and the
 * finance owner reads the reconciliation — the file in a sentence — and refuses the round; the data steward uploads
 * the corrected file, and the owner's sign-off shows what the first round rejected and why it was refused.
 */
@WebTest
class DataMigrationJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "browser-Secret-2026";
    static final String STEWARD = "migsteward";
    static final String OWNER = "migfinanceowner";
    static final String DATASET = "customers";
    static final String REFUSAL = "Credit limits of C00014 and C00017 are wrong in the source: sales corrects them";

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
    JdbcClient jdbc;

    @TempDir
    Path files;

    String code;
    ProcessInstance migration;

    @BeforeEach
    void aProjectWithTheCustomersDataset() {
        TestUsers.ensure(identity, STEWARD, PASSWORD, Roles.DATA_STEWARD);
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("finance"));
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance", "sales"), List.of("finance"), List.of(DATASET));
        migration = runtime.startProcessInstanceByKey("dataMigration", code, Map.of("projectCode", code));
    }

    @Test
    void aDatasetIsDefinedUploadedRefusedUploadedAgainAndSignedOffInTasklist() throws IOException {
        Path legacy = files.resolve("legacy-customers.csv");
        try (InputStream in = new ClassPathResource("demo/erp-case/legacy-customers.csv").getInputStream()) {
            Files.copy(in, legacy);
        }

        Task define = task("UserTask_DefineDataset");
        assertThat(define.getName()).isEqualTo("Define Customers data and its cleansing rules");
        Tasklist tasklist = new Tasklist(chromium.driver(), port)
                .awaitFirstLoad(Duration.ofMinutes(2))
                .login(STEWARD, PASSWORD)
                .filter("Data stewards");
        DataMigrationSteps.define(tasklist, define, DataMigrationSteps.CUSTOMERS);
        assertThat(jdbc.sql("select count(*) from migration_rule where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(7);

        Task upload = task("UserTask_UploadExtract");
        assertThat(upload.getName()).isEqualTo("Upload an extract of Customers data");
        DataMigrationSteps.uploadExtract(tasklist.reload(), upload, legacy);
        runDryRun();

        Task signOff = task("UserTask_SignOffDataset");
        assertThat(signOff.getName()).isEqualTo("Sign off Customers data");
        tasklist = new Tasklist(chromium.driver(), port).login(OWNER, PASSWORD).filter("Open tasks for me");
        tasklist.awaitListed(signOff.getId()).open(signOff.getName(), signOff.getId());
        assertThat(tasklist.formText())
                .contains(
                        "Customers data, dry run 1: legacy-customers.csv: CSV, UTF-8,"
                                + " comma-separated, 62 rows; uploaded by migsteward Test at ",
                        "Source 62 rows = accepted 55 + rejected 7; reject rate 11.29 %")
                .doesNotContain("(csv UTF-8 ,)", "Earlier rounds");
        DataMigrationSteps.signOff(tasklist, signOff, false, REFUSAL);
        assertThat(signOffs()).containsExactly("1 false " + REFUSAL);

        // back to the data steward, with the owner's reason
        Task defineAgain = task("UserTask_DefineDataset");
        tasklist =
                new Tasklist(chromium.driver(), port).login(STEWARD, PASSWORD).filter("Data stewards");
        tasklist.open(defineAgain.getName(), defineAgain.getId());
        assertThat(tasklist.formText()).contains("Sign-off refused by migfinanceowner Test: " + REFUSAL);
        assertThat(tasklist.rows("Field_RuleColumn")).isEqualTo(7);
        assertThat(tasklist.formHeight()).isLessThan(3000);
        DataMigrationSteps.keepDefinition(tasklist, defineAgain);
        DataMigrationSteps.uploadExtract(tasklist.reload(), task("UserTask_UploadExtract"), corrected(legacy));
        runDryRun();

        Task secondSignOff = task("UserTask_SignOffDataset");
        tasklist = new Tasklist(chromium.driver(), port).login(OWNER, PASSWORD).filter("Open tasks for me");
        tasklist.awaitListed(secondSignOff.getId()).open(secondSignOff.getName(), secondSignOff.getId());
        assertThat(tasklist.formText())
                .contains(
                        "dry run 2: legacy-customers-corrected.csv: CSV, UTF-8," + " comma-separated, 62 rows",
                        "accepted 57 + rejected 5");
        List<List<String>> earlier = tasklist.tableRows("Table_EarlierRounds");
        assertThat(earlier).hasSize(1);
        assertThat(earlier.get(0)).startsWith("1", "legacy-customers.csv", "62", "7 (11.29 %)");
        assertThat(earlier.get(0).get(4)).contains("number 信用额度: 2");
        assertThat(earlier.get(0).get(5)).isEqualTo("Refused by migfinanceowner Test: " + REFUSAL);
        DataMigrationSteps.signOff(tasklist, secondSignOff, true, null);

        runJob("ServiceTask_LoadStaging");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(migration.getId())
                        .count())
                .isZero();
        assertThat(signOffs()).containsExactly("1 false " + REFUSAL, "2 true null");
        assertThat(jdbc.sql("select count(*) from migration_staging where project_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(57L);
    }

    /** The customer's file after sales corrected the two credit limits the owner refused. */
    private Path corrected(Path legacy) throws IOException {
        String text = Files.readString(legacy, StandardCharsets.UTF_8)
                .replace("C00014,上海黄氏物流有限公司,林静,18800548232,上海,十万,", "C00014,上海黄氏物流有限公司,林静,18800548232,上海,100000,")
                .replace("C00017,苏州罗氏物流有限公司,徐静,18957823601,苏州,-100,", "C00017,苏州罗氏物流有限公司,徐静,18957823601,苏州,100,");
        Path file = files.resolve("legacy-customers-corrected.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** What the job executor does in production: the dry run of the uploaded extract. */
    private void runDryRun() {
        runJob("ServiceTask_RunDryRun");
    }

    private void runJob(String activity) {
        List<Job> jobs = management
                .createJobQuery()
                .processInstanceId(migration.getId())
                .activityId(activity)
                .list();
        assertThat(jobs).as("jobs at %s", activity).hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }

    private List<String> signOffs() {
        return jdbc.sql("select round, signed_off, comment from migration_signoff where project_code = ? order by id")
                .param(code)
                .query((rs, n) -> rs.getInt(1) + " " + rs.getBoolean(2) + " " + rs.getString(3))
                .list();
    }

    private Task task(String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(migration.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }
}
