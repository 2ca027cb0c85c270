package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A form submission Rollout refuses answers 400 with the reason, both through the engine REST API and
 * through the web apps' API that Tasklist calls, and stores nothing.
 */
@WebTest
class RejectedInputWebTests {

    // the fields of captureRequirements only: a variable the form does not have is refused before its rows are read
    static final String BAD_ROWS = "{\"variables\":{"
            + "\"requirements\":{\"type\":\"Json\",\"value\":\"[{\\\"title\\\":\\\"\\\",\\\"priority\\\":\\\"urgent\\\"}]\"}}}";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    String code;
    Task research;

    @BeforeEach
    void projectWaitingForResearch() {
        TestUsers.ensure(identity, "rejconsultant", "rejconsultant", Roles.CONSULTANT);
        TestUsers.ensure(identity, "rejowner", "rejowner", Roles.BUSINESS_OWNER, Roles.departmentGroup("finance"));
        code = TestProjects.newCode();
        Map<String, Object> form = new HashMap<>();
        form.put("projectCode", code);
        form.put("projectName", "Refusals");
        form.put("customer", "Test");
        form.put("departments", JsonRows.ofStrings(List.of("finance")));
        form.put("modules", JsonRows.ofStrings(List.of("finance")));
        runtime.startProcessInstanceByKey("implementationProject", form);
        // interview, questionnaire and process mapping come first; the requirement rows are captured after them
        for (Task session :
                tasks.createTaskQuery().processInstanceBusinessKey(code).list()) {
            tasks.complete(session.getId(), Map.of("heldOn", "2026-03-02", "participants", "Finance team"));
        }
        research = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        tasks.claim(research.getId(), "rejconsultant");
    }

    @Test
    void engineRestAnswers400WithTheReasons() {
        HttpResponse<String> response = Http.as(port, "rejconsultant", "rejconsultant")
                .post("/engine-rest/task/" + research.getId() + "/submit-form", BAD_ROWS);

        assertRefused(response);
    }

    @Test
    void tasklistApiAnswers400WithTheReasons() {
        HttpResponse<String> response = Http.webappSession(port, "rejconsultant", "rejconsultant")
                .post("/camunda/api/engine/engine/default/task/" + research.getId() + "/submit-form", BAD_ROWS);

        assertRefused(response);
    }

    @Test
    void aSubmissionWithThousandsOfBadRowsAnswersTheFirstHundredErrorsAndHowManyMore() throws Exception {
        String row = "{\\\"title\\\":\\\"\\\",\\\"priority\\\":\\\"urgent\\\"}";
        String rows = String.join(",", java.util.Collections.nCopies(2_000, row));
        String body = "{\"variables\":{" + "\"requirements\":{\"type\":\"Json\",\"value\":\"[" + rows + "]\"}}}";

        HttpResponse<String> response = Http.webappSession(port, "rejconsultant", "rejconsultant")
                .post("/camunda/api/engine/engine/default/task/" + research.getId() + "/submit-form", body);

        assertThat(response.statusCode()).isEqualTo(400);
        String message = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .path("message")
                .asText();
        List<String> lines = message.lines().toList();
        assertThat(lines).hasSize(101);
        assertThat(lines.get(100)).matches("… and [0-9,]+ more errors\\.");
        assertThat(tasks.createTaskQuery().taskId(research.getId()).count()).isEqualTo(1);
    }

    @Test
    void aTechnicalFailureStaysAServerError() {
        // completing a task that does not exist is not a refusal of input
        HttpResponse<String> response = Http.as(port, "rejconsultant", "rejconsultant")
                .post("/engine-rest/task/no-such-task/submit-form", "{\"variables\":{}}");

        assertThat(response.statusCode()).isNotEqualTo(400);
        assertThat(response.body()).doesNotContain("BadUserRequestException");
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"type\":\"BadUserRequestException\"")
                .contains("Row 1: the field \\\"title\\\" is required.")
                .contains("must be one of must/should/could, not \\\"urgent\\\"")
                .doesNotContain("ENGINE-03051");
        assertThat(tasks.createTaskQuery().taskId(research.getId()).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from requirement where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
