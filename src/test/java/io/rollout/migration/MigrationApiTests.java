package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.HostileWorkbooks;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import io.rollout.tasksheet.Workbooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The data migration API over HTTP with basic authentication: definitions, uploads, runs and downloads. */
@WebTest
class MigrationApiTests {

    static final String PASSWORD = "migration-Secret-2026";
    static final String STEWARD = "migapisteward";
    static final String KEY_USER = "migapikeyuser";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    String code;
    ProcessInstance pi;

    @BeforeEach
    void setUp() {
        user(STEWARD, Roles.DATA_STEWARD);
        user(KEY_USER, Roles.KEY_USER);
        code = TestProjects.newCode();
        TestProjects.create(
                projects, code, List.of("finance", "warehouse"), List.of("finance"), List.of("customers", "materials"));
    }

    void start() {
        pi = runtime.startProcessInstanceByKey("dataMigration", code, Map.of("projectCode", code));
    }

    String base() {
        return "/api/projects/" + code + "/datasets";
    }

    ResponseEntity<Map> upload(String user, String dataset, String fileName, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, PASSWORD)
                .postForEntity(base() + "/" + dataset + "/extracts", new HttpEntity<>(body, headers), Map.class);
    }

    ResponseEntity<Map> put(String user, String dataset, DatasetDefinition definition) {
        return rest.withBasicAuth(user, PASSWORD)
                .exchange(base() + "/" + dataset, HttpMethod.PUT, new HttpEntity<>(definition), Map.class);
    }

    long extracts() {
        return jdbc.sql("select count(*) from migration_extract where project_code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    @Test
    void theDataStewardRegistersADatasetUploadsAnExtractAndDownloadsTheRejects() throws IOException {
        // registered over REST: the form of the process shows it prefilled
        ResponseEntity<Map> saved = put(STEWARD, "customers", Extracts.definition("customers"));
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).containsEntry("department", "finance").containsEntry("dataset", "customers");
        assertThat((List<?>) saved.getBody().get("rules"))
                .hasSize(7)
                .first()
                .isEqualTo(Map.of("kind", "required", "column", "客户编码", "normalised", false));
        start();
        Task define = openTask("UserTask_DefineDataset", "customers");
        assertThat(tasks.getVariableLocal(define.getId(), "datasetColumns"))
                .isEqualTo("客户编码\n客户名称\n联系人\n电话\n城市\n信用额度\n建档日期");
        tasks.complete(define.getId(), DataMigrationProcessTests.definitionForm("customers", 15));

        ResponseEntity<Map> accepted =
                upload(STEWARD, "customers", "legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody())
                .containsEntry("fileName", "legacy-customers.csv")
                .containsEntry("format", "csv UTF-8 , 7 columns");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("UserTask_UploadExtract")
                        .count())
                .isZero();
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .singleResult()
                .getId());

        ResponseEntity<List> runs =
                rest.withBasicAuth(STEWARD, PASSWORD).getForEntity(base() + "/customers/runs", List.class);
        assertThat(runs.getBody())
                .singleElement()
                .satisfies(run -> assertThat((Map<String, Object>) run)
                        .containsEntry("round", 1)
                        .containsEntry("sourceRows", 62)
                        .containsEntry("acceptedRows", 55)
                        .containsEntry("rejectedRows", 7)
                        .containsEntry("duplicateGroups", 2));

        ResponseEntity<byte[]> csv = rest.withBasicAuth(STEWARD, PASSWORD)
                .getForEntity(base() + "/customers/runs/1/rejected.csv", byte[].class);
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo(code + "-customers-round-1-rejected.csv");
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8).lines()).hasSize(8);
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth(STEWARD, PASSWORD)
                .getForEntity(base() + "/customers/runs/1/duplicates.xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            var sheet = workbook.getSheet("duplicates");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Duplicate key");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("C００００８");
        }
        assertThat(rest.withBasicAuth(STEWARD, PASSWORD)
                        .getForEntity(base() + "/customers/runs/9/rejected.csv", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBadFileOrDefinitionIsRefusedWith400AndItsReasonsAndNothingIsStored() {
        DatasetDefinition bad = new DatasetDefinition(
                "ignored",
                List.of("物料编码", "物料编码"),
                List.of("编号"),
                List.of(),
                120,
                "sales",
                List.of(CleansingRule.pattern("物料编码", "([")));
        start();
        ResponseEntity<Map> refused = put(STEWARD, "materials", bad);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) refused.getBody().get("errors"))
                .containsExactly(
                        "The column \"物料编码\" is listed twice.",
                        "The key column \"编号\" is not one of the dataset columns.",
                        "The reject threshold must be a percentage from 0 to 100, not 120.",
                        "The owning department \"sales\" is not a department of the project (finance, warehouse).",
                        "Rule 1: the pattern \"([\" is not a valid regular expression.");

        assertThat(put(STEWARD, "materials", Extracts.definition("materials")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        tasks.complete(
                openTask("UserTask_DefineDataset", "materials").getId(),
                DataMigrationProcessTests.definitionForm("materials", 15));
        ResponseEntity<Map> header =
                upload(STEWARD, "materials", "legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS));
        assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) header.getBody().get("errors"))
                .singleElement()
                .asString()
                .startsWith(
                        "The header does not match the dataset. Missing columns: 物料编码, 物料名称, 规格型号, 单位, 物料类别, 安全库存.");
        ResponseEntity<Map> notWorkbook = upload(STEWARD, "materials", "materials.xlsx", "not a workbook".getBytes());
        assertThat(notWorkbook.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) notWorkbook.getBody().get("errors"))
                .containsExactly(
                        "The file materials.xlsx is not an Excel workbook (.xlsx). Upload a real .xlsx or a CSV file.");
        assertThat(extracts()).isZero();
        assertThat(openTask("UserTask_UploadExtract", "materials")).isNotNull();
    }

    @Test
    void aZipBombOrADoctypeWorkbookIsRefusedWith400NamingTheProblemAndNothingIsStored() {
        put(STEWARD, "materials", Extracts.definition("materials"));
        start();
        tasks.complete(
                openTask("UserTask_DefineDataset", "materials").getId(),
                DataMigrationProcessTests.definitionForm("materials", 15));
        // as Excel saves it: text in the shared-strings table
        DatasetDefinition definition = Extracts.definition("materials");
        byte[] materials = Workbooks.of(List.of(
                definition.columns(),
                definition.columns().stream().map(c -> "1").toList()));

        ResponseEntity<Map> bomb =
                upload(STEWARD, "materials", "materials.xlsx", HostileWorkbooks.sharedStringsBomb(materials, 60));
        ResponseEntity<Map> doctype =
                upload(STEWARD, "materials", "materials.xlsx", HostileWorkbooks.withDoctype(materials));

        assertThat(bomb.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) bomb.getBody().get("errors"))
                .containsExactly("The part xl/sharedStrings.xml of the "
                        + "workbook unpacks to more than 100 times its packed size, as a zip bomb does: save the file again from "
                        + "Excel, or as CSV.");
        assertThat(doctype.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) doctype.getBody().get("errors"))
                .containsExactly(
                        "The part xl/worksheets/sheet1.xml "
                                + "of the workbook declares a DOCTYPE, which Excel never writes: save the file again from Excel, or as CSV.");
        assertThat(extracts()).isZero();
        assertThat(openTask("UserTask_UploadExtract", "materials")).isNotNull();
    }

    @Test
    void aDefinitionWithAPatternTheLinearEngineCannotRunOrOverTheUploadLimitIsRefused() {
        DatasetDefinition materials = Extracts.definition("materials");
        List<CleansingRule> rules = new java.util.ArrayList<>(materials.rules());
        rules.add(CleansingRule.pattern("物料编码", "(\\w)\\1+"));
        DatasetDefinition backreference = new DatasetDefinition(
                "materials",
                materials.columns(),
                materials.keyColumns(),
                materials.reconcileColumns(),
                materials.rejectThreshold(),
                materials.department(),
                rules);

        ResponseEntity<Map> refused = put(STEWARD, "materials", backreference);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) refused.getBody().get("errors"))
                .containsExactly("Rule " + rules.size()
                        + ": the pattern \"(\\w)\\1+\" uses a construct that Rollout does not run (back-references and "
                        + "look-arounds): patterns are matched in linear time so a long value cannot stall a dry run.");

        String huge = "{\"columns\": [\"" + "a".repeat(11 * 1024 * 1024) + "\"]}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> tooLarge = rest.withBasicAuth(STEWARD, PASSWORD)
                .exchange(base() + "/materials", HttpMethod.PUT, new HttpEntity<>(huge, headers), Map.class);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((List<String>) tooLarge.getBody().get("errors"))
                .singleElement()
                .asString()
                .startsWith("The upload is larger than 10 MB, the most Rollout accepts here");
        assertThat(jdbc.sql("select count(*) from migration_dataset where project_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void otherRolesGet403AndADatasetNotWaitingForAnExtract409() {
        start();
        assertThat(upload(KEY_USER, "customers", "legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(KEY_USER, "customers", Extracts.definition("customers")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(KEY_USER, PASSWORD)
                        .getForEntity(base(), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        put(STEWARD, "customers", Extracts.definition("customers"));
        ResponseEntity<Map> early =
                upload(STEWARD, "customers", "legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<String>) early.getBody().get("errors"))
                .singleElement()
                .asString()
                .contains("is not waiting for an extract");
        assertThat(upload(STEWARD, "suppliers", "s.csv", "a\n1\n".getBytes()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(extracts()).isZero();
    }

    Task openTask(String key, String dataset) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().stream()
                .filter(t -> dataset.equals(tasks.getVariable(t.getId(), "dataset")))
                .findFirst()
                .orElseThrow();
    }

    void user(String id, String group) {
        TestUsers.ensure(identity, id, PASSWORD, group);
    }
}
