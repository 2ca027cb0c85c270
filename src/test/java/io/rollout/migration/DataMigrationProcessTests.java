package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.DepartmentOwners;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.DeployedForms;
import io.rollout.shared.JsonRows;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
class DataMigrationProcessTests {

    static final String PROCESS = "dataMigration";
    static final String DEFINE = "UserTask_DefineDataset";
    static final String UPLOAD = "UserTask_UploadExtract";
    static final String DRY_RUN = "ServiceTask_RunDryRun";
    static final String SIGN_OFF = "UserTask_SignOffDataset";
    static final String LOAD = "ServiceTask_LoadStaging";
    static final String DATASET_LOADED = "EndEvent_DatasetLoaded";
    static final String ALL_SIGNED_OFF = "EndEvent_DatasetsSignedOff";
    static final String CUSTOMERS = "customers";
    static final String MATERIALS = "materials";
    static final String FINANCE_OWNER = "migownerfinance";
    static final String WAREHOUSE_OWNER = "migownerwarehouse";
    // the seven rows of the customer's file with deliberate faults (spreadsheet rows 11, 13, 14, 15, 18, 62, 63)
    static final List<String> FAULTY = List.of("c-9,", "C00012,", "C00013,", "C00014,", "C00017,");

    @Autowired
    ProcessEngine engine;

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
    DecisionLog decisions;

    @Autowired
    MigrationStatus status;

    @Autowired
    DepartmentOwners owners;

    @Autowired
    ExtractStore store;

    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        owner(FINANCE_OWNER, "finance");
        owner(WAREHOUSE_OWNER, "warehouse");
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    ProcessInstance start(List<String> datasets) {
        TestProjects.create(projects, code, List.of("finance", "warehouse"), List.of("finance"), datasets);
        return runtime.startProcessInstanceByKey(PROCESS, code, Map.of("projectCode", code));
    }

    Task taskOf(ProcessInstance pi, String activity, String dataset) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).list().stream()
                .filter(t -> dataset.equals(tasks.getVariable(t.getId(), "dataset")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task " + activity + " for " + dataset));
    }

    /** The form values of defineDataset for the demo definition, as Tasklist submits them. */
    static Map<String, Object> definitionForm(String dataset, int threshold) {
        DatasetDefinition d = Extracts.definition(dataset);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (CleansingRule r : d.rules()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", r.normalised() ? "unique-normalised" : r.kind());
            row.put("column", r.column());
            row.put("pattern", r.pattern() == null ? "" : r.pattern());
            row.put("values", String.join(", ", r.values()));
            row.put("min", r.min() == null ? "" : r.min().toPlainString());
            row.put("max", "");
            row.put("reference", "");
            rules.add(row);
        }
        return withVariables(
                "datasetColumns",
                String.join("\n", d.columns()),
                "keyColumns",
                String.join(", ", d.keyColumns()),
                "reconcileColumns",
                String.join(", ", d.reconcileColumns()),
                "rejectThreshold",
                (long) threshold,
                "department",
                d.department(),
                "rules",
                JsonRows.of(rules));
    }

    static Map<String, Object> upload(String fileName, byte[] content) {
        return withVariables(
                ExtractUpload.FILE, Variables.fileValue(fileName).file(content).create());
    }

    static byte[] customersWithout(List<String> faultyLinePrefixes) {
        String text = Extracts.customersText();
        List<String> lines = text.lines().collect(Collectors.toCollection(ArrayList::new));
        // the two duplicates are the last two lines of the customer's file
        lines = lines.subList(0, lines.size() - 2);
        return (lines.stream()
                                .filter(l -> faultyLinePrefixes.stream().noneMatch(l::startsWith))
                                .collect(Collectors.joining("\r\n"))
                        + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    void runJob(ProcessInstance pi, String activity) {
        List<Job> jobs = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(activity)
                .list();
        assertThat(jobs).as("jobs at %s", activity).hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }

    int runs(String dataset) {
        return jdbc.sql("select count(*) from migration_run where project_code = ? and dataset = ?")
                .params(code, dataset)
                .query(Integer.class)
                .single();
    }

    long staged(String dataset) {
        return jdbc.sql("select count(*) from migration_staging where project_code = ? and dataset = ?")
                .params(code, dataset)
                .query(Long.class)
                .single();
    }

    @Test
    void everyDatasetIsDefinedDryRunSignedOffByItsDepartmentAndStaged() {
        ProcessInstance pi = start(List.of(CUSTOMERS, MATERIALS));
        assertThat(pi).isWaitingAt(DEFINE);
        Task define = taskOf(pi, DEFINE, CUSTOMERS);
        assertThat(define).hasCandidateGroup(Roles.DATA_STEWARD);
        assertThat(define.getName()).isEqualTo("Define Customers data and its cleansing rules");
        assertThat(formOf(define)).contains("\"id\": \"defineDataset\"");
        assertThat(tasks.getVariableLocal(define.getId(), "rejectThreshold")).isEqualTo(2L);

        // 7 of 62 customers rejected (11.29 %) is under this dataset's threshold of 15 %
        complete(define, definitionForm(CUSTOMERS, 15));
        Task upload = taskOf(pi, UPLOAD, CUSTOMERS);
        assertThat(upload).hasCandidateGroup(Roles.DATA_STEWARD);
        assertThat(engine.getFormService().getTaskFormKey(upload.getProcessDefinitionId(), UPLOAD))
                .isEqualTo("embedded:/forms/embedded/upload-extract.html");
        complete(upload, upload("legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS)));
        // the dry run waits for the job executor: the upload itself only checked and stored the file
        assertThat(pi).isWaitingAt(DRY_RUN);
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKey(ExtractUpload.FILE);
        runJob(pi, DRY_RUN);

        Task signOff = taskOf(pi, SIGN_OFF, CUSTOMERS);
        assertThat(candidateUsers(signOff))
                .contains(FINANCE_OWNER)
                .doesNotContain(WAREHOUSE_OWNER)
                .containsExactlyElementsOf(owners.of("finance"));
        assertThat(formOf(signOff)).contains("\"id\": \"signOffData\"");
        assertThat((String) tasks.getVariableLocal(signOff.getId(), "latestRunSummary"))
                .contains(
                        "**Customers data, dry run 1:** legacy-customers.csv: CSV, UTF-8, comma-separated, 62 rows; uploaded by",
                        "Source 62 rows = accepted 55 + rejected 7; reject rate 11.29 %. Duplicates: 2 rows in 2 groups.",
                        "Reject rate 11.29 % (7 of 62 rows) is below the threshold of 15 %.",
                        "Sum of 信用额度: source 11949900 = accepted 11100000 + rejected 849900 (1 source values not numeric).",
                        "code 客户编码: 2 rejected, first in row 11",
                        "/api/projects/" + code + "/datasets/customers/runs/1/rejected.xlsx");
        complete(signOff, withVariables("dataSignedOff", "yes"));
        assertThat(status.datasetsNotSignedOff(code)).containsExactly(MATERIALS);
        runJob(pi, LOAD);
        assertThat(staged(CUSTOMERS)).isEqualTo(55);
        assertThat(jdbc.sql("""
                select source_file || '#' || source_row || '#' || record_key || '#' || payload from migration_staging
                where project_code = ? and source_row = 17""").param(code).query(String.class).single())
                .isEqualTo("legacy-customers.csv#17#C00016#{\"客户编码\":\"C00016\",\"客户名称\":\"宁波郭氏科技有限公司\","
                        + "\"联系人\":\"陈丽\",\"电话\":\"17815348985\",\"城市\":\"宁波\",\"信用额度\":\"100000\","
                        + "\"建档日期\":\"2019-03-07\"}");

        complete(taskOf(pi, DEFINE, MATERIALS), definitionForm(MATERIALS, 15));
        complete(taskOf(pi, UPLOAD, MATERIALS), upload("legacy-materials.xlsx", Extracts.bytes(Extracts.MATERIALS)));
        runJob(pi, DRY_RUN);
        Task materialsSignOff = taskOf(pi, SIGN_OFF, MATERIALS);
        assertThat(candidateUsers(materialsSignOff)).contains(WAREHOUSE_OWNER).doesNotContain(FINANCE_OWNER);
        assertThat((String) tasks.getVariableLocal(materialsSignOff.getId(), "latestRunSummary"))
                .contains(
                        "legacy-materials.xlsx: Excel workbook, sheet 物料, 41 rows",
                        "Source 41 rows = accepted 37 + rejected 4");
        complete(materialsSignOff, withVariables("dataSignedOff", "yes"));
        runJob(pi, LOAD);

        assertThat(pi).hasPassed(DATASET_LOADED, ALL_SIGNED_OFF).isEnded();
        assertThat(staged(MATERIALS)).isEqualTo(37);
        assertThat(status.datasetsNotSignedOff(code)).isEmpty();
        assertThat(decisions.forProject(code))
                .extracting(
                        DecisionLog.Decision::decision, DecisionLog.Decision::outcome, DecisionLog.Decision::subject)
                .containsExactly(
                        tuple(MigrationDryRun.DECISION, "passed", "dataset customers round 1"),
                        tuple(DatasetSignOff.DECISION, "signed-off", "dataset customers round 1"),
                        tuple(MigrationDryRun.DECISION, "passed", "dataset materials round 1"),
                        tuple(DatasetSignOff.DECISION, "signed-off", "dataset materials round 1"));
        assertThat(jdbc.sql("select status from migration_extract where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .list())
                .containsExactly("processed", "processed");
    }

    @Test
    void tooManyRejectsGoBackToTheDataStewardWithTheTopReasons() {
        ProcessInstance pi = start(List.of(CUSTOMERS));
        complete(taskOf(pi, DEFINE, CUSTOMERS), definitionForm(CUSTOMERS, 2));
        complete(taskOf(pi, UPLOAD, CUSTOMERS), upload("legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS)));
        runJob(pi, DRY_RUN);

        Task again = taskOf(pi, DEFINE, CUSTOMERS);
        assertThat(again).hasCandidateGroup(Roles.DATA_STEWARD);
        String findings = (String) tasks.getVariable(again.getId(), "dryRunFindings");
        assertThat(findings)
                .contains(
                        "Reject rate 11.29 % (7 of 62 rows) is not below the threshold of 2 %: improve the cleansing rules or "
                                + "the source data and run the dry run again.",
                        "**Top reject reasons:**",
                        "- code 客户编码: 2 rejected, first in row 11 (\"c-9\" in column \"客户编码\" breaks the coding standard",
                        "- number 信用额度: 2 rejected, first in row 15",
                        "- unique 客户编码: 2 rejected, first in row 62",
                        "- pattern 电话: 1 rejected, first in row 13",
                        "- required 客户名称: 1 rejected, first in row 14");
        assertThat(tasks.getVariable(again.getId(), "dryRunClean")).isEqualTo(false);
        assertThat(tasks.getVariable(again.getId(), "rejectRate")).isEqualTo(11.29);
        assertThat(decisions.latest(code, MigrationDryRun.DECISION)).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("failed");
            assertThat(d.decidedBy()).isEqualTo(DecisionLog.SYSTEM);
            assertThat(d.subject()).isEqualTo("dataset customers round 1");
            assertThat(d.inputs()).contains("source=62, accepted=55, rejected=7, duplicates=2, threshold=2%");
        });

        // the business fixed the source: the same rules pass
        complete(again, definitionForm(CUSTOMERS, 2));
        complete(taskOf(pi, UPLOAD, CUSTOMERS), upload("legacy-customers-fixed.csv", customersWithout(FAULTY)));
        runJob(pi, DRY_RUN);
        Task signOff = taskOf(pi, SIGN_OFF, CUSTOMERS);
        assertThat(tasks.getVariable(signOff.getId(), "round")).isEqualTo(2);
        assertThat((String) tasks.getVariableLocal(signOff.getId(), "latestRunSummary"))
                .contains("Source 55 rows = accepted 55 + rejected 0");
        // the owner sees what the first round rejected and that the dry run sent it back
        assertThat(tasks.getVariableLocal(signOff.getId(), "hasEarlierRounds")).isEqualTo(true);
        assertThat(JsonRows.read(tasks.getVariableLocal(signOff.getId(), "earlierRounds")))
                .singleElement()
                .satisfies(round -> assertThat(round.values())
                        .containsEntry("round", 1)
                        .containsEntry("file", "legacy-customers.csv")
                        .containsEntry("rows", 62)
                        .containsEntry("rejected", "7 (11.29 %)")
                        .containsEntry("reasons", "code 客户编码: 2; number 信用额度: 2; unique 客户编码: 2")
                        .containsEntry("outcome", "Sent back by the dry run: too many rejects"));
        complete(signOff, withVariables("dataSignedOff", "yes"));
        runJob(pi, LOAD);
        assertThat(pi).hasPassed(ALL_SIGNED_OFF).isEnded();
        assertThat(runs(CUSTOMERS)).isEqualTo(2);
        assertThat(staged(CUSTOMERS)).isEqualTo(55);
    }

    @Test
    void refusedSignOffSendsTheDatasetBackToTheDataStewardWithTheReason() {
        ProcessInstance pi = start(List.of(CUSTOMERS));
        complete(taskOf(pi, DEFINE, CUSTOMERS), definitionForm(CUSTOMERS, 2));
        complete(taskOf(pi, UPLOAD, CUSTOMERS), upload("fixed.csv", customersWithout(FAULTY)));
        runJob(pi, DRY_RUN);

        complete(
                taskOf(pi, SIGN_OFF, CUSTOMERS),
                withVariables("dataSignedOff", "no", "signOffComment", "Customer groups are still the old ones"));

        Task again = taskOf(pi, DEFINE, CUSTOMERS);
        assertThat(again).hasCandidateGroup(Roles.DATA_STEWARD);
        assertThat(tasks.getVariable(again.getId(), "dryRunFindings"))
                .isEqualTo("Sign-off refused by unknown: Customer groups are still the old ones");
        assertThat(jdbc.sql("select signed_off, round, comment from migration_signoff where project_code = ?")
                        .param(code)
                        .query((rs, n) -> rs.getBoolean(1) + "|" + rs.getInt(2) + "|" + rs.getString(3))
                        .list())
                .containsExactly("false|1|Customer groups are still the old ones");
        assertThat(decisions.latest(code, DatasetSignOff.DECISION))
                .hasValueSatisfying(d -> assertThat(d.outcome()).isEqualTo("refused"));
        assertThat(status.datasetsNotSignedOff(code)).containsExactly(CUSTOMERS);

        complete(again, definitionForm(CUSTOMERS, 2));
        complete(taskOf(pi, UPLOAD, CUSTOMERS), upload("fixed-2.csv", customersWithout(FAULTY)));
        runJob(pi, DRY_RUN);
        complete(taskOf(pi, SIGN_OFF, CUSTOMERS), withVariables("dataSignedOff", "yes"));
        assertThat(status.datasetsNotSignedOff(code)).isEmpty();
        runJob(pi, LOAD);
        assertThat(pi).hasPassed(ALL_SIGNED_OFF).isEnded();
    }

    @Test
    void aBadUploadOrDefinitionIsRefusedWithTheReasonAndStoresNothing() {
        ProcessInstance pi = start(List.of(MATERIALS));
        Map<String, Object> badDefinition = definitionForm(MATERIALS, 150);
        badDefinition.put("department", "sales");
        assertThatThrownBy(() -> complete(taskOf(pi, DEFINE, MATERIALS), badDefinition))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The reject threshold must be a percentage from 0 to 100, not 150.")
                .hasMessageContaining(
                        "The owning department \"sales\" is not a department of the project (finance, warehouse).");
        assertThat(jdbc.sql("select count(*) from migration_dataset where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();

        complete(taskOf(pi, DEFINE, MATERIALS), definitionForm(MATERIALS, 15));
        assertThatThrownBy(() -> complete(
                        taskOf(pi, UPLOAD, MATERIALS),
                        upload("legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS))))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("The header does not match the dataset. Missing columns: 物料编码, 物料名称, 规格型号, 单位, "
                        + "物料类别, 安全库存. Unknown columns: 客户编码");
        assertThatThrownBy(() -> complete(
                        taskOf(pi, UPLOAD, MATERIALS),
                        upload("legacy-materials.xlsx", Extracts.bytes(Extracts.CUSTOMERS))))
                .hasMessageContaining("The file legacy-materials.xlsx is not an Excel workbook (.xlsx).");
        assertThatThrownBy(() -> complete(taskOf(pi, UPLOAD, MATERIALS), upload("empty.csv", new byte[0])))
                .hasMessageContaining("The file empty.csv is empty");
        assertThatThrownBy(() -> complete(taskOf(pi, UPLOAD, MATERIALS), new java.util.HashMap<>()))
                .hasMessageContaining("Choose the extract file to upload.");

        assertThat(pi).isWaitingAt(UPLOAD);
        assertThat(jdbc.sql("select count(*) from migration_extract where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(filesOf(code)).isEmpty();
        assertThat(decisions.forProject(code)).isEmpty();
    }

    @Test
    void aFileRefusedDuringTheDryRunGoesBackToTheDataStewardAndStoresNoRound() {
        ProcessInstance pi = start(List.of(CUSTOMERS));
        complete(taskOf(pi, DEFINE, CUSTOMERS), definitionForm(CUSTOMERS, 2));
        String ragged = Extracts.customersText().replace("C00040,合肥孙氏塑胶有限公司,", "C00040;合肥孙氏塑胶有限公司,");
        complete(taskOf(pi, UPLOAD, CUSTOMERS), upload("ragged.csv", ragged.getBytes(StandardCharsets.UTF_8)));
        runJob(pi, DRY_RUN);

        Task again = taskOf(pi, DEFINE, CUSTOMERS);
        assertThat(tasks.getVariable(again.getId(), "dryRunFindings"))
                .isEqualTo("The extract ragged.csv of dataset "
                        + "customers was refused and nothing was stored: Row 41 has 6 fields but the header has 7 columns. Check "
                        + "for a stray delimiter or a missing field in that row.");
        assertThat(runs(CUSTOMERS)).isZero();
        assertThat(jdbc.sql("select status from migration_extract where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("refused");
        assertThat(filesOf(code)).isEmpty();
        assertThat(decisions.latest(code, MigrationDryRun.DECISION))
                .hasValueSatisfying(d -> assertThat(d.outcome()).isEqualTo("refused"));
    }

    @Test
    void aReferenceRuleChecksTheOtherDatasetsSignedOffRound() {
        ProcessInstance pi = start(List.of(CUSTOMERS, "orders"));
        Map<String, Object> orders = withVariables(
                "datasetColumns",
                "订单号\n客户编码\n金额",
                "keyColumns",
                "订单号",
                "reconcileColumns",
                "金额",
                "rejectThreshold",
                50L,
                "department",
                "finance",
                "rules",
                JsonRows.of(List.of(
                        Map.of("kind", "reference", "column", "客户编码", "refDataset", CUSTOMERS, "refColumn", "客户编码"),
                        Map.of("kind", "unique", "column", "", "normalised", false))));
        byte[] ordersFile = "订单号,客户编码,金额\nSO-1,C00001,100.50\nSO-2,C99999,20\nSO-3, C00002 ,1,000\n"
                .replace("1,000", "\"1,000\"")
                .getBytes(StandardCharsets.UTF_8);

        // customers are not signed off yet: the orders cannot be checked against them
        complete(taskOf(pi, DEFINE, "orders"), orders);
        complete(taskOf(pi, UPLOAD, "orders"), upload("orders.csv", ordersFile));
        runJob(pi, DRY_RUN);
        assertThat(tasks.getVariable(taskOf(pi, DEFINE, "orders").getId(), "dryRunFindings"))
                .isEqualTo(
                        "The extract orders.csv of dataset orders was refused and nothing was stored: The dataset customers that "
                                + "a reference rule checks against has no signed-off round yet: sign it off first or remove the rule.");

        complete(taskOf(pi, DEFINE, CUSTOMERS), definitionForm(CUSTOMERS, 2));
        complete(taskOf(pi, UPLOAD, CUSTOMERS), upload("fixed.csv", customersWithout(FAULTY)));
        runJob(pi, DRY_RUN);
        complete(taskOf(pi, SIGN_OFF, CUSTOMERS), withVariables("dataSignedOff", "yes"));

        // the grid shows the referenced column in one cell and reads it back from there
        Task defineOrders = taskOf(pi, DEFINE, "orders");
        List<Map<String, Object>> grid = new ArrayList<>();
        JsonRows.read(tasks.getVariableLocal(defineOrders.getId(), "rules"))
                .forEach(r -> grid.add(new LinkedHashMap<>(r.values())));
        assertThat(grid)
                .extracting(r -> r.get("kind") + " " + r.get("reference"))
                .containsExactly("reference customers.客户编码", "unique ");
        Map<String, Object> gridForm = new LinkedHashMap<>(orders);
        gridForm.put("rules", JsonRows.of(grid));
        complete(defineOrders, gridForm);
        assertThat(jdbc.sql("select ref_dataset || '.' || ref_column from migration_rule where project_code = ?"
                                + " and dataset = 'orders' and kind = 'reference'")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("customers.客户编码");
        complete(taskOf(pi, UPLOAD, "orders"), upload("orders.csv", ordersFile));
        runJob(pi, DRY_RUN);
        Task signOrders = taskOf(pi, SIGN_OFF, "orders");
        assertThat((String) tasks.getVariableLocal(signOrders.getId(), "latestRunSummary"))
                .contains(
                        "Source 3 rows = accepted 2 + rejected 1",
                        "Sum of 金额: source 1120.5 = accepted 1100.5 + rejected 20",
                        "reference 客户编码: 1 rejected, first in row 3 (\"C99999\" in column \"客户编码\" does not exist in column "
                                + "客户编码 of dataset customers.)");
    }

    @Test
    void aProjectWithoutDatasetsPassesAtOnce() {
        ProcessInstance pi = start(List.of());

        assertThat(pi).hasPassed(ALL_SIGNED_OFF).isEnded();
        assertThat(status.datasetsNotSignedOff(code)).isEmpty();
    }

    List<Path> filesOf(String projectCode) {
        Path dir = store.root().resolve(projectCode);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> candidateUsers(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getUserId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }

    void owner(String userId, String department) {
        TestUsers.ensure(
                identity, userId, "migration-Secret-2026", Roles.BUSINESS_OWNER, Roles.departmentGroup(department));
    }

    String formOf(Task task) {
        return DeployedForms.of(engine.getFormService(), task);
    }
}
