package io.rollout.modelling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Roles;
import io.rollout.shared.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose BPMN refers to something that is not there: a delegate bean or class, a form, a
 * candidate group that is no Rollout role or Camunda group, a decision or a called process — neither in the
 * deployment itself nor deployed before. Runs before the engine's own deployers for every new deployment, from
 * Camunda Modeler, the REST API or the application's start, so the engine stores nothing; the process owner gets
 * one message that lists every problem by file and element. Re-reading an existing deployment (a cache miss, a
 * second node) is not checked again: it was checked when it was made.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext context;
    private final ResourceLoader files;
    private final Messages messages;
    private final Set<String> knownGroups = new HashSet<>(Roles.ALL);
    private final String offeredGroups;

    DeploymentGuard(ApplicationContext context, ResourceLoader files, Messages messages,
                    @Value("${rollout.departments}") List<String> departments) {
        this.context = context;
        this.files = files;
        this.messages = messages;
        departments.forEach(d -> knownGroups.add(Roles.departmentGroup(d)));
        List<String> offered = new ArrayList<>(Roles.WORKING);
        departments.forEach(d -> offered.add(Roles.departmentGroup(d)));
        this.offeredGroups = String.join(", ", offered);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> pre = configuration.getCustomPreDeployers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        pre.add(this);
        configuration.setCustomPreDeployers(pre);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Contents contents = Contents.of(deployment.getResources());
        Map<String, List<ModelReferences.Finding>> byResource = new TreeMap<>();
        for (Map.Entry<String, BpmnModelInstance> model : contents.models().entrySet()) {
            List<ModelReferences.Finding> findings = ModelReferences.check(model.getValue(),
                new KnownHere(contents, Context.getCommandContext()));
            if (!findings.isEmpty()) {
                byResource.put(model.getKey(), findings);
            }
        }
        if (byResource.isEmpty()) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        byResource.forEach((resource, findings) -> findings.forEach(f -> {
            String text = message(resource, f);
            lines.add(text);
            problems.add(new ReferenceProblem(text, f.elementId()));
        }));
        String summary = messages.get("modelling.deployment.rejected", lines.size(), String.join("\n", lines));
        throw new ParseException(summary, String.join(", ", byResource.keySet()), problems, List.of());
    }

    private String message(String resource, ModelReferences.Finding f) {
        String code = switch (f.kind()) {
            case BEAN -> "modelling.reference.bean";
            case JAVA_CLASS -> "modelling.reference.class";
            case FORM -> "modelling.reference.form";
            case GROUP -> "modelling.reference.group";
            case DECISION -> "modelling.reference.decision";
            case PROCESS -> "modelling.reference.process";
        };
        return messages.get(code, resource, f.element(), f.reference(), offeredGroups);
    }

    /** The deployment's own resources, read once: its BPMN models, form ids, decision and process keys. */
    record Contents(Map<String, BpmnModelInstance> models, Set<String> resourceNames, Set<String> formIds,
                    Set<String> decisionKeys, Set<String> processKeys) {

        static Contents of(Map<String, ResourceEntity> resources) {
            Map<String, BpmnModelInstance> models = new TreeMap<>();
            Set<String> forms = new HashSet<>();
            Set<String> decisions = new HashSet<>();
            Set<String> processes = new HashSet<>();
            for (ResourceEntity r : resources.values()) {
                String name = r.getName();
                byte[] bytes = r.getBytes();
                try {
                    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
                        models.put(name, model);
                        model.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
                    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                        DmnModelInstance dmn = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
                        dmn.getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId()));
                    } else if (name.endsWith(".form")) {
                        JsonNode id = JSON.readTree(bytes).path("id");
                        if (id.isTextual()) {
                            forms.add(id.asText());
                        }
                    }
                } catch (RuntimeException | IOException unreadable) {
                    // not ours to judge: the engine's own deployers reject a file they cannot parse, with its reason
                }
            }
            return new Contents(models, new HashSet<>(resources.keySet()), forms, decisions, processes);
        }
    }

    /** What exists: this deployment first, then what the engine has deployed, the beans and the identity store. */
    private final class KnownHere implements ModelReferences.Known {

        private final Contents contents;
        private final CommandContext command;

        KnownHere(Contents contents, CommandContext command) {
            this.contents = contents;
            this.command = command;
        }

        @Override
        public boolean bean(String name) {
            return context.containsBean(name);
        }

        @Override
        public boolean javaClass(String className) {
            try {
                Class.forName(className, false, DeploymentGuard.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        @Override
        public boolean form(String id, String binding) {
            if (contents.formIds().contains(id)) {
                return true;
            }
            // binding "deployment" resolves within this deployment only
            return !"deployment".equals(binding)
                && command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id) != null;
        }

        @Override
        public boolean deploymentResource(String name) {
            return contents.resourceNames().contains(name);
        }

        @Override
        public boolean servedFile(String path) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            return files.getResource("classpath:static/" + relative).exists()
                || files.getResource("classpath:public/" + relative).exists()
                || files.getResource("classpath:" + relative).exists();
        }

        @Override
        public boolean group(String groupId) {
            return knownGroups.contains(groupId) || command.runWithoutAuthorization(
                () -> command.getReadOnlyIdentityProvider().findGroupById(groupId) != null);
        }

        @Override
        public boolean decision(String key, String binding) {
            if (contents.decisionKeys().contains(key)) {
                return true;
            }
            return !"deployment".equals(binding)
                && command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
        }

        @Override
        public boolean process(String key, String binding) {
            if (contents.processKeys().contains(key)) {
                return true;
            }
            return !"deployment".equals(binding)
                && command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
        }
    }

    /** One problem as the REST API's deployment error lists it (Modeler shows them under the failed deployment). */
    record ReferenceProblem(String message, String elementId) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return List.of(elementId);
        }
    }
}
