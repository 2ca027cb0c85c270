package io.rollout.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.shared.TestProjects;
import io.rollout.shared.WebTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
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

/** Raising and listing change requests over HTTP with basic authentication, and who may. */
@WebTest
class ChangeRequestApiTests {

    static final String PASSWORD = "gov-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    FormService forms;

    @Autowired
    RepositoryService repository;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void runningProject() {
        RunningProject.user(identity, "crbusinessowner", Roles.BUSINESS_OWNER);
        RunningProject.user(identity, "crdeveloper", Roles.DEVELOPER);
        RunningProject.user(identity, "crauditor", Roles.AUDITOR);
        code = TestProjects.newCode();
        RunningProject.start(forms, repository, identity, code);
        RunningProject.requirement(jdbc, code, "REQ-PUR-001");
        RunningProject.milestone(jdbc, code, "Go-live", LocalDate.of(2026, 6, 1), "go-live");
    }

    @Test
    void aBusinessOwnerRaisesAChangeRequestAndEveryRoleCanListIt() {
        ResponseEntity<Map> raised = as("crbusinessowner")
                .postForEntity(
                        url(),
                        json(
                                Map.of(
                                        "description",
                                        "Supplier rating on the purchase order",
                                        "reason",
                                        "Buyers choose suppliers by it",
                                        "affectedRequirements",
                                        List.of("REQ-PUR-001"),
                                        "affectedMilestones",
                                        List.of("Go-live")),
                                "en"),
                        Map.class);

        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Number id = (Number) raised.getBody().get("id");
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .taskDefinitionKey("UserTask_AnalyseChangeImpact")
                        .singleResult()
                        .getName())
                .isEqualTo("Analyse impact of change request CR-" + id + ": Supplier rating on the purchase order");

        ResponseEntity<List> listed =
                as("crauditor").exchange(url(), HttpMethod.GET, new HttpEntity<>(headers("en")), List.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).singleElement().satisfies(view -> {
            Map<String, Object> cr = (Map<String, Object>) ((Map<String, Object>) view).get("changeRequest");
            assertThat(cr)
                    .containsEntry("status", "raised")
                    .containsEntry("raisedBy", "crbusinessowner")
                    .containsEntry("requirements", List.of("REQ-PUR-001"));
            assertThat((List<Map<String, Object>>) ((Map<String, Object>) view).get("decisions"))
                    .extracting(d -> d.get("decision"), d -> d.get("outcome"))
                    .containsExactly(org.assertj.core.api.Assertions.tuple("changeRequest", "raised"));
        });
    }

    @Test
    void badInputIsAnsweredWith400AndEveryReasonInTheUsersLanguage() {
        ResponseEntity<Map> response = as("crbusinessowner")
                .postForEntity(
                        url(),
                        json(Map.of("reason", "because", "affectedRequirements", List.of("REQ-NOPE-1")), "zh-CN"),
                        Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).isEqualTo(Map.of("errors", List.of("字段“变更内容”为必填项。", "本项目中不存在需求 REQ-NOPE-1。")));
        assertThat(jdbc.sql("select count(*) from change_request where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void developersMayNotRaiseChangeRequestsAndUnknownProjectsAreNotFound() {
        ResponseEntity<Map> forbidden = as("crdeveloper")
                .postForEntity(
                        url(),
                        json(
                                Map.of(
                                        "description",
                                        "x",
                                        "reason",
                                        "y",
                                        "affectedRequirements",
                                        List.of("REQ-PUR-001")),
                                "en"),
                        Map.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from change_request where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();

        ResponseEntity<Map> unknown = as("crbusinessowner")
                .postForEntity(
                        "/api/projects/NO-SUCH/change-requests", json(Map.of("description", "x"), "en"), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).isEqualTo(Map.of("errors", List.of("No project with code NO-SUCH.")));
    }

    String url() {
        return "/api/projects/" + code + "/change-requests";
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    static HttpEntity<Map<String, Object>> json(Map<String, Object> body, String language) {
        return new HttpEntity<>(body, headers(language));
    }

    static HttpHeaders headers(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }
}
