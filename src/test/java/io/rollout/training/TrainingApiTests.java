package io.rollout.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
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

/**
 * The curricula and the roster for production account creation over HTTP: only people trained and passed in
 * their curriculum get an account; everybody else is listed with the reason.
 */
@WebTest
class TrainingApiTests {

    static final String PASSWORD = "training-api-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    TrainingCurricula curricula;

    @Autowired
    CurriculumRepository sessions;

    @Autowired
    AttendanceImport attendance;

    String code;

    @BeforeEach
    void theCustomersSheet() throws IOException {
        TestUsers.ensure(identity, "accountsops", PASSWORD, Roles.IT_OPERATIONS);
        TestUsers.ensure(identity, "accountsdev", PASSWORD, Roles.DEVELOPER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("warehouse"), List.of("inventory"), List.of());
        curricula.plan(code, AttendanceImportTests.CUSTOMER_CURRICULA);
        sessions.add(
                code,
                new CurriculumRepository.Session(
                        null,
                        "CUR-02",
                        "practice",
                        "入库实操",
                        "wuting",
                        LocalDate.parse("2026-04-20"),
                        "仓储手册 v2",
                        "https://videos.example.com/wh",
                        false));
        try (InputStream in = getClass().getResourceAsStream("/erp-case/training-attendance.csv")) {
            attendance.importCsv(code, in, "trainer1");
        }
    }

    @Test
    void onlyTrainedAndPassedPeopleGetAnAccountTheOthersAreListedWithWhy() {
        ResponseEntity<Map> response = rest.withBasicAuth("accountsops", PASSWORD)
                .getForEntity("/api/projects/" + code + "/training/accounts", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> eligible =
                (List<Map<String, Object>>) response.getBody().get("eligible");
        List<Map<String, Object>> notEligible =
                (List<Map<String, Object>>) response.getBody().get("notEligible");
        // operators 28 of 35 and managers 4 of 5: 32 accounts, 8 refused
        assertThat(eligible).hasSize(32).allSatisfy(p -> assertThat(p).doesNotContainKey("reason"));
        assertThat(notEligible).hasSize(8);
        assertThat(notEligible)
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("employeeId", "E0013")
                        .containsEntry("score", 57)
                        .containsEntry("passMark", 60)
                        .hasEntrySatisfying(
                                "reason",
                                r -> assertThat((String) r).contains("scored 57", "below its pass mark of 60")));
        assertThat(notEligible)
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("employeeId", "E0008")
                        .hasEntrySatisfying(
                                "reason", r -> assertThat((String) r).contains("was absent from 报表分析")));
    }

    @Test
    void theAccountListDownloadsAsCsvAndExcel() throws IOException {
        ResponseEntity<byte[]> csv = rest.withBasicAuth("accountsops", PASSWORD)
                .getForEntity("/api/projects/" + code + "/training/accounts.csv", byte[].class);
        List<String> lines =
                new String(csv.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFemployeeId,name,department,role,userId,curriculum,score,passMark");
        assertThat(lines).hasSize(33).noneMatch(l -> l.startsWith("E0013,"));

        List<String> all = new String(
                        rest.withBasicAuth("accountsops", PASSWORD)
                                .getForEntity("/api/projects/" + code + "/training/accounts.csv?all=true", byte[].class)
                                .getBody(),
                        StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(all).hasSize(41).anyMatch(l -> l.startsWith("E0013,") && l.contains("not eligible"));

        byte[] xlsx = rest.withBasicAuth("accountsops", PASSWORD)
                .getForEntity("/api/projects/" + code + "/training/accounts.xlsx", byte[].class)
                .getBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("Accounts").getLastRowNum()).isEqualTo(32);
            assertThat(workbook.getSheet("Not eligible").getLastRowNum()).isEqualTo(8);
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(
                            workbook.getSheet("Not eligible").getRow(0).getCell(9)))
                    .isEqualTo("reason");
        }
    }

    @Test
    void aChineseReaderGetsTheAccountListWithChineseHeadings() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9");
        byte[] csv = rest.withBasicAuth("accountsops", PASSWORD)
                .exchange(
                        "/api/projects/" + code + "/training/accounts.csv",
                        HttpMethod.GET,
                        new HttpEntity<>(headers),
                        byte[].class)
                .getBody();
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFF工号,姓名,部门,角色,用户 ID,课程,成绩,及格分");
        assertThat(lines).hasSize(33);

        byte[] xlsx = rest.withBasicAuth("accountsops", PASSWORD)
                .exchange(
                        "/api/projects/" + code + "/training/accounts.xlsx",
                        HttpMethod.GET,
                        new HttpEntity<>(headers),
                        byte[].class)
                .getBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("账号").getLastRowNum()).isEqualTo(32);
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(
                            workbook.getSheet("不符合开通条件").getRow(0).getCell(9)))
                    .isEqualTo("原因");
            assertThat(format.formatCellValue(
                            workbook.getSheet("不符合开通条件").getRow(1).getCell(8)))
                    .isEqualTo("不符合开通条件");
        }
    }

    @Test
    void theCurriculaComeWithTheirSessionsAndMaterials() {
        ResponseEntity<List> response = rest.withBasicAuth("accountsops", PASSWORD)
                .getForEntity("/api/projects/" + code + "/training/curricula", List.class);

        List<Map<String, Object>> list = response.getBody();
        assertThat(list).hasSize(6);
        assertThat(list.get(1))
                .containsEntry("name", "仓储业务实操")
                .containsEntry("department", "仓储部")
                .containsEntry("passMark", 60);
        assertThat((List<Map<String, Object>>) list.get(1).get("sessions"))
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .containsEntry("kind", "practice")
                        .containsEntry("trainer", "wuting")
                        .containsEntry("date", "2026-04-20")
                        .containsEntry("videoLink", "https://videos.example.com/wh"));
    }

    @Test
    void theAccountListIsForItOperationsPmoTrainersAndAuditors() {
        assertThat(rest.withBasicAuth("accountsdev", PASSWORD)
                        .getForEntity("/api/projects/" + code + "/training/accounts", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/projects/" + code + "/training/accounts", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("accountsops", PASSWORD)
                        .getForEntity("/api/projects/NO-SUCH/training/accounts", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
