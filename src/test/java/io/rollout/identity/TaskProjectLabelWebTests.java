package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's task cards show the project: the filter list Tasklist loads (HAL, with the filter's variables) carries
 * each task's project code for the user who may work on it, while the process instance behind it stays closed.
 */
@WebTest
class TaskProjectLabelWebTests {

    static final String CONSULTANT = "labelconsultant";
    static final String PASSWORD = "label-Secret-2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProjectRepository projects;

    final ObjectMapper json = new ObjectMapper();
    ProcessInstance requirements;

    @AfterEach
    void cleanUp() {
        if (requirements != null) {
            runtime.deleteProcessInstance(requirements.getId(), "test");
        }
    }

    @Test
    void aTaskCardShowsItsProjectToTheUserWhoMayWorkOnIt() throws Exception {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        requirements = runtime.startProcessInstanceByKey("requirementsPhase", code, Map.of("projectCode", code));
        Http consultant = Http.as(port, CONSULTANT, PASSWORD);
        String filterId = json.readTree(consultant
                        .get("/engine-rest/filter?name=" + Http.enc(IdentitySetup.FILTER_OPEN_FOR_ME))
                        .body())
                .get(0)
                .path("id")
                .asText();

        HttpResponse<String> list =
                consultant.postHal("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=200", "{}");

        assertThat(list.statusCode()).as(Http.describe(list)).isEqualTo(200);
        JsonNode card = null;
        for (JsonNode task : json.readTree(list.body()).path("_embedded").path("task")) {
            if (task.path("processInstanceId").asText().equals(requirements.getId())
                    && task.path("taskDefinitionKey").asText().equals("UserTask_InterviewDepartment")) {
                card = task;
            }
        }
        assertThat(card).as("Interview finance in the consultant's list").isNotNull();
        assertThat(card.path("_embedded").path("variable").findValuesAsText("value"))
                .containsExactly(code);
        assertThat(consultant
                        .get("/engine-rest/process-instance/" + requirements.getId() + "/variables")
                        .statusCode())
                .as("the process instance itself stays closed")
                .isEqualTo(403);
    }
}
