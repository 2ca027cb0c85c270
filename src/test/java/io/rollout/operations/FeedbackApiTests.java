package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Users' feedback becomes backlog items; the PMO accepts, rejects or promotes them to a change request. */
@WebTest
class FeedbackApiTests {

    static final String PASSWORD = "feedback-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String code;

    @BeforeEach
    void aRunningProject() {
        TestUsers.ensure(identity, "fbpmo", PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, "fbkeyuser", PASSWORD, Roles.KEY_USER);
        TestUsers.ensure(identity, "fbownerfinance", PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("finance"));
        code = "FB-" + (System.nanoTime() % 100_000);
        Map<String, Object> form = new HashMap<>();
        form.put("projectCode", code);
        form.put("projectName", "Finance ERP");
        form.put("customer", "Customer");
        form.put("departments", JsonRows.ofStrings(List.of("finance")));
        form.put("modules", JsonRows.ofStrings(List.of("finance")));
        form.put("datasets", JsonRows.ofStrings(List.of()));
        runtime.startProcessInstanceByKey("implementationProject", form);
        jdbc.sql("insert into requirement (project_code, req_id, department, title, priority, updated_at) "
                        + "values (?, 'REQ-FIN-001', 'finance', 'Purchase order list', 'must', current_timestamp)")
                .param(code)
                .update();
    }

    @Test
    void feedbackIsTriagedAndAPromotedItemBecomesAChangeRequest() {
        long first = report("improvement", "Show the approver's comment in the purchase order list");
        long second = report("bug", "Report export cuts Chinese names");
        long third = report("training", "Nobody knows the new closing steps");

        ResponseEntity<Map> promoted = triage(
                first,
                Map.of(
                        "decision",
                        "promote",
                        "priority",
                        "high",
                        "reason",
                        "Buyers ask for it daily",
                        "affectedRequirements",
                        List.of("REQ-FIN-001")));
        assertThat(promoted.getStatusCode())
                .as(String.valueOf(promoted.getBody()))
                .isEqualTo(HttpStatus.OK);
        assertThat(promoted.getBody()).containsEntry("status", "promoted").containsKey("changeRequestId");
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .taskDefinitionKey("UserTask_AnalyseChangeImpact")
                        .count())
                .isEqualTo(1);
        assertThat(triage(second, Map.of("decision", "accept", "priority", "medium"))
                        .getBody())
                .containsEntry("status", "accepted");
        assertThat(triage(third, Map.of("decision", "reject")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(triage(third, Map.of("decision", "reject", "reason", "Covered by the make-up session"))
                        .getBody())
                .containsEntry("status", "rejected");
        assertThat(triage(first, Map.of("decision", "accept", "priority", "low"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        List<Map<String, Object>> backlog = rest.withBasicAuth("fbkeyuser", PASSWORD)
                .getForEntity("/api/projects/" + code + "/backlog", List.class)
                .getBody();
        assertThat(backlog)
                .extracting(i -> i.get("status") + " " + i.get("priority"))
                .containsExactly("promoted high", "accepted medium", "rejected null");
    }

    @Test
    void badFeedbackIsRefusedNamingTheProblemsAndOnlyThePmoTriages() {
        ResponseEntity<Map> bad = rest.withBasicAuth("fbkeyuser", PASSWORD)
                .postForEntity(
                        "/api/projects/" + code + "/feedback",
                        Map.of("kind", "wish", "module", "payroll", "text", " "),
                        Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) bad.getBody().get("errors")).hasSize(3);
        long id = report("bug", "Typo");
        assertThat(rest.withBasicAuth("fbkeyuser", PASSWORD)
                        .postForEntity(
                                "/api/projects/" + code + "/feedback/" + id + "/triage",
                                Map.of("decision", "accept", "priority", "low"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    long report(String kind, String text) {
        ResponseEntity<Map> created = rest.withBasicAuth("fbkeyuser", PASSWORD)
                .postForEntity(
                        "/api/projects/" + code + "/feedback",
                        Map.of("kind", kind, "module", "finance", "text", text),
                        Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    ResponseEntity<Map> triage(long id, Map<String, Object> body) {
        return rest.withBasicAuth("fbpmo", PASSWORD)
                .postForEntity("/api/projects/" + code + "/feedback/" + id + "/triage", body, Map.class);
    }

    @Test
    void feedbackGivenInTasklistIsTriagedByThePmoInTasklist() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> started = rest.withBasicAuth("fbkeyuser", PASSWORD)
                .postForEntity(
                        "/engine-rest/process-definition/key/giveFeedback/submit-form",
                        new HttpEntity<>("""
                {"variables": {"projectCode": {"value": "%s"}, "kind": {"value": "improvement"},
                               "module": {"value": "finance"}, "text": {"value": "Show the budget left on the order"}}}""".formatted(code), json),
                        Map.class);
        assertThat(started.getStatusCode())
                .as(String.valueOf(started.getBody()))
                .isEqualTo(HttpStatus.OK);

        org.camunda.bpm.engine.task.Task triage = tasks.createTaskQuery()
                .processDefinitionKey("giveFeedback")
                .processInstanceId((String) started.getBody().get("id"))
                .singleResult();
        assertThat(triage.getName()).startsWith("Triage feedback #");
        ResponseEntity<String> refused = rest.withBasicAuth("fbpmo", PASSWORD)
                .postForEntity(
                        "/engine-rest/task/" + triage.getId() + "/submit-form",
                        new HttpEntity<>("""
                {"variables": {"triageDecision": {"value": "reject"}}}""", json),
                        String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("A rejection or a change request needs the reason.");
        ResponseEntity<String> accepted = rest.withBasicAuth("fbpmo", PASSWORD)
                .postForEntity(
                        "/engine-rest/task/" + triage.getId() + "/submit-form",
                        new HttpEntity<>("""
                {"variables": {"triageDecision": {"value": "accept"}, "priority": {"value": "medium"}}}""", json),
                        String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        List<Map<String, Object>> backlog = rest.withBasicAuth("fbkeyuser", PASSWORD)
                .getForEntity("/api/projects/" + code + "/backlog", List.class)
                .getBody();
        assertThat(backlog)
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("status", "accepted")
                        .containsEntry("reporter", "fbkeyuser")
                        .containsEntry("decidedBy", "fbpmo"));
    }
}
