package io.rollout.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.change.RunningProject;
import io.rollout.identity.Roles;
import io.rollout.project.Project;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.WebTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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

/** The risk and issue log, the status reports and the cancellation over HTTP, and who may use them. */
@WebTest
class GovernanceApiTests {

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
    ManagementService management;

    @Autowired
    ProjectRepository projects;

    @Autowired
    StatusReportRepository reports;

    String code;

    @BeforeEach
    void runningProject() {
        RunningProject.user(identity, "govapidev", Roles.DEVELOPER);
        RunningProject.user(identity, "govapipmo", Roles.PMO);
        RunningProject.user(identity, "govapisteering", Roles.STEERING_COMMITTEE);
        RunningProject.user(identity, "govapiauditor", Roles.AUDITOR);
        code = TestProjects.newCode();
        RunningProject.start(forms, repository, identity, code);
    }

    @Test
    void aDeveloperRaisesAnIssueAndItsOwnerGetsTheTask() {
        ResponseEntity<Map> raised = as("govapidev")
                .postForEntity(
                        url("/risks-and-issues"),
                        json(Map.of(
                                "kind",
                                "issue",
                                "title",
                                "Test server down",
                                "severity",
                                "high",
                                "owner",
                                "govapidev",
                                "dueDate",
                                "2099-01-31")),
                        Map.class);

        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .taskDefinitionKey("UserTask_ResolveLogEntry")
                        .taskCandidateUser("govapidev")
                        .singleResult()
                        .getName())
                .isEqualTo("Resolve issue: Test server down");
        ResponseEntity<List> listed = as("govapiauditor")
                .exchange(url("/risks-and-issues"), HttpMethod.GET, new HttpEntity<>(headers()), List.class);
        assertThat(listed.getBody())
                .singleElement()
                .satisfies(e -> assertThat((Map<String, Object>) e)
                        .containsEntry("kind", "issue")
                        .containsEntry("status", "open")
                        .containsEntry("dueDate", "2099-01-31"));
    }

    @Test
    void aBadRiskIsAnsweredWith400AndAuditorsMayNotRaise() {
        ResponseEntity<Map> bad = as("govapidev")
                .postForEntity(
                        url("/risks-and-issues"),
                        json(Map.of("kind", "risk", "title", "x", "probability", 6, "impact", 2)),
                        Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody())
                .isEqualTo(Map.of(
                        "errors", List.of("The field \"Probability\" must be a whole number from 1 to 5, not \"6\".")));

        ResponseEntity<Map> forbidden = as("govapiauditor")
                .postForEntity(
                        url("/risks-and-issues"),
                        json(Map.of("kind", "issue", "title", "x", "severity", "low")),
                        Map.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRestClientOpeningAWeeklyReportReadsTheFactsOfThatMoment() {
        String pid = projects.find(code).orElseThrow().processInstanceId();
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(pid)
                .activityId("StartEvent_WeeklyReportDue")
                .singleResult()
                .getId());
        String report = tasks.createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey("UserTask_WriteStatusReport")
                .singleResult()
                .getId();
        as("govapidev")
                .postForEntity(
                        url("/risks-and-issues"),
                        json(Map.of("kind", "issue", "title", "Test server down", "severity", "high")),
                        Map.class);

        ResponseEntity<Map> opened = as("govapipmo")
                .exchange(
                        "/engine-rest/task/" + report + "/form-variables?deserializeValues=false",
                        HttpMethod.GET,
                        new HttpEntity<>(headers()),
                        Map.class);

        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(String.valueOf(((Map<String, Object>) opened.getBody().get("issueRows")).get("value")))
                .contains("Test server down");
        assertThat(as("govapidev")
                        .exchange(
                                "/engine-rest/task/" + report + "/form-variables",
                                HttpMethod.GET,
                                new HttpEntity<>(headers()),
                                Map.class)
                        .getStatusCode())
                .as("the facts change, the rights do not")
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void statusReportsAreReadableLater() {
        reports.save(code, StatusReport.WEEKLY, "green", "All on track", "facts", "govapipmo");

        ResponseEntity<List> listed = as("govapiauditor")
                .exchange(url("/status-reports"), HttpMethod.GET, new HttpEntity<>(headers()), List.class);

        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody())
                .singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r)
                        .containsEntry("kind", "weekly")
                        .containsEntry("rag", "green")
                        .containsEntry("summary", "All on track"));
        assertThat(as("govapiauditor")
                        .exchange(
                                "/api/projects/NO-SUCH/status-reports",
                                HttpMethod.GET,
                                new HttpEntity<>(headers()),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheSteeringCommitteeCancelsAProjectAndOnlyWithAReason() {
        ResponseEntity<Map> byPmo =
                as("govapipmo").postForEntity(url("/cancellation"), json(Map.of("reason", "x")), Map.class);
        assertThat(byPmo.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> noReason =
                as("govapisteering").postForEntity(url("/cancellation"), json(Map.of()), Map.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).isEqualTo(Map.of("errors", List.of("Say why the project is cancelled.")));
        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.ACTIVE);

        ResponseEntity<Map> cancelled = as("govapisteering")
                .postForEntity(url("/cancellation"), json(Map.of("reason", "Budget withdrawn")), Map.class);
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(projects.find(code).orElseThrow().status()).isEqualTo(Project.CANCELLED);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).count())
                .isZero();
    }

    String url(String path) {
        return "/api/projects/" + code + path;
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
        return new HttpEntity<>(body, headers());
    }

    static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }
}
