package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two users meet on one task through the engine REST API: the second claim is a 409 that says the task is claimed,
 * not a server error; other engine errors keep Camunda's answer (a lost concurrent change: ServerErrorConflictsTests).
 */
@WebTest
class EngineRestConflictsWebTests {

    static final String PASSWORD = "conflict-Secret-2026";
    static final String FIRST = "conflictfirst";
    static final String SECOND = "conflictsecond";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    final ObjectMapper json = new ObjectMapper();
    Task task;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, FIRST, PASSWORD, Roles.KEY_USER);
        TestUsers.ensure(identity, SECOND, PASSWORD, Roles.KEY_USER);
        task = tasks.newTask();
        task.setName("conflict: retest TC-7");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), Roles.KEY_USER);
    }

    @AfterEach
    void cleanUp() {
        tasks.deleteTask(task.getId(), true);
    }

    @Test
    void theSecondClaimOfATaskIsAConflictNamingTheTask() throws Exception {
        String claim = "/engine-rest/task/" + task.getId() + "/claim";
        HttpResponse<String> first = Http.as(port, FIRST, PASSWORD).post(claim, "{\"userId\": \"" + FIRST + "\"}");
        assertThat(first.statusCode()).as(Http.describe(first)).isEqualTo(204);

        HttpResponse<String> second = Http.as(port, SECOND, PASSWORD).post(claim, "{\"userId\": \"" + SECOND + "\"}");

        assertThat(second.statusCode()).as(Http.describe(second)).isEqualTo(409);
        JsonNode body = json.readTree(second.body());
        assertThat(body.path("type").asText()).isEqualTo("TaskAlreadyClaimedException");
        assertThat(body.path("message").asText()).contains(task.getId(), "already claimed");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(FIRST);
    }

    @Test
    void otherEngineErrorsKeepCamundasAnswer() throws Exception {
        HttpResponse<String> missing =
                Http.as(port, FIRST, PASSWORD).post("/engine-rest/task/no-such-task/complete", "{}");

        assertThat(missing.statusCode()).as(Http.describe(missing)).isIn(404, 500);
        assertThat(json.readTree(missing.body()).path("message").asText()).contains("no-such-task");
    }
}
