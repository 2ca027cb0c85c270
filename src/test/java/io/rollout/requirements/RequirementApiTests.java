package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
        TestProjects.create(projects, code, List.of("procurement", "warehouse", "production", "finance", "sales"),
            List.of("finance"), List.of());
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
        ResponseEntity<Map> imported = as("reqconsultant")
            .postForEntity(importUrl(), new HttpEntity<>(parts, headers), Map.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).isEqualTo(Map.of("imported", 20, "skipped", 0));

        ResponseEntity<List> listed = as("reqconsultant").exchange("/api/projects/" + code + "/requirements",
            HttpMethod.GET, new HttpEntity<>(headers("en")), List.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).hasSize(20);
        assertThat((Map<String, Object>) listed.getBody().get(0)).containsEntry("reqId", "REQ-FIN-001")
            .containsEntry("department", "finance").containsEntry("updatedBy", "reqconsultant");
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
        assertThat(as("reqconsultant").getForObject("/api/projects/" + code + "/requirements", List.class)).isEmpty();
    }

    @Test
    void usersOutsideConsultantPmoAndAdminMayNotImport() {
        HttpHeaders headers = headers("en");
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        String csv = "reqId,department,title,priority\nREQ-FIN-001,finance,Expense claims,must\n";
        ResponseEntity<Map> response = as("reqkeyuser")
            .postForEntity(importUrl(), new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).isEqualTo(Map.of("errors", List.of(
            "User reqkeyuser may not import requirements: only consultants, the PMO and administrators may.")));
    }

    @Test
    void unknownProjectsAndMissingCredentialsAreRefused() {
        ResponseEntity<Map> unknown = as("reqconsultant").exchange("/api/projects/NO-SUCH/requirements", HttpMethod.GET,
            new HttpEntity<>(headers("en")), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).isEqualTo(Map.of("errors", List.of("No project with code NO-SUCH.")));
        assertThat(rest.getForEntity("/api/projects/" + code + "/requirements", String.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
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
