package io.rollout.uat;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Traceability requirement → cases → latest result → defects over HTTP, as JSON, CSV and Excel. */
@WebTest
class UatApiTests {

    static final String PASSWORD = "uat-api-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    UatRepository repository;

    @Autowired
    JdbcClient jdbc;

    String code;
    long defect;

    @BeforeEach
    void aRoundWithAFailure() {
        TestUsers.ensure(identity, "traceauditor", PASSWORD, Roles.AUDITOR);
        TestUsers.ensure(identity, "tracetrainer", PASSWORD, Roles.TRAINER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        for (String[] r : List.of(
                new String[] {"REQ-1", "must"}, new String[] {"REQ-2", "must"}, new String[] {"REQ-3", "could"})) {
            jdbc.sql("insert into requirement (project_code, req_id, department, title, priority, updated_at) "
                            + "values (?, ?, 'finance', ?, ?, current_timestamp)")
                    .params(code, r[0], "=Title " + r[0], r[1])
                    .update();
        }
        repository.saveTestCases(
                code,
                List.of(
                        new TestCase(
                                "TC-1", "Post invoice", List.of("REQ-1"), "Open, post", "Posted", "finance", "high"),
                        new TestCase(
                                "TC-2",
                                "Close month",
                                List.of("REQ-1", "REQ-2"),
                                "Close",
                                "Closed",
                                "finance",
                                "high")),
                "sunli");
        repository.planRound(code, 1, Map.of("TC-1", "sunli", "TC-2", "sunli"), "zhangwei");
        repository.recordResult(code, "TC-1", 1, "pass", null, "sunli");
        repository.recordResult(code, "TC-2", 1, "fail", "Totals wrong", "sunli");
        defect = repository.openDefect(code, "TC-2", 1, "high", "finance", "Totals wrong", "sunli");
        repository.assign(defect, "lihua", "high", null, "zhangwei");
    }

    @Test
    void traceabilityFollowsEveryRequirementToItsCasesResultsAndDefects() {
        ResponseEntity<List> response = as("traceauditor").getForEntity(url(""), List.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> traces = response.getBody();
        assertThat(traces)
                .extracting(t -> t.get("requirementId") + " " + t.get("covered"))
                .containsExactly("REQ-1 true", "REQ-2 false", "REQ-3 false");
        assertThat((List<Map<String, Object>>) traces.get(1).get("cases"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c)
                            .containsEntry("caseId", "TC-2")
                            .containsEntry("latestResult", "fail")
                            .containsEntry("round", 1)
                            .containsEntry("tester", "sunli");
                    assertThat((List<Map<String, Object>>) c.get("defects"))
                            .singleElement()
                            .satisfies(d -> assertThat(d)
                                    .containsEntry("severity", "high")
                                    .containsEntry("status", "open")
                                    .containsEntry("assignee", "lihua"));
                });
        assertThat((List<?>) traces.get(2).get("cases")).isEmpty();
    }

    @Test
    void traceabilityDownloadsAsCsvAndExcel() throws IOException {
        ResponseEntity<byte[]> csv = as("traceauditor").getForEntity(url(".csv"), byte[].class);
        List<String> lines =
                new String(csv.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFrequirement,title,priority,department,covered,case");
        assertThat(lines)
                .hasSize(1 + 4)
                .contains("REQ-2,'=Title REQ-2,must,finance,no,TC-2,Close month,fail,1,sunli,\"#" + defect
                        + "\",high,open,lihua,0");

        ResponseEntity<byte[]> xlsx = as("traceauditor").getForEntity(url(".xlsx"), byte[].class);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo(code + "-uat-traceability.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheet("Traceability");
            DataFormatter format = new DataFormatter();
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertThat(format.formatCellValue(last.getCell(0))).isEqualTo("REQ-3");
            assertThat(format.formatCellValue(sheet.getRow(3).getCell(10))).isEqualTo("#" + defect);
        }
    }

    @Test
    void aChineseReaderGetsTheTraceabilityDownloadsWithChineseHeadings() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        ResponseEntity<byte[]> csv =
                as("traceauditor").exchange(url(".csv"), HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        List<String> lines =
                new String(csv.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF需求编号,需求标题,优先级,部门,已覆盖,测试用例");
        assertThat(lines).hasSize(1 + 4);

        ResponseEntity<byte[]> xlsx =
                as("traceauditor").exchange(url(".xlsx"), HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheet("追溯矩阵");
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(sheet.getRow(0).getCell(10))).isEqualTo("缺陷");
            // the codes of the CSV (no, fail, high) in the reader's words
            assertThat(List.of(4, 7, 11).stream()
                            .map(c -> format.formatCellValue(sheet.getRow(3).getCell(c)))
                            .toList())
                    .containsExactly("否", "未通过", "高");
            assertThat(format.formatCellValue(sheet.getRow(3).getCell(10))).isEqualTo("#" + defect);
        }
    }

    @Test
    void defectsComeWithTheirHistory() {
        ResponseEntity<List> response =
                as("traceauditor").getForEntity("/api/projects/" + code + "/uat/defects", List.class);

        assertThat((List<Map<String, Object>>) response.getBody())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d).containsEntry("assignee", "lihua").containsEntry("module", "finance");
                    assertThat((List<Map<String, Object>>) d.get("history"))
                            .extracting(e -> e.get("event") + " " + e.get("by"))
                            .containsExactly("raised sunli", "assigned zhangwei");
                });
    }

    @Test
    void onlyProjectRolesAndAuditorsRead() {
        assertThat(as("tracetrainer").getForEntity(url(""), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(url(""), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("traceauditor")
                        .getForEntity("/api/projects/NO-SUCH/uat/traceability", Map.class)
                        .getBody())
                .isEqualTo(Map.of("errors", List.of("Project NO-SUCH does not exist.")));
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    String url(String suffix) {
        return "/api/projects/" + code + "/uat/traceability" + suffix;
    }
}
