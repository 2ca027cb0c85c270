package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nobody deletes a project's deployment or its history behind the auditors' backs: a process owner or an
 * administrator deleting a deployment that an instance uses, or whose history is kept for its retention time, is
 * refused through the engine REST API and the web apps' API, with or without cascade, and nothing is gone; every
 * way of deleting history entries or moving their removal time is refused. A deployment nobody used can still be
 * deleted.
 */
@WebTest
class HistoryDeletionWebTests {

    static final String OWNER = "histowner";
    static final String PASSWORD = "history-Secret-2026";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-Secret-2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    AuditTimeline timeline;

    final ObjectMapper json = new ObjectMapper();
    String key;
    String code;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.PROCESS_OWNER);
        key = "historyGuard" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        code = "HG-" + key.substring(12);
    }

    static String model(String processId) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://rollout.io/test">
              <bpmn:process id="%s" name="History guard test" isExecutable="true" camunda:historyTimeToLive="P30D">
                <bpmn:startEvent id="StartEvent_Started"/>
                <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="StartEvent_Started" targetRef="UserTask_Review"/>
                <bpmn:userTask id="UserTask_Review" name="Review" camunda:candidateGroups="pmo"/>
                <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="UserTask_Review" targetRef="EndEvent_Done"/>
                <bpmn:endEvent id="EndEvent_Done"/>
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(processId);
    }

    /** Deploys a model as a process owner does from Modeler and returns the deployment id. */
    String deploy() throws Exception {
        HttpResponse<String> response = Http.as(port, OWNER, PASSWORD)
                .postMultipart(
                        "/engine-rest/deployment/create",
                        Map.of("deployment-name", "history-guard-test", "deployment-source", "Camunda Modeler"),
                        key + ".bpmn",
                        model(key));
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        return json.readTree(response.body()).path("id").asText();
    }

    ProcessInstance start() {
        return runtime.startProcessInstanceByKey(key, code, Map.of("datasetDepartment", "finance"));
    }

    void assertRefused(HttpResponse<String> response, String... message) throws Exception {
        assertRefused(400, response, message);
    }

    void assertForbidden(HttpResponse<String> response, String... message) throws Exception {
        assertRefused(403, response, message);
    }

    void assertRefused(int status, HttpResponse<String> response, String... message) throws Exception {
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(status);
        assertThat(json.readTree(response.body()).path("message").asText()).contains(message);
    }

    @Test
    void aProcessOwnerCannotDeleteADeploymentThatARunningProjectUses() throws Exception {
        String deployment = deploy();
        ProcessInstance instance = start();
        Http owner = Http.as(port, OWNER, PASSWORD);

        assertRefused(
                owner.delete("/engine-rest/deployment/" + deployment + "?cascade=true"),
                "Deployment " + deployment + " cannot be deleted",
                "1 of its process instances");
        assertRefused(owner.delete("/engine-rest/deployment/" + deployment), "cannot be deleted");
        // deleting definitions is not a process owner's right at all; for an admin it is refused like the deployment
        assertThat(owner.delete("/engine-rest/process-definition/key/" + key + "?cascade=true")
                        .statusCode())
                .isEqualTo(403);

        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count())
                .isOne();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isOne();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isOne();
    }

    @Test
    void anAdministratorCannotDeleteADeploymentWhoseFinishedProjectsAreStillRetained() throws Exception {
        String deployment = deploy();
        ProcessInstance instance = start();
        tasks.complete(tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();

        assertRefused(
                Http.as(port, ADMIN, ADMIN_PASSWORD).delete("/engine-rest/deployment/" + deployment + "?cascade=true"),
                "cannot be deleted");
        assertRefused(
                Http.webappSession(port, ADMIN, ADMIN_PASSWORD)
                        .delete("/camunda/api/engine/engine/default/deployment/" + deployment + "?cascade=true"),
                "cannot be deleted");
        String definition = repository
                .createProcessDefinitionQuery()
                .deploymentId(deployment)
                .singleResult()
                .getId();
        assertRefused(
                Http.as(port, ADMIN, ADMIN_PASSWORD)
                        .delete("/engine-rest/process-definition/" + definition + "?cascade=true"),
                "cannot be deleted");

        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count())
                .isOne();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isOne();
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isOne();
    }

    @Test
    void aDeploymentNobodyUsedCanStillBeDeleted() throws Exception {
        String deployment = deploy();

        HttpResponse<String> response =
                Http.as(port, OWNER, PASSWORD).delete("/engine-rest/deployment/" + deployment + "?cascade=true");

        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(204);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count())
                .isZero();
    }

    @Test
    void noHistoryEntryIsDeletedByHandAndTheTimelineKeepsIt() throws Exception {
        deploy();
        ProcessInstance instance = start();
        Http admin = Http.as(port, ADMIN, ADMIN_PASSWORD);
        String task = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId();
        assertThat(admin.post("/engine-rest/task/" + task + "/complete", "{}").statusCode())
                .isEqualTo(204);
        String pi = instance.getId();
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName("datasetDepartment")
                .singleResult();
        List<TimelineEvent> before = timeline.of(code, new AuditTimeline.Filter(null, null, null, null, null));
        String operation = history.createUserOperationLogQuery()
                .processInstanceId(pi)
                .singleResult()
                .getOperationId();
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .singleResult()
                .getId();

        assertForbidden(
                admin.delete("/engine-rest/history/variable-instance/" + variable.getId()),
                "Refused (DeleteHistoricVariableInstance)",
                "removed only by the nightly history cleanup");
        assertForbidden(admin.delete("/engine-rest/history/process-instance/" + pi + "/variable-instances"), "Refused");
        assertForbidden(admin.delete("/engine-rest/history/process-instance/" + pi), "Refused");
        assertForbidden(
                admin.post(
                        "/engine-rest/history/process-instance/delete",
                        "{\"historicProcessInstanceIds\": [\"" + pi + "\"], \"deleteReason\": \"tidy up\"}"),
                "Refused");
        assertForbidden(
                admin.post(
                        "/engine-rest/history/process-instance/set-removal-time",
                        "{\"absoluteRemovalTime\": \"2020-01-01T00:00:00.000+0000\", \"historicProcessInstanceIds\": [\""
                                + pi + "\"]}"),
                "Refused");
        assertForbidden(
                admin.post(
                        "/engine-rest/history/decision-instance/delete",
                        "{\"historicDecisionInstanceIds\": [\"x\"], \"deleteReason\": \"tidy up\"}"),
                "Refused");
        assertRefused(
                admin.put(
                        "/engine-rest/process-definition/" + definition + "/history-time-to-live",
                        "{\"historyTimeToLive\": 0}"),
                "cannot be shortened from 30 to 0 days");
        assertForbidden(
                Http.webappSession(port, ADMIN, ADMIN_PASSWORD)
                        .delete("/camunda/api/engine/engine/default/history/variable-instance/" + variable.getId()),
                "Refused");

        // the operation log has no delete in REST, only in Java
        assertThatThrownBy(() -> history.deleteUserOperationLogEntry(operation))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("Refused (DeleteUserOperationLogEntry)");

        assertThat(history.createHistoricVariableInstanceQuery()
                        .variableId(variable.getId())
                        .count())
                .isOne();
        assertThat(history.createUserOperationLogQuery().operationId(operation).count())
                .isOne();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(pi)
                        .singleResult()
                        .getRemovalTime())
                .isInTheFuture();
        assertThat(repository.getProcessDefinition(definition).getHistoryTimeToLive())
                .isEqualTo(30);
        assertThat(timeline.of(code, new AuditTimeline.Filter(null, null, null, null, null)))
                .isEqualTo(before)
                .extracting(TimelineEvent::subject)
                .contains("datasetDepartment", "Review");
    }

    @Test
    void aTimeToLiveMayStillBeLengthenedOrSetOnAModelNobodyUsed() throws Exception {
        deploy();
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .singleResult()
                .getId();
        Http owner = Http.as(port, ADMIN, ADMIN_PASSWORD);

        HttpResponse<String> shorter = owner.put(
                "/engine-rest/process-definition/" + definition + "/history-time-to-live",
                "{\"historyTimeToLive\": 7}");
        start();
        HttpResponse<String> longer = owner.put(
                "/engine-rest/process-definition/" + definition + "/history-time-to-live",
                "{\"historyTimeToLive\": 60}");

        assertThat(shorter.statusCode()).as(Http.describe(shorter)).isEqualTo(204);
        assertThat(longer.statusCode()).as(Http.describe(longer)).isEqualTo(204);
        assertThat(repository.getProcessDefinition(definition).getHistoryTimeToLive())
                .isEqualTo(60);
    }
}
