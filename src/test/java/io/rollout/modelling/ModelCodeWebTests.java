package io.rollout.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys from Camunda Modeler (the REST deployment endpoint, basic auth) a model that would run code
 * with the engine's rights: Java reached through an expression in any place of the model, the engine's services
 * reached through {@code execution} or a bean, or a script of any format. Each is refused with 400, naming file,
 * element and attribute; nothing is deployed and nothing ran. The repository's own models still deploy.
 */
@WebTest
class ModelCodeWebTests {

    static final String OWNER = "guofei";
    static final String PASSWORD = "guofei-Owner-2026";
    static final String NAME = "model-code-test";
    static final String FOR_NAME = "${''.getClass().forName('java.lang.Runtime')}";

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

    HttpResponse<String> deploy(Map<String, String> files) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", NAME);
        fields.put("deployment-source", "Camunda Modeler");
        return Http.as(port, OWNER, PASSWORD).postFiles("/engine-rest/deployment/create", fields, files);
    }

    /** Deploys one model, expects it refused with every fragment in the message, and nothing deployed. */
    String refused(String processId, String body, String... fragments) throws IOException {
        return refusedModel(processId, DeploymentGuardWebTests.model(processId, body), fragments);
    }

    String refusedModel(String processId, String bpmn, String... fragments) throws IOException {
        HttpResponse<String> response = deploy(Map.of("model-code.bpmn", bpmn));
        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(400);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("type").asText()).isEqualTo("ParseException");
        String message = answer.path("message").asText();
        assertThat(message)
                .contains("Deployment rejected, nothing was deployed")
                .contains(fragments);
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count())
                .isZero();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processId)
                        .count())
                .isZero();
        return message;
    }

    @Test
    void forNameInATimerStartedServiceTaskIsRefused() throws IOException {
        // the helper's model has a none start event already: a timer start must be the only one
        String model = DeploymentGuardWebTests.model("codeTimerService", "")
                .replace("<bpmn:startEvent id=\"StartEvent_Started\"/>", """
            <bpmn:startEvent id="StartEvent_Hourly" name="Every hour">
              <bpmn:timerEventDefinition id="Timer_Hourly"><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:serviceTask id="ServiceTask_Run" name="Run" camunda:expression="%s"/>
            """.formatted(FOR_NAME));
        refusedModel(
                "codeTimerService",
                model,
                "model-code.bpmn: ServiceTask_Run \"Run\", camunda:expression: " + FOR_NAME
                        + " is not allowed in a model",
                "reads or calls a member of a value");
    }

    @Test
    void forNameInAnExecutionListenerIsRefused() throws IOException {
        refused(
                "codeExecutionListener",
                """
            <bpmn:endEvent id="EndEvent_Done" name="Done">
              <bpmn:extensionElements>
                <camunda:executionListener expression="%s" event="start"/>
              </bpmn:extensionElements>
            </bpmn:endEvent>
            """.formatted(FOR_NAME),
                "EndEvent_Done \"Done\", camunda:executionListener \"start\" expression: " + FOR_NAME);
    }

    @Test
    void forNameInATaskListenerIsRefused() throws IOException {
        refused(
                "codeTaskListener",
                """
            <bpmn:userTask id="UserTask_Review" name="Review" camunda:candidateGroups="pmo">
              <bpmn:extensionElements>
                <camunda:taskListener expression="%s" event="create"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """.formatted(FOR_NAME),
                "UserTask_Review \"Review\", camunda:taskListener \"create\" expression: " + FOR_NAME);
    }

    @Test
    void forNameInAConditionIsRefused() throws IOException {
        refused(
                "codeCondition",
                """
            <bpmn:exclusiveGateway id="Gateway_Ok" name="OK?" default="Flow_No"/>
            <bpmn:endEvent id="EndEvent_Done"/>
            <bpmn:endEvent id="EndEvent_Otherwise"/>
            <bpmn:sequenceFlow id="Flow_Start" sourceRef="StartEvent_Started" targetRef="Gateway_Ok"/>
            <bpmn:sequenceFlow id="Flow_No" name="no" sourceRef="Gateway_Ok" targetRef="EndEvent_Otherwise"/>
            <bpmn:sequenceFlow id="Flow_Yes" name="yes" sourceRef="Gateway_Ok" targetRef="EndEvent_Done">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${empty ''.getClass().forName('java.lang.Runtime')}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
                "Flow_Yes \"yes\", bpmn:conditionExpression: ${empty ''.getClass().forName('java.lang.Runtime')}");
    }

    @Test
    void forNameInAnInputMappingIsRefused() throws IOException {
        refused(
                "codeInputMapping",
                """
            <bpmn:userTask id="UserTask_Review" name="Review" camunda:candidateGroups="pmo">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="runtime">%s</camunda:inputParameter>
                  <camunda:inputParameter name="list"><camunda:list><camunda:value>${x.class}</camunda:value></camunda:list></camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """.formatted(FOR_NAME),
                "UserTask_Review \"Review\", camunda:inputParameter \"runtime\": " + FOR_NAME,
                "UserTask_Review \"Review\", camunda:value: ${x.class} is not allowed in a model: x.class reads or calls");
    }

    @Test
    void forNameInATimerIsRefused() throws IOException {
        refused("codeTimer", """
            <bpmn:intermediateCatchEvent id="Timer_Wait" name="Wait">
              <bpmn:timerEventDefinition id="TimerDefinition_Wait"><bpmn:timeDuration>%s</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            """.formatted(FOR_NAME), "Timer_Wait \"Wait\", bpmn:timeDuration: " + FOR_NAME);
    }

    @Test
    void reachingTheEngineToJoinCamundaAdminIsRefusedAndTheOwnerStaysOutOfIt() throws IOException {
        String viaExecution = "${execution.getProcessEngineServices().getIdentityService()"
                + ".createMembership('guofei','camunda-admin')}";
        String viaBean = "${identityService.createMembership('guofei','camunda-admin')}";
        refused(
                "codeAdmin",
                """
            <bpmn:serviceTask id="ServiceTask_Promote" name="Promote" camunda:expression="%s"/>
            <bpmn:serviceTask id="ServiceTask_PromoteBean" name="Promote by bean" camunda:expression="%s"/>
            <bpmn:userTask id="UserTask_Env" name="${systemEnvironment}" camunda:assignee="${now()}"/>
            """.formatted(viaExecution, viaBean),
                "ServiceTask_Promote \"Promote\", camunda:expression: " + viaExecution,
                "execution.getProcessEngineServices() is not one of the getters of execution and task offered to models",
                "ServiceTask_PromoteBean \"Promote by bean\", camunda:expression: " + viaBean,
                "identityService is a bean of the application that is not offered to models",
                "name: ${systemEnvironment} is not allowed in a model: systemEnvironment is a bean",
                "camunda:assignee: ${now()} is not allowed in a model: now() is a function");

        assertThat(identity.createUserQuery()
                        .userId(OWNER)
                        .memberOfGroup(Roles.ADMIN)
                        .count())
                .isZero();
    }

    @Test
    void scriptTasksOfEveryFormatAreRefused() throws IOException {
        String message = refused(
                "codeScripts",
                """
            <bpmn:scriptTask id="ScriptTask_Juel" name="JUEL" scriptFormat="juel">
              <bpmn:script>${''.getClass()}</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:scriptTask id="ScriptTask_Js" name="JavaScript" scriptFormat="javascript">
              <bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:scriptTask id="ScriptTask_Groovy" name="Groovy" scriptFormat="groovy">
              <bpmn:script>"id".execute()</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:scriptTask id="ScriptTask_File" name="From a file" scriptFormat="python"
                             camunda:resource="deployment://run.py"/>
            """,
                "ScriptTask_Juel \"JUEL\", bpmn:scriptTask: a script (juel) is code and is not allowed in a model",
                "ScriptTask_Js \"JavaScript\", bpmn:scriptTask: a script (javascript)",
                "ScriptTask_Groovy \"Groovy\", bpmn:scriptTask: a script (groovy)",
                "ScriptTask_File \"From a file\", bpmn:scriptTask: a script (python)",
                "rollout.modelling.allow-scripts is off");
        assertThat(message).contains("4 problem(s)");
    }

    @Test
    void scriptListenersConditionsAndMappingsAreRefused() throws IOException {
        refused(
                "codeScriptListeners",
                """
            <bpmn:userTask id="UserTask_Review" name="Review" camunda:candidateGroups="pmo">
              <bpmn:extensionElements>
                <camunda:executionListener event="start">
                  <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime()</camunda:script>
                </camunda:executionListener>
                <camunda:taskListener event="create">
                  <camunda:script scriptFormat="groovy" resource="deployment://listener.groovy"/>
                </camunda:taskListener>
                <camunda:inputOutput>
                  <camunda:inputParameter name="x"><camunda:script scriptFormat="juel">${x}</camunda:script></camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="EndEvent_Done"/>
            <bpmn:sequenceFlow id="Flow_Done" sourceRef="UserTask_Review" targetRef="EndEvent_Done">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">true</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
                "UserTask_Review \"Review\", camunda:script: a script (javascript)",
                "UserTask_Review \"Review\", camunda:script: a script (groovy)",
                "UserTask_Review \"Review\", camunda:script: a script (juel)",
                "Flow_Done, bpmn:conditionExpression: a script (javascript)",
                "4 problem(s)");
    }

    @Test
    void aClassOutsideRolloutIsRefused() throws IOException {
        refused(
                "codeClass",
                """
            <bpmn:serviceTask id="ServiceTask_Class" name="Class" camunda:class="java.lang.String"/>
            """,
                "ServiceTask_Class \"Class\", camunda:class: the Java class java.lang.String is no delegate or listener");
    }

    @Test
    void theOldActivitiNamespaceIsCheckedToo() throws IOException {
        refusedModel(
                "codeActiviti",
                DeploymentGuardWebTests.model("codeActiviti", """
            <bpmn:serviceTask id="ServiceTask_Class" name="Class" activiti:class="java.lang.String"/>
            <bpmn:userTask id="UserTask_Review" name="Review" camunda:candidateGroups="pmo">
              <bpmn:extensionElements>
                <activiti:executionListener event="start">
                  <activiti:script scriptFormat="javascript">java.lang.Runtime.getRuntime()</activiti:script>
                </activiti:executionListener>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """)
                        .replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda="),
                "ServiceTask_Class \"Class\", activiti:class: the Java class java.lang.String is no delegate",
                "UserTask_Review \"Review\", activiti:script: a script (javascript)");
    }

    @Test
    void htmlFormsAndPagesScriptFilesDecisionsInJuelAndCaseModelsAreRefused() throws IOException {
        String model = DeploymentGuardWebTests.model("codeResources", """
            <bpmn:userTask id="UserTask_Review" name="Review" camunda:candidateGroups="pmo"
                           camunda:formKey="embedded:deployment:review.html"/>
            """);
        String decision = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Code" name="Code"
                         namespace="http://rollout.io/test">
              <decision id="codeDecision" name="Code">
                <decisionTable id="DecisionTable_Code">
                  <input id="Input_X" label="x">
                    <inputExpression id="InputExpression_X" typeRef="string" expressionLanguage="juel">
                      <text>${identityService.createMembership('guofei','camunda-admin')}</text>
                    </inputExpression>
                  </input>
                  <output id="Output_Y" name="y" typeRef="string"/>
                </decisionTable>
              </decision>
            </definitions>
            """;
        String caseModel = """
            <?xml version="1.0" encoding="UTF-8"?>
            <cmmn:definitions xmlns:cmmn="http://www.omg.org/spec/CMMN/20151109/MODEL" id="Definitions_Case"
                              targetNamespace="http://rollout.io/test">
              <cmmn:case id="codeCase"><cmmn:casePlanModel id="CasePlanModel_Code"/></cmmn:case>
            </cmmn:definitions>
            """;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("model-code.bpmn", model);
        files.put("review.html", "<form><script>fetch('/camunda/api/admin/auth/user/default')</script></form>");
        files.put("run.js", "java.lang.Runtime.getRuntime()");
        files.put("code.dmn", decision);
        files.put("code.cmmn", caseModel);

        HttpResponse<String> response = deploy(files);

        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("message").asText())
                .contains(
                        "review.html: a deployment carries BPMN, DMN, Camunda Forms (.form) and diagram images (.png) only",
                        "run.js: a deployment carries BPMN, DMN",
                        "code.dmn: codeDecision \"Code\", inputExpression InputExpression_X expressionLanguage: a script (juel)",
                        "code.cmmn: Rollout runs no CMMN case models");
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count())
                .isZero();
        assertThat(repository
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey("codeDecision")
                        .count())
                .isZero();
    }

    @Test
    void theRepositorysModelsAndFormsDeployAsAProcessOwner() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String folder : new String[] {"bpmn", "forms"}) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        assertThat(files).containsKeys("implementation-project.bpmn", "scope-decision.dmn", "plan-project.form");

        HttpResponse<String> response = deploy(files);

        assertThat(response.statusCode()).as(Http.describe(response)).isEqualTo(200);
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count())
                .isEqualTo(1);
    }
}
