package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.audit.DecisionLog;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The .xlsx import, the version history and the signed specification as .xlsx, over HTTP. */
@WebTest
class SpecificationApiTests {

    static final String PASSWORD = "api-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    Specification specification;

    @Autowired
    RequirementRepository requirements;

    String code;

    @BeforeEach
    void setUp() throws IOException {
        user("specconsultant", Roles.CONSULTANT);
        user("specauditor", Roles.AUDITOR);
        code = TestProjects.newCode();
        TestProjects.create(
                projects,
                code,
                List.of("procurement", "warehouse", "production", "finance", "sales"),
                List.of("finance"),
                List.of());
        // the consultant uploads the customer's list as Excel saved it, as the raw request body
        HttpHeaders headers = headers("en");
        headers.setContentType(SpecificationController.XLSX);
        ResponseEntity<Map> imported = as("specconsultant")
                .postForEntity(
                        "/api/projects/" + code + "/requirements/import",
                        new HttpEntity<>(RequirementFileImportTests.workbookOfFixture(), headers),
                        Map.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).isEqualTo(Map.of("imported", 20, "skipped", 0));
    }

    @Test
    void anAuditorReadsTheVersionsAndExportsWhatWasSignedNotTodaysRows() throws IOException {
        int v1 = specification.freeze(code, DecisionLog.SYSTEM, null);
        requirements.insertApproval(code, v1, "finance", "ownerfinance", true, "Agreed");
        requirements.insertApproval(code, v1, "sales", "ownersales", false, "Discounts missing");
        int v2 = specification.freeze(code, DecisionLog.SYSTEM, null);
        requirements.insertApproval(code, v2, "finance", "ownerfinance", true, null);
        specification.baseline(code, v2, DecisionLog.SYSTEM);
        // a later change of today's rows must not change what version 1 exports
        Requirement first = requirements.findByProject(code).get(0);
        requirements.upsert(code, first.with(first.reqId(), Requirement.BASELINED), "someone");
        requirements.match(code, first.reqId(), "not-covered", null, Requirement.CLARIFIED, "someone");

        ResponseEntity<List> versions = as("specauditor")
                .exchange(
                        "/api/projects/" + code + "/specification/versions",
                        HttpMethod.GET,
                        new HttpEntity<>(headers("en")),
                        List.class);
        assertThat(versions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(versions.getBody()).hasSize(2);
        Map<String, Object> version1 = (Map<String, Object>) versions.getBody().get(0);
        assertThat(version1)
                .containsEntry("version", 1)
                .containsEntry("frozenBy", DecisionLog.SYSTEM)
                .containsEntry("baselinedAt", null)
                .containsKey("contentHash");
        assertThat((List<Map<String, Object>>) version1.get("approvals"))
                .extracting(a -> a.get("department"), a -> a.get("approver"), a -> a.get("approved"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("finance", "ownerfinance", true),
                        org.assertj.core.groups.Tuple.tuple("sales", "ownersales", false));
        assertThat((Map<String, Object>) versions.getBody().get(1)).containsEntry("baselinedBy", DecisionLog.SYSTEM);

        ResponseEntity<byte[]> export = as("specauditor")
                .exchange(
                        "/api/projects/" + code + "/specification/1.xlsx",
                        HttpMethod.GET,
                        new HttpEntity<>(headers("zh-CN")),
                        byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType()).isEqualTo(SpecificationController.XLSX);
        assertThat(export.getHeaders().getContentDisposition().getFilename())
                .isEqualTo(code + "-specification-v1.xlsx");
        DataFormatter cells = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
            Sheet sheet = workbook.getSheet("需求");
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(21);
            assertThat(cells.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("需求编号");
            assertThat(cells.formatCellValue(sheet.getRow(0).getCell(9))).isEqualTo("状态");
            Row firstRow = sheet.getRow(1);
            assertThat(cells.formatCellValue(firstRow.getCell(0))).isEqualTo(first.reqId());
            assertThat(cells.formatCellValue(firstRow.getCell(8)))
                    .as("as frozen")
                    .isEqualTo(first.solutionMatch());
            assertThat(cells.formatCellValue(firstRow.getCell(9))).isEqualTo(Requirement.DRAFT);
            Sheet signOff = workbook.getSheet("签核");
            assertThat(cells.formatCellValue(signOff.getRow(1).getCell(0))).isEqualTo("版本");
            assertThat(cells.formatCellValue(signOff.getRow(1).getCell(1))).isEqualTo("1");
            assertThat(cells.formatCellValue(signOff.getRow(2).getCell(1)))
                    .isEqualTo(requirements.version(code, 1).orElseThrow().contentHash());
            assertThat(cells.formatCellValue(signOff.getRow(3).getCell(1))).isEqualTo(DecisionLog.SYSTEM);
            assertThat(cells.formatCellValue(signOff.getRow(9).getCell(0))).isEqualTo("部门");
            assertThat(List.of(signOff.getRow(10), signOff.getRow(11)))
                    .extracting(
                            r -> cells.formatCellValue(r.getCell(0)),
                            r -> cells.formatCellValue(r.getCell(1)),
                            r -> cells.formatCellValue(r.getCell(2)),
                            r -> cells.formatCellValue(r.getCell(4)))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("finance", "ownerfinance", "批准", "Agreed"),
                            org.assertj.core.groups.Tuple.tuple("sales", "ownersales", "驳回", "Discounts missing"));
            assertThat(signOff.getRow(12)).isNull();
            // when each department decided, as a Chinese reader writes date and time
            assertThat(cells.formatCellValue(signOff.getRow(10).getCell(3)))
                    .matches("\\d{4}年\\d{1,2}月\\d{1,2}日 (上午|下午)?\\d{1,2}:\\d\\d:\\d\\d UTC");
        }

        ResponseEntity<byte[]> latest = as("specauditor")
                .exchange(
                        "/api/projects/" + code + "/specification/latest.xlsx",
                        HttpMethod.GET,
                        new HttpEntity<>(headers("en")),
                        byte[].class);
        assertThat(latest.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(latest.getBody()))) {
            Sheet signOff = workbook.getSheet("Sign-off");
            assertThat(cells.formatCellValue(signOff.getRow(1).getCell(1))).isEqualTo("2");
            assertThat(cells.formatCellValue(signOff.getRow(5).getCell(1))).isEqualTo(DecisionLog.SYSTEM);
            assertThat(cells.formatCellValue(signOff.getRow(10).getCell(1))).isEqualTo("ownerfinance");
            assertThat(cells.formatCellValue(signOff.getRow(10).getCell(3)))
                    .matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d:\\d\\d [AP]M UTC");
            assertThat(workbook.getSheet("Requirements").getRow(1).getCell(9).getStringCellValue())
                    .isEqualTo(Requirement.BASELINED);
        }

        HttpHeaders csv = headers("en");
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map> refused = as("specconsultant")
                .postForEntity(
                        "/api/projects/" + code + "/requirements/import",
                        new HttpEntity<>("reqId,department,title,priority\n".getBytes(), csv),
                        Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody())
                .isEqualTo(Map.of(
                        "errors",
                        List.of("Specification v2 of project " + code
                                + " is baselined: requirements change only through a change request.")));
    }

    @Test
    void unknownProjectsAndVersionsAnswer404() {
        ResponseEntity<Map> noVersion = as("specauditor")
                .exchange(
                        "/api/projects/" + code + "/specification/latest.xlsx",
                        HttpMethod.GET,
                        new HttpEntity<>(headers("en")),
                        Map.class);
        assertThat(noVersion.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noVersion.getBody())
                .isEqualTo(Map.of("errors", List.of("Project " + code + " has no specification version latest.")));
        assertThat(as("specauditor")
                        .exchange(
                                "/api/projects/" + code + "/specification/7.xlsx",
                                HttpMethod.GET,
                                new HttpEntity<>(headers("en")),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("specauditor")
                        .exchange(
                                "/api/projects/NO-SUCH/specification/versions",
                                HttpMethod.GET,
                                new HttpEntity<>(headers("en")),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/projects/" + code + "/specification/versions", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    static HttpHeaders headers(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return headers;
    }

    void user(String id, String group) {
        TestUsers.ensure(identity, id, PASSWORD, group);
    }
}
