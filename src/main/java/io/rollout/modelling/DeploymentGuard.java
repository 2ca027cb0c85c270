package io.rollout.modelling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.Roles;
import io.rollout.shared.ForModels;
import io.rollout.shared.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;
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
import org.w3c.dom.Document;

/**
 * Refuses a deployment whose BPMN refers to something that is not there: a delegate bean or class, a form, a
 * candidate group that is no Rollout role or Camunda group, a decision or a called process — neither in the
 * deployment itself nor deployed before. Runs before the engine's own deployers for every new deployment, from
 * Camunda Modeler, the REST API or the application's start, so the engine stores nothing; the process owner gets
 * one message that lists every problem by file and element. Re-reading an existing deployment (a cache miss, a
 * second node) is not checked again: it was checked when it was made.
 * <p>
 * It also refuses a model that would run code ({@link ModelCode}): every expression must fit {@link ExpressionPolicy}
 * (Rollout beans and their methods marked {@link ForModels}, variables, literals, operators, a few getters of
 * {@code execution} and {@code task}); scripts of every format are refused unless {@code rollout.modelling.allow-scripts}
 * is {@code true}; a {@code camunda:class} must be a delegate or listener of Rollout; DMN tables must use FEEL; CMMN
 * case models are refused. Both checks report together, in one message.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext context;
    private final ModelBeans beans;
    private final ResourceLoader files;
    private final Messages messages;
    private final Set<String> knownGroups = new HashSet<>(Roles.ALL);
    private final String offeredGroups;
    private final boolean allowScripts;

    DeploymentGuard(
            ApplicationContext context,
            ModelBeans beans,
            ResourceLoader files,
            Messages messages,
            @Value("${rollout.departments}") List<String> departments,
            @Value("${rollout.modelling.allow-scripts:false}") boolean allowScripts) {
        this.context = context;
        this.beans = beans;
        this.allowScripts = allowScripts;
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
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        pre.add(this);
        configuration.setCustomPreDeployers(pre);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Contents contents = Contents.of(deployment.getResources());
        KnownHere known = new KnownHere(contents, Context.getCommandContext());
        Refusals refusals = new Refusals();
        otherResources(contents, refusals);
        processModels(contents, known, refusals);
        retentions(contents, refusals);
        decisionTables(contents, known, refusals);
        if (!refusals.byResource.isEmpty()) {
            throw refused(refusals);
        }
    }

    /** What a deployment is refused for, by resource, and whether any of it is code or a shorter history. */
    private static final class Refusals {

        final Map<String, List<Problem>> byResource = new TreeMap<>();
        boolean code;
        boolean retention;

        void add(String resource, Problem problem) {
            byResource.computeIfAbsent(resource, r -> new ArrayList<>()).add(problem);
        }
    }

    // case models and resources of no kind a model deploys with
    private void otherResources(Contents contents, Refusals refusals) {
        for (String caseModel : contents.caseModels()) {
            refusals.add(caseModel, new ReferenceProblem(messages.get("modelling.code.caseModel", caseModel), ""));
            refusals.code = true;
        }
        for (String other : contents.otherResources()) {
            refusals.add(other, new ReferenceProblem(messages.get("modelling.code.resource", other), ""));
            refusals.code = true;
        }
    }

    // a process model's references to beans, forms and processes, and code it would run
    private void processModels(Contents contents, KnownHere known, Refusals refusals) {
        for (Map.Entry<String, BpmnModelInstance> model : contents.models().entrySet()) {
            String resource = model.getKey();
            for (ModelReferences.Finding f : ModelReferences.check(model.getValue(), known)) {
                refusals.add(resource, new ReferenceProblem(message(resource, f), f.elementId()));
            }
            Document document =
                    (Document) model.getValue().getDocument().getDomSource().getNode();
            for (ModelCode.Finding f : ModelCode.checkProcess(document, known)) {
                refusals.add(resource, new ReferenceProblem(message(resource, f), f.elementId()));
                refusals.code = true;
            }
        }
    }

    // each process against the latest deployed version of it
    private void retentions(Contents contents, Refusals refusals) {
        for (Map.Entry<String, BpmnModelInstance> model : contents.models().entrySet()) {
            for (Process process : model.getValue().getModelElementsByType(Process.class)) {
                ProcessDefinitionEntity latest = Context.getCommandContext()
                        .getProcessDefinitionManager()
                        .findLatestProcessDefinitionByKey(process.getId());
                Optional<Problem> shorter = shorterRetention(
                        model.getKey(),
                        process.getId(),
                        process.getCamundaHistoryTimeToLiveString(),
                        latest == null ? null : latest.getHistoryTimeToLive(),
                        latest == null ? 0 : latest.getVersion());
                if (shorter.isPresent()) {
                    refusals.add(model.getKey(), shorter.get());
                    refusals.retention = true;
                }
            }
        }
    }

    private void decisionTables(Contents contents, KnownHere known, Refusals refusals) {
        for (Map.Entry<String, Document> table : contents.decisionDocuments().entrySet()) {
            for (ModelCode.Finding f : ModelCode.checkDecisions(table.getValue(), known)) {
                refusals.add(table.getKey(), new ReferenceProblem(message(table.getKey(), f), f.elementId()));
                refusals.code = true;
            }
        }
    }

    private ParseException refused(Refusals refusals) {
        List<Problem> problems = new ArrayList<>();
        refusals.byResource.values().forEach(problems::addAll);
        List<String> lines = problems.stream().map(Problem::getMessage).toList();
        // the reference message speaks of references only; a model that would run code is told what a model may do
        String summary = messages.get(
                refusals.code
                        ? "modelling.deployment.refused"
                        : refusals.retention ? "modelling.deployment.problems" : "modelling.deployment.rejected",
                lines.size(),
                String.join("\n", lines));
        return new ParseException(summary, String.join(", ", refusals.byResource.keySet()), problems, List.of());
    }

    /**
     * A new version may not keep its history shorter than the deployed one: the engine removes history by the time
     * to live of the version an instance runs on, so a redesign with a short time to live, started by new projects or
     * migrated onto by running ones, would let the nightly cleanup take their history early (README "History
     * retention"). A first version and a longer or equal time to live pass.
     */
    private Optional<Problem> shorterRetention(
            String resource, String key, String declared, Integer deployedDays, int deployedVersion) {
        if (deployedDays == null) {
            return Optional.empty();
        }
        Integer days;
        try {
            days = declared == null ? null : ParseUtil.parseHistoryTimeToLive(declared);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the engine's own parser refuses it with its reason
        }
        if (days != null && days >= deployedDays) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceProblem(
                messages.get(
                        "modelling.retention.shorter",
                        resource,
                        key,
                        declared == null ? "-" : declared,
                        deployedVersion,
                        deployedDays),
                key));
    }

    private String message(String resource, ModelCode.Finding f) {
        return switch (f.kind()) {
            case SCRIPT -> messages.get("modelling.code.script", resource, f.element(), f.where(), f.subject());
            case JAVA_CLASS -> messages.get("modelling.code.class", resource, f.element(), f.where(), f.subject());
            case EXPRESSION -> {
                String getters = String.join(", ", new TreeSet<>(ExpressionPolicy.ENGINE_GETTERS));
                List<String> reasons = f.reasons().stream()
                        .map(v -> messages.get(v.code(), v.subject(), getters))
                        .toList();
                yield messages.get(
                        "modelling.code.expression",
                        resource,
                        f.element(),
                        f.where(),
                        f.subject(),
                        String.join("; ", reasons));
            }
        };
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

    /**
     * The deployment's own resources, read once: its BPMN models, form ids, decision and process keys, its DMN
     * documents, and the files that have no place in a deployment (CMMN case models, anything but models, forms and
     * diagram images).
     */
    record Contents(
            Map<String, BpmnModelInstance> models,
            Set<String> resourceNames,
            Set<String> formIds,
            Set<String> decisionKeys,
            Set<String> processKeys,
            Map<String, Document> decisionDocuments,
            Set<String> caseModels,
            Set<String> otherResources) {

        static Contents of(Map<String, ResourceEntity> resources) {
            Map<String, BpmnModelInstance> models = new TreeMap<>();
            Set<String> forms = new HashSet<>();
            Set<String> decisions = new HashSet<>();
            Set<String> processes = new HashSet<>();
            Map<String, Document> tables = new TreeMap<>();
            Set<String> caseModels = new TreeSet<>();
            Set<String> others = new TreeSet<>();
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
                        tables.put(name, (Document)
                                dmn.getDocument().getDomSource().getNode());
                    } else if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
                        caseModels.add(name);
                    } else if (name.endsWith(".form")) {
                        JsonNode id = JSON.readTree(bytes).path("id");
                        if (id.isTextual()) {
                            forms.add(id.asText());
                        }
                    } else if (!name.endsWith(".png")) {
                        // besides models a deployment carries Camunda Forms and diagram images; anything else would
                        // be code: an HTML form or page runs its scripts in the browser of whoever opens it (Tasklist
                        // shows embedded:deployment: forms, the REST API serves every resource), a script file is run
                        // by the engine
                        others.add(name);
                    }
                } catch (RuntimeException | IOException unreadable) {
                    // not ours to judge: the engine's own deployers reject a file they cannot parse, with its reason
                }
            }
            return new Contents(
                    models, new HashSet<>(resources.keySet()), forms, decisions, processes, tables, caseModels, others);
        }
    }

    /** What exists: this deployment first, then what the engine has deployed, the beans and the identity store. */
    private final class KnownHere implements ModelReferences.Known, ModelCode.Code {

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
        public ExpressionPolicy.BeanUse use(String name) {
            return beans.use(name);
        }

        @Override
        public boolean offers(String bean, String method) {
            return beans.offers(bean, method);
        }

        @Override
        public boolean delegateClass(String className) {
            if (!className.startsWith("io.rollout.")) {
                return false;
            }
            try {
                // not initialised: loading a class to look at it must not run its static code
                return ModelBeans.delegate(Class.forName(className, false, DeploymentGuard.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // a missing class is reported by the reference check
                return true;
            }
        }

        @Override
        public boolean scriptsAllowed() {
            return allowScripts;
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
            return knownGroups.contains(groupId)
                    || command.runWithoutAuthorization(
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
