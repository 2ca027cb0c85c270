package io.rollout.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.rollout.modelling.ModelCode.Finding;
import io.rollout.modelling.ModelCode.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Where the guard finds what a model would run, and how it names the place; the grammar itself is ExpressionPolicyTests. */
class ModelCodeTests {

    /** One delegate bean and one delegate class; scripts as the setting says. */
    record World(boolean scriptsAllowed) implements ModelCode.Code {
        @Override
        public ExpressionPolicy.BeanUse use(String name) {
            return "uatGate".equals(name) ? ExpressionPolicy.BeanUse.DELEGATE : ExpressionPolicy.BeanUse.NONE;
        }

        @Override
        public boolean offers(String bean, String method) {
            return false;
        }

        @Override
        public boolean delegateClass(String className) {
            return "io.rollout.uat.UatGate".equals(className);
        }
    }

    static List<Finding> check(String processBody, boolean scriptsAllowed) {
        String xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://rollout.io/test">
              <bpmn:process id="codeTest" isExecutable="true">
            """ + processBody + """
              </bpmn:process>
            </bpmn:definitions>
            """;
        Document document =
                (Document) Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                        .getDocument()
                        .getDomSource()
                        .getNode();
        return ModelCode.checkProcess(document, new World(scriptsAllowed));
    }

    @Test
    void whatTheRepositorysModelsDoPasses() {
        assertThat(check("""
            <bpmn:documentation>Calls ${anything.getClass()} in prose: never evaluated</bpmn:documentation>
            <bpmn:serviceTask id="ServiceTask_Gate" name="UAT gate ${round}" camunda:delegateExpression="${uatGate}"/>
            <bpmn:serviceTask id="ServiceTask_Class" camunda:class="io.rollout.uat.UatGate"/>
            <bpmn:callActivity id="CallActivity_Phase" calledElement="${phase}">
              <bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}"/></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${departments}" camunda:elementVariable="d">
                <bpmn:completionCondition>${nrOfCompletedInstances == nrOfInstances}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:callActivity>
            """, false)).isEmpty();
    }

    @Test
    void eachPlaceIsNamedByItsElementAndAttribute() {
        List<Finding> findings = check("""
            <bpmn:intermediateCatchEvent id="Timer_Wait" name="Wait">
              <bpmn:timerEventDefinition id="TimerDefinition_Wait"><bpmn:timeDate>${x.getClass()}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:serviceTask id="ServiceTask_Send" name="Send">
              <bpmn:extensionElements>
                <camunda:field name="to"><camunda:string>${x.class}</camunda:string></camunda:field>
                <camunda:field name="cc" expression="${now()}"/>
              </bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics id="Loop_Send" camunda:collection="${x['y']}">
                <bpmn:loopCardinality>${<!-- split -->y.getClass()}</bpmn:loopCardinality>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="ServiceTask_Other" camunda:class="java.lang.Runtime"/>
            """, false);

        assertThat(findings)
                .extracting(Finding::elementId, Finding::where, Finding::kind)
                .containsExactly(
                        tuple("Timer_Wait", "bpmn:timeDate", Kind.EXPRESSION),
                        tuple("ServiceTask_Send", "camunda:string", Kind.EXPRESSION),
                        tuple("ServiceTask_Send", "camunda:field \"cc\" expression", Kind.EXPRESSION),
                        tuple(
                                "ServiceTask_Send",
                                "bpmn:multiInstanceLoopCharacteristics camunda:collection",
                                Kind.EXPRESSION),
                        tuple("ServiceTask_Send", "bpmn:loopCardinality", Kind.EXPRESSION),
                        tuple("ServiceTask_Other", "camunda:class", Kind.JAVA_CLASS));
        assertThat(findings.get(0).element()).isEqualTo("Timer_Wait \"Wait\"");
    }

    @Test
    void scriptsTurnedOnDeployButTheirExpressionsAreStillChecked() {
        String body = """
            <bpmn:scriptTask id="ScriptTask_Js" name="JavaScript" scriptFormat="javascript">
              <bpmn:script>var s = `${template}`; execution.getProcessEngineServices()</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:userTask id="UserTask_Review" name="Review">
              <bpmn:extensionElements>
                <camunda:taskListener event="create" expression="${task.execution}"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """;

        assertThat(check(body, false))
                .extracting(Finding::elementId, Finding::kind)
                .containsExactly(tuple("ScriptTask_Js", Kind.SCRIPT), tuple("UserTask_Review", Kind.EXPRESSION));
        assertThat(check(body, true))
                .extracting(Finding::elementId, Finding::kind)
                .containsExactly(tuple("UserTask_Review", Kind.EXPRESSION));
    }
}
