package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Separation of duties (issue 19, finding 3): whoever works on a task may complete it with its form, and
 * nothing else. For every business role, made a candidate of a data steward's task, every engine endpoint that
 * writes a variable — on the task, its execution, its process instance, or extra variables sent with the
 * completion — refuses the write with 400 or 403 and a message, through basic auth on {@code /engine-rest} and
 * through the web apps' engine API with a logged-in session and its CSRF token. Afterwards the routing facts of
 * the task ({@code dataset}: which dataset the branch defines; {@code projectCode}: the project every gate checks)
 * keep their values and the task is still open.
 */
@WebTest
class VariableSideDoorWebTests {

    static final String PASSWORD = "sidedoor-Secret-2026";
    static final String REST = "/engine-rest";
    static final String WEBAPP = "/camunda/api/engine/engine/default";
    static final String OTHER_PROJECT = "OTHER-2026-99";
    static final String OUTSIDER = "sidedooroutsider";

    /** A valid submission of the form defineDataset: what Tasklist sends for it. */
    static final String DEFINITION_FIELDS = "\"datasetColumns\":{\"value\":\"code\\nname\",\"type\":\"String\"},"
            + "\"keyColumns\":{\"value\":\"code\",\"type\":\"String\"},"
            + "\"reconcileColumns\":{\"value\":\"\",\"type\":\"String\"},"
            + "\"rejectThreshold\":{\"value\":2,\"type\":\"Long\"},"
            + "\"department\":{\"value\":\"finance\",\"type\":\"String\"},"
            + "\"rules\":{\"value\":\"[]\",\"type\":\"Json\"}";

    /** Every role that works with Rollout, except administrators, who keep every right. */
    static Stream<String> businessRoles() {
        return Stream.of(
                Roles.PMO,
                Roles.BUSINESS_OWNER,
                Roles.KEY_USER,
                Roles.CONSULTANT,
                Roles.DEVELOPER,
                Roles.DATA_STEWARD,
                Roles.TRAINER,
                Roles.STEERING_COMMITTEE,
                Roles.IT_OPERATIONS,
                Roles.PROCESS_OWNER,
                Roles.AUDITOR);
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("businessRoles")
    void aCandidateCannotWriteVariablesThroughTheEngineRestApi(String role) {
        String user = userOf(role);
        Attack writes = attack(user);
        Attack completions = attack(user);
        Http http = Http.as(port, user, PASSWORD);

        List<String> accepted = tryEveryWrite(http, REST, writes);
        accepted.addAll(tryEveryCompletion(http, REST, completions));

        assertThat(accepted).as("writes accepted for %s", role).isEmpty();
        writes.assertNothingChanged();
        completions.assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("businessRoles")
    void aCandidateCannotWriteVariablesThroughTheWebAppsEngineApi(String role) {
        String user = userOf(role);
        Attack writes = attack(user);
        Attack completions = attack(user);
        // process owners and auditors work in Cockpit, everyone else in Tasklist
        String app = role.equals(Roles.PROCESS_OWNER) || role.equals(Roles.AUDITOR) ? "cockpit" : "tasklist";
        Http session = Http.webappSession(port, user, PASSWORD, app);

        List<String> accepted = tryEveryWrite(session, WEBAPP, writes);
        accepted.addAll(tryEveryCompletion(session, WEBAPP, completions));

        assertThat(accepted).as("writes accepted for %s", role).isEmpty();
        writes.assertNothingChanged();
        completions.assertNothingChanged();
    }

    @Test
    void theFormsOwnFieldsStillCompleteTheTask() {
        String user = userOf(Roles.DATA_STEWARD);
        Attack attack = attack(user);

        HttpResponse<String> response = Http.as(port, user, PASSWORD)
                .post(
                        REST + "/task/" + attack.task.getId() + "/submit-form",
                        "{\"variables\":{" + DEFINITION_FIELDS + "}}");

        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(attack.task.getId()).count()).isZero();
        Task upload =
                tasks.createTaskQuery().processInstanceId(attack.pi.getId()).singleResult();
        assertThat(upload.getTaskDefinitionKey()).isEqualTo("UserTask_UploadExtract");
        assertThat(runtime.getVariable(upload.getExecutionId(), "datasetDepartment"))
                .isEqualTo("finance");
    }

    @Test
    void whoClaimedATaskGivesItBackInTasklistButNobodyElseUnclaimsIt() {
        String steward = userOf(Roles.DATA_STEWARD);
        String pmo = userOf(Roles.PMO);
        Attack attack = attack(steward);
        tasks.addCandidateUser(attack.task.getId(), pmo);
        String task = "/task/" + attack.task.getId();
        Http tasklist = Http.webappSession(port, steward, PASSWORD, "tasklist");
        HttpResponse<String> claimed = tasklist.post(WEBAPP + task + "/claim", "{\"userId\":\"" + steward + "\"}");
        assertThat(claimed.statusCode()).as(Http.describe(claimed)).isEqualTo(204);

        HttpResponse<String> byOther = Http.as(port, pmo, PASSWORD).post(REST + task + "/unclaim", "");
        assertThat(byOther.statusCode()).as(Http.describe(byOther)).isEqualTo(403);
        assertThat(tasks.createTaskQuery()
                        .taskId(attack.task.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo(steward);

        HttpResponse<String> own = tasklist.post(WEBAPP + task + "/unclaim", "");
        assertThat(own.statusCode()).as(Http.describe(own)).isEqualTo(204);
        assertThat(tasks.createTaskQuery()
                        .taskId(attack.task.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        attack.assertNothingChanged();
    }

    @Test
    void aProjectStartsAtItsStartEventWithTheFieldsOfItsStartFormOnly() {
        String pmo = userOf(Roles.PMO);
        Http http = Http.as(port, pmo, PASSWORD);
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        String definition = "/engine-rest/process-definition/key/implementationProject";

        // straight into operations: requirements, UAT and the go / no-go never happen
        HttpResponse<String> skipped = http.post(
                definition + "/start",
                "{\"businessKey\":\"" + code + "\","
                        + "\"skipCustomListeners\":true,\"skipIoMappings\":true,\"startInstructions\":[{\"type\":"
                        + "\"startBeforeActivity\",\"activityId\":\"CallActivity_Operations\",\"variables\":{\"projectCode\":"
                        + "{\"value\":\"" + code + "\",\"type\":\"String\"}}}]}");
        // a finished project started again after its gates
        ProcessInstance finished = runtime.createProcessInstanceByKey("implementationProject")
                .startBeforeActivity("CallActivity_Operations")
                .setVariable("projectCode", code)
                .execute(true, true);
        runtime.deleteProcessInstance(finished.getId(), "test: a finished project");
        HttpResponse<String> restarted = http.post(
                "/engine-rest/process-definition/" + finished.getProcessDefinitionId() + "/restart",
                "{\"processInstanceIds\":[\"" + finished.getId()
                        + "\"],\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\","
                        + "\"activityId\":\"CallActivity_Operations\"}]}");
        // a start form's process started with a routing fact its start form does not have
        HttpResponse<String> extra = http.post(
                "/engine-rest/process-definition/key/raiseRiskOrIssue/submit-form",
                "{\"variables\":{\"approverGroup\":{\"value\":\"pmo\",\"type\":\"String\"}}}");

        assertThat(skipped.statusCode()).as(Http.describe(skipped)).isEqualTo(403);
        assertThat(message(skipped)).contains("Start instructions");
        assertThat(restarted.statusCode()).as(Http.describe(restarted)).isEqualTo(403);
        assertThat(message(restarted)).contains("restarting finished instances");
        assertThat(extra.statusCode()).as(Http.describe(extra)).isEqualTo(400);
        assertThat(message(extra)).contains("approverGroup is not a field of the start form");
        assertThat(runtime.createProcessInstanceQuery()
                        .variableValueEquals("projectCode", code)
                        .count())
                .isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("raiseRiskOrIssue")
                        .variableValueEquals("approverGroup", "pmo")
                        .count())
                .isZero();
    }

    /** Sends every variable-writing request; returns those not refused with 400/403 and a message. */
    List<String> tryEveryWrite(Http http, String root, Attack a) {
        String task = root + "/task/" + a.task.getId();
        String execution = root + "/execution/" + a.task.getExecutionId();
        String instance = root + "/process-instance/" + a.task.getProcessInstanceId();
        String dataset = "{\"value\":\"materials\",\"type\":\"String\"}";
        String project = "{\"value\":\"" + OTHER_PROJECT + "\",\"type\":\"String\"}";
        String modifications = "{\"modifications\":{\"dataset\":" + dataset + ",\"projectCode\":" + project + "}}";
        List<String> accepted = new ArrayList<>();
        refused(accepted, "PUT task variable", http.put(task + "/variables/dataset", dataset));
        refused(accepted, "POST task variables", http.post(task + "/variables", modifications));
        refused(accepted, "DELETE task variable", http.delete(task + "/variables/projectCode"));
        refused(accepted, "PUT task local variable", http.put(task + "/localVariables/projectCode", project));
        refused(accepted, "POST task local variables", http.post(task + "/localVariables", modifications));
        // who works on the task is a routing fact too
        refused(
                accepted,
                "POST task claim for another user",
                http.post(task + "/claim", "{\"userId\":\"" + OUTSIDER + "\"}"));
        refused(accepted, "POST task assignee", http.post(task + "/assignee", "{\"userId\":\"" + OUTSIDER + "\"}"));
        refused(accepted, "POST task delegate", http.post(task + "/delegate", "{\"userId\":\"" + OUTSIDER + "\"}"));
        refused(
                accepted,
                "POST task identity link",
                http.post(task + "/identity-links", "{\"userId\":\"" + OUTSIDER + "\",\"type\":\"candidate\"}"));
        refused(accepted, "PUT task", http.put(task, "{\"name\":\"renamed\",\"assignee\":\"" + OUTSIDER + "\"}"));
        refused(accepted, "PUT execution local variable", http.put(execution + "/localVariables/dataset", dataset));
        refused(accepted, "POST execution local variables", http.post(execution + "/localVariables", modifications));
        refused(accepted, "PUT process instance variable", http.put(instance + "/variables/projectCode", project));
        refused(accepted, "POST process instance variables", http.post(instance + "/variables", modifications));
        refused(
                accepted,
                "POST process instance modification",
                http.post(
                        instance + "/modification",
                        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"UserTask_DefineDataset\","
                                + "\"variables\":{\"projectCode\":{\"value\":\"" + OTHER_PROJECT
                                + "\",\"type\":\"String\"}}}]}"));
        return accepted;
    }

    /**
     * Completes the task with its form's valid fields plus a routing fact, and throws an error and an escalation at
     * it; returns the requests not refused with 400/403 and a message.
     */
    List<String> tryEveryCompletion(Http http, String root, Attack a) {
        String task = root + "/task/" + a.task.getId();
        String project = "{\"value\":\"" + OTHER_PROJECT + "\",\"type\":\"String\"}";
        // the form's own fields, valid, plus a routing fact the form does not have
        String extra = "{\"variables\":{" + DEFINITION_FIELDS
                + ",\"datasetDepartment\":{\"value\":\"warehouse\",\"type\":\"String\"}}}";
        List<String> accepted = new ArrayList<>();
        refused(accepted, "POST task complete with extra variables", http.post(task + "/complete", extra));
        refused(accepted, "POST task submit-form with extra variables", http.post(task + "/submit-form", extra));
        refused(accepted, "POST task resolve with extra variables", http.post(task + "/resolve", extra));
        refused(
                accepted,
                "POST task bpmnError",
                http.post(
                        task + "/bpmnError",
                        "{\"errorCode\":\"skip\",\"variables\":{\"projectCode\":" + project + "}}"));
        refused(
                accepted,
                "POST task bpmnEscalation",
                http.post(
                        task + "/bpmnEscalation",
                        "{\"escalationCode\":\"skip\",\"variables\":{\"projectCode\":" + project + "}}"));
        return accepted;
    }

    void refused(List<String> accepted, String what, HttpResponse<String> response) {
        int status = response.statusCode();
        String message = message(response);
        if ((status != 400 && status != 403) || message.isBlank()) {
            accepted.add(what + ": " + status + " " + response.body());
        }
    }

    String message(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            return body.path("message").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A data migration of a fresh project waiting at the data steward's definition of its customers dataset, with
     * the attacker added as a candidate of that task as the engine adds a candidate group's member.
     */
    Attack attack(String user) {
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance", "warehouse"), List.of("finance"), List.of("customers"));
        ProcessInstance pi = runtime.startProcessInstanceByKey("dataMigration", code, Map.of("projectCode", code));
        Task task = tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("UserTask_DefineDataset")
                .singleResult();
        tasks.addCandidateUser(task.getId(), user);
        return new Attack(code, pi, task);
    }

    String userOf(String role) {
        String id = "sidedoor" + role.replace("-", "");
        if (role.equals(Roles.BUSINESS_OWNER)) {
            TestUsers.ensure(identity, id, PASSWORD, role, Roles.departmentGroup("finance"));
        } else {
            TestUsers.ensure(identity, id, PASSWORD, role);
        }
        return id;
    }

    final class Attack {
        final String code;
        final ProcessInstance pi;
        final Task task;

        Attack(String code, ProcessInstance pi, Task task) {
            this.code = code;
            this.pi = pi;
            this.task = task;
        }

        void assertNothingChanged() {
            Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
            assertThat(now).as("the task is still open").isNotNull();
            assertThat(now.getAssignee()).isNull();
            assertThat(now.getOwner()).isNull();
            assertThat(now.getName()).isEqualTo(task.getName());
            assertThat(tasks.getIdentityLinksForTask(task.getId()))
                    .extracting(l -> l.getUserId())
                    .doesNotContain(OUTSIDER);
            assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count())
                    .as("no task was added")
                    .isEqualTo(1);
            assertThat(runtime.getVariable(task.getExecutionId(), "dataset")).isEqualTo("customers");
            assertThat(runtime.getVariable(task.getExecutionId(), "datasetDepartment"))
                    .isNull();
            assertThat(runtime.getVariable(task.getExecutionId(), "projectCode"))
                    .isEqualTo(code);
            assertThat(runtime.getVariable(pi.getId(), "projectCode")).isEqualTo(code);
            // the task keeps its own copy of projectCode for Tasklist's card (identity.TaskProjectLabel)
            assertThat(tasks.getVariablesLocal(task.getId()))
                    .doesNotContainKeys("dataset", "datasetDepartment")
                    .containsEntry("projectCode", code);
            assertThat(runtime.getVariablesLocal(task.getExecutionId())).doesNotContainKey("projectCode");
        }
    }
}
