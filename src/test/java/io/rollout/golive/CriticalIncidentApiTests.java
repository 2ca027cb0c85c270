package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A critical incident reported over REST during a wave reaches the wave's on-call team; outside a wave: 409. */
@WebTest
class CriticalIncidentApiTests {

    static final String PASSWORD = "incident-Secret-2026";

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
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void aProject() {
        TestUsers.ensure(identity, "ciops", PASSWORD, Roles.IT_OPERATIONS);
        TestUsers.ensure(identity, "cidev", PASSWORD, Roles.DEVELOPER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of(), List.of());
    }

    @Test
    void duringAWaveTheIncidentGoesToTheOnCallTeam() {
        runtime.startProcessInstanceByKey("goLive", code, Map.of("projectCode", code));
        complete(Map.of(
                "cutoverStrategy",
                "waves",
                "strategyReason",
                "One department",
                "waves",
                JsonRows.of(List.of(Map.of("departments", "finance", "stabilisationDays", "2", "onCall", "ciops"))),
                "runbook",
                JsonRows.of(List.of(Map.of(
                        "stepNo",
                        "1",
                        "title",
                        "Switch",
                        "owner",
                        "ciops",
                        "plannedMinutes",
                        "10",
                        "dependsOn",
                        "")))));
        complete(Map.of("goLiveDecision", "go", "cutoverStrategy", "waves", "riskAcceptance", "Accepted for the test"));
        runAllDone();
        runAllDone();

        ResponseEntity<Map> response = rest.withBasicAuth("ciops", PASSWORD)
                .postForEntity(
                        "/api/projects/" + code + "/cutover/critical-incident",
                        Map.of("title", "Invoices post twice"),
                        Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Task handle = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .taskDefinitionKey("UserTask_HandleCriticalIncident")
                .singleResult();
        assertThat(handle.getName())
                .isEqualTo("Handle critical incident #" + response.getBody().get("incidentId")
                        + " in wave 1 (Finance): Invoices post twice");
        assertThat(jdbc.sql("select severity from incident where project_code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("critical");
    }

    @Test
    void outsideAWaveItIsAConflictAndOnlyReportingRolesMayReport() {
        ResponseEntity<Map> conflict = rest.withBasicAuth("ciops", PASSWORD)
                .postForEntity(
                        "/api/projects/" + code + "/cutover/critical-incident",
                        Map.of("title", "Printer down"),
                        Map.class);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody())
                .isEqualTo(Map.of(
                        "errors",
                        List.of("No wave of project " + code
                                + " is being cut over: report the incident in operations.")));
        assertThat(jdbc.sql("select count(*) from incident where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(rest.withBasicAuth("cidev", PASSWORD)
                        .postForEntity(
                                "/api/projects/" + code + "/cutover/critical-incident",
                                Map.of("title", "x"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void complete(Map<String, Object> variables) {
        tasks.complete(
                tasks.createTaskQuery()
                        .processInstanceBusinessKey(code)
                        .singleResult()
                        .getId(),
                variables);
    }

    private void runAllDone() {
        Task run = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        List<Map<String, Object>> rows = JsonRows.read(tasks.getVariableLocal(run.getId(), "runbook")).stream()
                .map(FormRow::values)
                .map(v -> {
                    Map<String, Object> row = new LinkedHashMap<>(v);
                    row.put("status", "done");
                    row.put("actualMinutes", "5");
                    return row;
                })
                .toList();
        tasks.complete(run.getId(), Map.of("runbook", JsonRows.of(rows), "cutoverReport", "ok"));
    }
}
