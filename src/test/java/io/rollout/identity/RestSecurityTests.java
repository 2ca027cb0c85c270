package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST API as each role meets it: no credentials, no access; deployment only for process
 * owners; candidates of one group do not see another group's tasks; auditors read history and
 * change nothing. Same configuration as {@link TaskQueryExpressionGuardWebTests}, so one context.
 */
@WebTest
class RestSecurityTests {

    static final String PASSWORD = "security-Secret-2026";
    static final String KEY_USER = "seckeyuser";
    static final String TRAINER = "sectrainer";
    static final String PROCESS_OWNER = "secowner";
    static final String AUDITOR = "secauditor";
    static final String WRONG_PASSWORD_USER = "secwrongpassword";
    static final String BPMN = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://rollout.io/test">
          <process id="securityTestDeployment" name="Security test" isExecutable="true"
                   camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Started" name="Started"/>
          </process>
        </definitions>
        """;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repository;

    final ObjectMapper json = new ObjectMapper();
    final List<String> createdTasks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, KEY_USER, PASSWORD, Roles.KEY_USER);
        TestUsers.ensure(identity, TRAINER, PASSWORD, Roles.TRAINER);
        TestUsers.ensure(identity, PROCESS_OWNER, PASSWORD, Roles.PROCESS_OWNER);
        TestUsers.ensure(identity, AUDITOR, PASSWORD, Roles.AUDITOR);
        TestUsers.ensure(identity, WRONG_PASSWORD_USER, PASSWORD, Roles.PMO);
    }

    @AfterEach
    void cleanUp() {
        createdTasks.forEach(id -> taskService.deleteTask(id, true));
        repository
                .createDeploymentQuery()
                .deploymentName("security-test")
                .list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void theAdministratorManagesUsersGroupsAndAuthorizations() throws Exception {
        Http admin = Http.as(port, "admin", "test-admin-Secret-2026");

        assertThat(json.readTree(admin.get("/engine-rest/user/count").body())
                        .get("count")
                        .asInt())
                .isGreaterThanOrEqualTo(5);
        assertThat(json.readTree(admin.get("/engine-rest/group?id=" + Roles.PMO).body()))
                .hasSize(1);
        assertThat(json.readTree(admin.get("/engine-rest/authorization/count").body())
                        .get("count")
                        .asInt())
                .isGreaterThan(10);
        HttpResponse<String> granted = admin.post("/engine-rest/authorization/create", """
            {"type": 1, "permissions": ["READ"], "userId": "%s", "resourceType": 6, "resourceId": "anyProcess"}
            """.formatted(TRAINER));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(admin.delete("/engine-rest/authorization/"
                                + json.readTree(granted.body()).get("id").asText())
                        .statusCode())
                .isEqualTo(204);
        assertThat(admin.get("/engine-rest/process-definition/key/implementationProject")
                        .statusCode())
                .isEqualTo(200);

        // nobody else administers
        Http trainer = Http.as(port, TRAINER, PASSWORD);
        assertThat(trainer.post("/engine-rest/authorization/create", """
            {"type": 1, "permissions": ["ALL"], "userId": "%s", "resourceType": 0, "resourceId": "*"}
            """.formatted(TRAINER))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void requestsWithoutCredentialsAreRefused() {
        Http anonymous = Http.anonymous(port);

        assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/deployment").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/projects").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/engine-rest/task", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        // a user of its own: Camunda throttles a user for a while after a failed login
        assertThat(Http.as(port, WRONG_PASSWORD_USER, "not-the-password")
                        .get("/engine-rest/task")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aKeyUserCannotDeployButAProcessOwnerCan() {
        HttpResponse<String> keyUser = Http.as(port, KEY_USER, PASSWORD)
                .postMultipart(
                        "/engine-rest/deployment/create",
                        Map.of("deployment-name", "security-test"),
                        "security-test.bpmn",
                        BPMN);
        assertThat(keyUser.statusCode()).as(Http.describe(keyUser)).isEqualTo(403);
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName("security-test")
                        .count())
                .isZero();

        HttpResponse<String> owner = Http.as(port, PROCESS_OWNER, PASSWORD)
                .postMultipart(
                        "/engine-rest/deployment/create",
                        Map.of("deployment-name", "security-test"),
                        "security-test.bpmn",
                        BPMN);
        assertThat(owner.statusCode()).as(Http.describe(owner)).isEqualTo(200);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("securityTestDeployment")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aUserDoesNotSeeAnotherGroupsTasks() throws Exception {
        Task forKeyUsers = candidateTask("security: for key users", Roles.KEY_USER);
        Task forTrainers = candidateTask("security: for trainers", Roles.TRAINER);

        assertThat(visibleTaskIds(KEY_USER)).contains(forKeyUsers.getId()).doesNotContain(forTrainers.getId());
        assertThat(visibleTaskIds(TRAINER)).contains(forTrainers.getId()).doesNotContain(forKeyUsers.getId());
    }

    @Test
    void anAuditorReadsHistoryButCannotCompleteTasksOrStartProcesses() {
        Task task = candidateTask("security: audited", Roles.KEY_USER);
        Http auditor = Http.as(port, AUDITOR, PASSWORD);

        assertThat(auditor.get("/engine-rest/history/process-instance").statusCode())
                .isEqualTo(200);
        HttpResponse<String> complete = auditor.post("/engine-rest/task/" + task.getId() + "/complete", "{}");
        assertThat(complete.statusCode()).as(Http.describe(complete)).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        HttpResponse<String> start =
                auditor.post("/engine-rest/process-definition/key/implementationProject/start", "{}");
        assertThat(start.statusCode()).as(Http.describe(start)).isEqualTo(403);
    }

    private Task candidateTask(String name, String group) {
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), group);
        createdTasks.add(task.getId());
        return task;
    }

    private List<String> visibleTaskIds(String user) throws Exception {
        HttpResponse<String> response = Http.as(port, user, PASSWORD).get("/engine-rest/task?maxResults=1000");
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
