package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.HostileWorkbooks;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import io.rollout.tasksheet.Workbooks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.util.LinkedMultiValueMap;

/** The import journey over HTTP with basic authentication, as a consultant and as a user who may not import. */
@WebTest
class RequirementApiTests {

    static final String PASSWORD = "api-Secret-2026";
    static final Path CUSTOMER_FILE = Path.of("src/test/resources/erp-case/requirements.csv");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    String code;

    @BeforeEach
    void setUp() {
        user("reqconsultant", Roles.CONSULTANT);
        user("reqkeyuser", Roles.KEY_USER);
        code = TestProjects.newCode();
        TestProjects.create(
                projects,
                code,
                List.of("procurement", "warehouse", "production", "finance", "sales"),
                List.of("finance"),
                List.of());
    }

    @Test
    void consultantImportsTheCustomersFileAndListsTheRequirements() throws IOException {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(customerFile()) {
            @Override
            public String getFilename() {
                return "requirements.csv";
            }
        });
        HttpHeaders headers = headers("en");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> imported =
                as("reqconsultant").postForEntity(importUrl(), new HttpEntity<>(parts, headers), Map.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).isEqualTo(Map.of("imported", 20, "skipped", 0));

        ResponseEntity<List> listed = as("reqconsultant")
                .exchange(
                        "/api/projects/" + code + "/requirements",
                        HttpMethod.GET,
                        new HttpEntity<>(headers("en")),
                        List.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).hasSize(20);
        assertThat((Map<String, Object>) listed.getBody().get(0))
                .containsEntry("reqId", "REQ-FIN-001")
                .containsEntry("department", "finance")
                .containsEntry("updatedBy", "reqconsultant");
    }

    @Test
    void aBadCsvBodyIsAnsweredWith400AndItsErrors() {
        HttpHeaders headers = headers("zh-CN");
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        String csv = "reqId,department,title,priority\nREQ-FIN-001,finance,,must\n";
        ResponseEntity<Map> response = as("reqconsultant")
                .postForEntity(importUrl(), new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).isEqualTo(Map.of("errors", List.of("第 2 行：字段“title”为必填项。")));
        assertThat(as("reqconsultant").getForObject("/api/projects/" + code + "/requirements", List.class))
                .isEmpty();
    }

    @Test
    void usersOutsideConsultantPmoAndAdminMayNotImport() {
        HttpHeaders headers = headers("en");
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        String csv = "reqId,department,title,priority\nREQ-FIN-001,finance,Expense claims,must\n";
        ResponseEntity<Map> response = as("reqkeyuser")
                .postForEntity(importUrl(), new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody())
                .isEqualTo(
                        Map.of(
                                "errors",
                                List.of(
                                        "User reqkeyuser may not import requirements: only consultants, the PMO and administrators may.")));
    }

    @Test
    void unknownProjectsAndMissingCredentialsAreRefused() {
        ResponseEntity<Map> unknown = as("reqconsultant")
                .exchange(
                        "/api/projects/NO-SUCH/requirements",
                        HttpMethod.GET,
                        new HttpEntity<>(headers("en")),
                        Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).isEqualTo(Map.of("errors", List.of("No project with code NO-SUCH.")));
        assertThat(rest.getForEntity("/api/projects/" + code + "/requirements", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSharedStringsBombIsRefusedNamingTheProblemAndStoresNothing() throws IOException {
        byte[] bomb = HostileWorkbooks.sharedStringsBomb(Workbooks.fromCsv(CUSTOMER_FILE), 60);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        ResponseEntity<Map> response = postBody("reqconsultant", bomb, "application/octet-stream");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) response.getBody().get("errors"))
                .singleElement()
                .asString()
                .isEqualTo(
                        "The part xl/sharedStrings.xml of the workbook unpacks to more than 100 times its packed size, "
                                + "as a zip bomb does: save the file again from Excel, or as CSV.");
        assertThat(as("reqconsultant").getForObject("/api/projects/" + code + "/requirements", List.class))
                .isEmpty();
    }

    @Test
    void aWorkbookWithADoctypeIsRefusedWith400AndStoresNothing() throws IOException {
        byte[] doctype = HostileWorkbooks.withDoctype(Workbooks.fromCsv(CUSTOMER_FILE));

        ResponseEntity<Map> response = postBody("reqconsultant", doctype, "application/octet-stream");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody())
                .isEqualTo(
                        Map.of(
                                "errors",
                                List.of(
                                        "The part xl/worksheets/sheet1.xml of the "
                                                + "workbook declares a DOCTYPE, which Excel never writes: save the file again from Excel, or as CSV.")));
        assertThat(as("reqconsultant").getForObject("/api/projects/" + code + "/requirements", List.class))
                .isEmpty();
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedWith413NamingTheLimit() {
        byte[] large = ("reqId,department,title,priority\n"
                        + "REQ-FIN-001,finance,Expense claims,must\n".repeat(300_000))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).isGreaterThan(10 * 1024 * 1024);

        ResponseEntity<Map> body = postBody("reqconsultant", large, "text/csv");
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(large) {
            @Override
            public String getFilename() {
                return "requirements.csv";
            }
        });
        HttpHeaders headers = headers("en");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> multipart =
                as("reqconsultant").postForEntity(importUrl(), new HttpEntity<>(parts, headers), Map.class);

        for (ResponseEntity<Map> response : List.of(body, multipart)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat((List<String>) response.getBody().get("errors"))
                    .singleElement()
                    .asString()
                    .startsWith("The upload is larger than 10 MB, the most Rollout accepts here");
        }
        assertThat(as("reqconsultant").getForObject("/api/projects/" + code + "/requirements", List.class))
                .isEmpty();
    }

    @Test
    void twentyThousandBadRowsAnswerTheFirstHundredErrorsAndHowManyMore() {
        StringBuilder csv = new StringBuilder("reqId,department,title,priority\n");
        for (int i = 1; i <= 20_000; i++) {
            csv.append("REQ-FIN-").append(i).append(",finance,Expense claims,urgent\n");
        }

        ResponseEntity<Map> response =
                postBody("reqconsultant", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> errors = (List<String>) response.getBody().get("errors");
        assertThat(errors).hasSize(101);
        assertThat(errors.get(0)).startsWith("Row 2: ");
        assertThat(errors.get(99)).startsWith("Row 101: ");
        assertThat(errors.get(100)).isEqualTo("… and 19,900 more errors.");
        assertThat(as("reqconsultant").getForObject("/api/projects/" + code + "/requirements", List.class))
                .isEmpty();
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRefusedNamingTheRow() {
        String csv = "reqId,department,title,priority\nREQ-FIN-001,finance,Expense claims,must\n"
                + "REQ-FIN-002,finance,Budget, monthly,should\n";

        ResponseEntity<Map> response = postBody("reqconsultant", csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody())
                .isEqualTo(Map.of(
                        "errors",
                        List.of(
                                "Row 3 has a value in column 5, right of the last of the 4 header columns: a separator inside a value "
                                        + "needs quotes.")));
        assertThat(as("reqconsultant").getForObject("/api/projects/" + code + "/requirements", List.class))
                .isEmpty();
    }

    @Test
    void aUserInNoGroupMayNotReadTheRequirements() {
        TestUsers.ensure(identity, "reqnobody", PASSWORD);
        ResponseEntity<Map> response = as("reqnobody")
                .exchange(
                        "/api/projects/" + code + "/requirements",
                        HttpMethod.GET,
                        new HttpEntity<>(headers("en")),
                        Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody())
                .isEqualTo(Map.of(
                        "errors",
                        List.of("user reqnobody is not in any of the groups " + String.join(", ", Roles.ALL))));
        assertThat(as("reqkeyuser")
                        .getForEntity("/api/projects/" + code + "/requirements", List.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    ResponseEntity<Map> postBody(String user, byte[] body, String mediaType) {
        HttpHeaders headers = headers("en");
        headers.setContentType(MediaType.parseMediaType(mediaType));
        return as(user).postForEntity(importUrl(), new HttpEntity<>(body, headers), Map.class);
    }

    String importUrl() {
        return "/api/projects/" + code + "/requirements/import";
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    static HttpHeaders headers(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return headers;
    }

    static byte[] customerFile() throws IOException {
        try (InputStream in = RequirementApiTests.class.getResourceAsStream("/erp-case/requirements.csv")) {
            return in.readAllBytes();
        }
    }

    void user(String id, String group) {
        TestUsers.ensure(identity, id, PASSWORD, group);
    }
}
