package io.rollout.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.modelling.ModelReferences.Finding;
import io.rollout.modelling.ModelReferences.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

class ModelReferencesTests {

    /** A world with one bean, one class, one form, one group, one decision, one process and one served file. */
    static final ModelReferences.Known WORLD = new ModelReferences.Known() {
        @Override
        public boolean bean(String name) {
            return name.equals("uatGate");
        }

        @Override
        public boolean javaClass(String className) {
            return className.equals("java.lang.String");
        }

        @Override
        public boolean form(String id, String binding) {
            return id.equals("planProject") && !binding.equals("deployment");
        }

        @Override
        public boolean deploymentResource(String name) {
            return name.equals("forms/plan-project.form");
        }

        @Override
        public boolean servedFile(String path) {
            return path.equals("/forms/embedded/upload-extract.html");
        }

        @Override
        public boolean group(String groupId) {
            return Set.of("pmo", "dept-finance").contains(groupId);
        }

        @Override
        public boolean decision(String key, String binding) {
            return key.equals("changeRouting");
        }

        @Override
        public boolean process(String key, String binding) {
            return key.equals("planningPhase");
        }
    };

    static List<Finding> check(String processBody) {
        String xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://rollout.io/test">
              <bpmn:process id="referencesTest" isExecutable="true">
            """ + processBody + """
              </bpmn:process>
            </bpmn:definitions>
            """;
        return ModelReferences.check(
                Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), WORLD);
    }

    @Test
    void referencesThatExistPass() {
        assertThat(check("""
            <bpmn:serviceTask id="ServiceTask_UatGate" name="UAT gate" camunda:delegateExpression="${uatGate}"/>
            <bpmn:serviceTask id="ServiceTask_Log" camunda:expression="${execution.setVariable('x', 1)}"/>
            <bpmn:serviceTask id="ServiceTask_Class" camunda:class="java.lang.String"/>
            <bpmn:userTask id="UserTask_Plan" camunda:formRef="planProject" camunda:formRefBinding="latest"
                           camunda:candidateGroups="pmo, dept-finance, ${approverGroup}"/>
            <bpmn:userTask id="UserTask_Upload" camunda:formKey="embedded:/forms/embedded/upload-extract.html"/>
            <bpmn:userTask id="UserTask_Deployed" camunda:formKey="camunda-forms:deployment:forms/plan-project.form"/>
            <bpmn:businessRuleTask id="BusinessRuleTask_Route" camunda:decisionRef="changeRouting"/>
            <bpmn:callActivity id="CallActivity_Planning" calledElement="planningPhase"/>
            <bpmn:callActivity id="CallActivity_Computed" calledElement="${nextPhase}"/>
            """)).isEmpty();
    }

    @Test
    void everyMissingReferenceIsNamedWithItsElement() {
        List<Finding> findings = check("""
            <bpmn:serviceTask id="ServiceTask_Gate" name="Check   the gate" camunda:delegateExpression="${uatGat}"/>
            <bpmn:serviceTask id="ServiceTask_Class" camunda:class="io.rollout.NoSuchDelegate"/>
            <bpmn:userTask id="UserTask_Plan" name="Plan" camunda:formRef="planProjekt" camunda:candidateGroups="pmo,pmoo"/>
            <bpmn:userTask id="UserTask_Upload" camunda:formKey="embedded:/forms/embedded/missing.html"/>
            <bpmn:businessRuleTask id="BusinessRuleTask_Route" camunda:decisionRef="changeRoutin"/>
            <bpmn:callActivity id="CallActivity_Build" name="Build" calledElement="buildPhase"/>
            """);

        assertThat(findings)
                .containsExactly(
                        new Finding("ServiceTask_Gate", "ServiceTask_Gate \"Check the gate\"", Kind.BEAN, "uatGat"),
                        new Finding(
                                "ServiceTask_Class", "ServiceTask_Class", Kind.JAVA_CLASS, "io.rollout.NoSuchDelegate"),
                        new Finding("UserTask_Plan", "UserTask_Plan \"Plan\"", Kind.FORM, "planProjekt"),
                        new Finding("UserTask_Plan", "UserTask_Plan \"Plan\"", Kind.GROUP, "pmoo"),
                        new Finding(
                                "UserTask_Upload",
                                "UserTask_Upload",
                                Kind.FORM,
                                "embedded:/forms/embedded/missing.html"),
                        new Finding("BusinessRuleTask_Route", "BusinessRuleTask_Route", Kind.DECISION, "changeRoutin"),
                        new Finding("CallActivity_Build", "CallActivity_Build \"Build\"", Kind.PROCESS, "buildPhase"));
    }

    @Test
    void aListenerIsReportedOnTheElementItBelongsTo() {
        List<Finding> findings = check("""
            <bpmn:userTask id="UserTask_Approve" name="Approve">
              <bpmn:extensionElements>
                <camunda:taskListener delegateExpression="${specificationAproval}" event="complete"/>
                <camunda:executionListener class="io.rollout.Missing" event="start"/>
                <camunda:field name="threshold" expression="${thresholdVariable}"/>
              </bpmn:extensionElements>
            </bpmn:userTask>
            """);

        assertThat(findings)
                .extracting(Finding::elementId, Finding::kind, Finding::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UserTask_Approve", Kind.BEAN, "specificationAproval"),
                        org.assertj.core.groups.Tuple.tuple("UserTask_Approve", Kind.JAVA_CLASS, "io.rollout.Missing"));
    }

    @Test
    void aFormBoundToTheDeploymentMustBeInIt() {
        assertThat(check("""
            <bpmn:userTask id="UserTask_Plan" camunda:formRef="planProject" camunda:formRefBinding="deployment"/>
            """)).extracting(Finding::kind).containsExactly(Kind.FORM);
    }
}
