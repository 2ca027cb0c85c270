package io.rollout.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.requirements.RequirementImport;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer's test cases and attendance sheet uploaded through Rollout's API, as the roles who own them. */
@WebTest
class CsvUploadWebTests {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RequirementImport requirements;

    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void projectWithTheCustomersRequirements() throws IOException {
        user("upkeyuser", Roles.KEY_USER);
        user("uptrainer", Roles.TRAINER);
        code = TestProjects.newCode();
        TestProjects.create(
                projects,
                code,
                List.of("procurement", "warehouse", "production", "finance", "sales"),
                List.of("procurement"),
                List.of());
        try (InputStream in = file("requirements.csv")) {
            assertThat(requirements.importCsv(code, in, "test").ok()).isTrue();
        }
    }

    @Test
    void keyUserUploadsTheCustomersTestCases() throws Exception {
        HttpResponse<String> response = post("upkeyuser", "/test-cases/import", bytes("uat-test-cases.csv"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"imported\":20}");
        assertThat(count("test_case")).isEqualTo(20);
    }

    @Test
    void aBadTestCaseFileIsRefusedWithEveryReasonAndStoresNothing() throws Exception {
        byte[] bad = "用例编号,用例名称,覆盖需求,步骤,预期结果,优先级\nTC-901,,REQ-NOPE-001,s,e,urgent\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post("upkeyuser", "/test-cases/import", bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"errors\"")
                .contains("REQ-NOPE-001")
                .contains("urgent");
        assertThat(count("test_case")).isZero();
    }

    @Test
    void trainerUploadsTheAttendanceSheetButNotTestCases() throws Exception {
        HttpResponse<String> attendance =
                post("uptrainer", "/training/attendance/import", bytes("training-attendance.csv"));
        assertThat(attendance.statusCode()).isEqualTo(200);
        assertThat(count("trainee")).isEqualTo(40);

        HttpResponse<String> testCases = post("uptrainer", "/test-cases/import", bytes("uat-test-cases.csv"));
        assertThat(testCases.statusCode()).isEqualTo(403);
        assertThat(testCases.body()).contains("uptrainer is not in any of the groups");
        assertThat(count("test_case")).isZero();
    }

    @Test
    void twentyThousandBadTestCasesAnswerTheFirstHundredErrorsAndHowManyMore() throws Exception {
        StringBuilder csv = new StringBuilder("caseId,title,priority\n");
        for (int i = 1; i <= 20_000; i++) {
            csv.append("TC-").append(i).append(",Post an invoice,urgent\n");
        }

        HttpResponse<String> response =
                post("upkeyuser", "/test-cases/import", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> errors = new com.fasterxml.jackson.databind.ObjectMapper()
                .readerForListOf(String.class)
                .readValue(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(response.body())
                        .path("errors"));
        assertThat(errors).hasSize(101);
        assertThat(errors.get(100)).isEqualTo("… and 19,900 more errors.");
        assertThat(count("test_case")).isZero();
    }

    @Test
    void anAttendanceSheetOverTheUploadLimitIsRefusedWith413() throws Exception {
        byte[] large = ("employeeId,name\n" + "E0001,Li Wei\n".repeat(900_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).isGreaterThan(10 * 1024 * 1024);

        HttpResponse<String> response = post("uptrainer", "/training/attendance/import", large);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("The upload is larger than 10 MB, the most Rollout accepts here");
        assertThat(count("trainee")).isZero();
    }

    @Test
    void anUnknownProjectIsNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        request(
                                "upkeyuser",
                                "/api/projects/NO-SUCH-PROJECT/test-cases/import",
                                bytes("uat-test-cases.csv")),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("No project with code NO-SUCH-PROJECT");
    }

    private HttpResponse<String> post(String user, String path, byte[] csv) throws Exception {
        return HttpClient.newHttpClient()
                .send(request(user, "/api/projects/" + code + path, csv), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String user, String path, byte[] csv) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where project_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    private void user(String id, String group) {
        TestUsers.ensure(identity, id, id, group);
    }

    private static InputStream file(String name) {
        return CsvUploadWebTests.class.getResourceAsStream("/demo/erp-case/" + name);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = file(name)) {
            return in.readAllBytes();
        }
    }
}
