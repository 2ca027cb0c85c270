package io.rollout.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys from Camunda Modeler (the REST deployment endpoint, basic auth): a model that refers to a
 * missing delegate, form, group, decision or process is refused with every problem named by element, and nothing is
 * deployed; a model deployed with its form, or referring to forms deployed before, goes through.
 */
@WebTest
class DeploymentGuardWebTests {

    static final String OWNER = "guardowner";
    static final String PASSWORD = "guard-Secret-2026";
    static final String NAME = "deployment-guard-test";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.PROCESS_OWNER);
    }

    @AfterEach
    void cleanUp() {
        repository
                .createDeploymentQuery()
                .deploymentName(NAME)
                .list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    static String model(String processId, String body) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://rollout.io/test">
              <bpmn:process id="%s" name="Guard test" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Started"/>
                %s
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(processId, body);
    }

    HttpResponse<String> deployFromModeler(Map<String, String> files) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", NAME);
        fields.put("deployment-source", "Camunda Modeler");
        return Http.as(port, OWNER, PASSWORD).postFiles("/engine-rest/deployment/create", fields, files);
    }

    @Test
    void modelersConnectionCheckAnswersAProcessOwnerAndRefusesAnonymousCallers() {
        HttpResponse<String> version = Http.as(port, OWNER, PASSWORD).get("/engine-rest/version");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("7.24");
        assertThat(Http.anonymous(port).get("/engine-rest/version").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aModelReferringToMissingThingsIsRefusedWithEveryElementNamedAndNothingDeployed() throws Exception {
        String broken = model("guardBroken", """
            <bpmn:serviceTask id="ServiceTask_CheckGate" name="Check UAT gate" camunda:delegateExpression="${uatGait}"/>
            <bpmn:userTask id="UserTask_Review" name="Review results" camunda:formRef="reviewResultz"
                           camunda:formRefBinding="latest" camunda:candidateGroups="pmo,key-users">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${uatRoundRecorder}" event="complete"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:businessRuleTask id="BusinessRuleTask_Route" name="Route change" camunda:decisionRef="changeRoutng"
                                   camunda:mapDecisionResult="singleEntry" camunda:resultVariable="route"/>
            <bpmn:callActivity id="CallActivity_Pilot" name="Pilot phase" calledElement="pilotPhase"/>
            """);

        HttpResponse<String> response = deployFromModeler(Map.of("guard-broken.bpmn", broken));

        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.path("message").asText())
                .contains(
                        "Deployment rejected, nothing was deployed: 5 reference(s)",
                        "guard-broken.bpmn: ServiceTask_CheckGate \"Check UAT gate\" calls \"uatGait\", which is no Rollout delegate",
                        "UserTask_Review \"Review results\" shows the form \"reviewResultz\", which is neither in this deployment nor deployed",
                        "UserTask_Review \"Review results\" offers the task to the group \"key-users\", which is no Rollout role",
                        "BusinessRuleTask_Route \"Route change\" evaluates the decision \"changeRoutng\"",
                        "CallActivity_Pilot \"Pilot phase\" calls the process \"pilotPhase\"");
        assertThat(body.path("message").asText())
                .contains("known roles: pmo, business-owner, key-user, consultant", "dept-finance")
                .doesNotContain("uatRoundRecorder");
        List<String> elements = new ArrayList<>();
        body.path("details")
                .path("guard-broken.bpmn")
                .path("errors")
                .forEach(e -> elements.add(e.path("mainElementId").asText()));
        assertThat(elements)
                .containsExactly(
                        "ServiceTask_CheckGate",
                        "UserTask_Review",
                        "UserTask_Review",
                        "BusinessRuleTask_Route",
                        "CallActivity_Pilot");
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count())
                .isZero();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("guardBroken")
                        .count())
                .isZero();
    }

    @Test
    void aListenerNamingNoBeanIsRefusedOnItsTask() throws Exception {
        String broken = model("guardListener", """
            <bpmn:userTask id="UserTask_Approve" name="Approve" camunda:candidateGroups="business-owner">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${specificationAproval}" event="complete"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """);

        HttpResponse<String> response = deployFromModeler(Map.of("guard-listener.bpmn", broken));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("message").asText())
                .contains("guard-listener.bpmn: UserTask_Approve \"Approve\" calls \"specificationAproval\"");
    }

    @Test
    void aModelDeployedWithItsNewFormGoesThroughAndLaterModelsMayUseTheDeployedForm() {
        String form = """
            {"id": "guardTestForm", "type": "default", "components": [
              {"key": "note", "label": "Note", "type": "textfield", "id": "Field_Note"}]}
            """;
        String withForm = model("guardWithForm", """
            <bpmn:userTask id="UserTask_Note" name="Write note" camunda:formRef="guardTestForm"
                           camunda:formRefBinding="deployment" camunda:candidateGroups="pmo,dept-finance">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${specificationApproval}" event="complete"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:serviceTask id="ServiceTask_Gate" name="UAT gate" camunda:delegateExpression="${uatGate}"/>
            <bpmn:callActivity id="CallActivity_Planning" calledElement="planningPhase"/>
            """);

        HttpResponse<String> first =
                deployFromModeler(Map.of("guard-with-form.bpmn", withForm, "guard-test.form", form));
        assertThat(first.statusCode()).as(Http.describe(first)).isEqualTo(200);

        // Modeler deploys only the diagram when the form is unchanged: the deployed form counts
        String later = model("guardLater", """
            <bpmn:userTask id="UserTask_Note" name="Write note" camunda:formRef="guardTestForm"
                           camunda:formRefBinding="latest" camunda:candidateGroups="pmo"/>
            """);
        HttpResponse<String> second = deployFromModeler(Map.of("guard-later.bpmn", later));
        assertThat(second.statusCode()).as(Http.describe(second)).isEqualTo(200);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("guardLater")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theJavaApiIsGuardedToo() {
        String broken = model("guardJava", """
            <bpmn:userTask id="UserTask_Plan" name="Plan" camunda:formRef="planProject" camunda:formRefBinding="latest"
                           camunda:candidateGroups="project-managers"/>
            """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository
                        .createDeployment()
                        .name(NAME)
                        .addString("guard-java.bpmn", broken)
                        .deploy())
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(
                        "guard-java.bpmn: UserTask_Plan \"Plan\" offers the task to the group \"project-managers\"");
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("guardJava")
                        .count())
                .isZero();
    }

    @Test
    void aNewVersionMayNotKeepItsHistoryShorterThanTheDeployedOne() throws Exception {
        String kept = model("guardRetention", "<bpmn:endEvent id=\"EndEvent_Done\"/>")
                .replace("camunda:historyTimeToLive=\"P1D\"", "camunda:historyTimeToLive=\"P30D\"");
        assertThat(deployFromModeler(Map.of("guard-retention.bpmn", kept)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> shorter = deployFromModeler(Map.of("guard-retention.bpmn", kept.replace("P30D", "P0D")));

        assertThat(shorter.statusCode()).as(Http.describe(shorter)).isEqualTo(400);
        assertThat(json.readTree(shorter.body()).path("message").asText())
                .contains(
                        "Deployment rejected, nothing was deployed: 1 problem(s) in the models.",
                        "guard-retention.bpmn: the process guardRetention would keep its history for P0D, shorter than version 1 "
                                + "deployed now (30 days)");
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("guardRetention")
                        .count())
                .isOne();

        HttpResponse<String> longer = deployFromModeler(Map.of("guard-retention.bpmn", kept.replace("P30D", "P60D")));
        assertThat(longer.statusCode()).as(Http.describe(longer)).isEqualTo(200);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("guardRetention")
                        .latestVersion()
                        .singleResult()
                        .getHistoryTimeToLive())
                .isEqualTo(60);
    }
}
