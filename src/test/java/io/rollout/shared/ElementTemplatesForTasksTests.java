package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rollout.identity.DepartmentOwners;
import io.rollout.identity.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The element templates for reusable user tasks and project phases ({@code rollout-tasks.json}) offer only what exists
 * and reproduce what the models carry: forms of {@code forms/}, each labelled with the model it is written for; roles
 * of {@link Roles}; processes of {@code bpmn/}; the inputs of the project's call activities. A template offers exactly
 * the forms of the models' tasks for the groups or users it offers, so a new task's form appears in Modeler or fails
 * here. Schema validity is checked by {@link ElementTemplatesSchemaTests}.
 */
@ProcessTest
class ElementTemplatesForTasksTests {

    static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates/rollout-tasks.json");
    static final String PROJECT_MODEL = "implementation-project.bpmn";
    /** Choice labels end with the model the form or process belongs to: "Decide go / no-go (go-live.bpmn)". */
    static final Pattern MODEL_IN_LABEL = Pattern.compile(".+ \\(([a-z-]+\\.bpmn)\\)");

    static final Pattern BEAN_CALL = Pattern.compile("\\$\\{(\\w+)\\.of\\(\\w+\\)}");

    /** A user task of a model with a Camunda Form; groups and users as written in the model, or null. */
    record TaskUse(String model, String form, String groups, String users) {}

    static List<JsonNode> templates;
    static List<TaskUse> userTasks = new ArrayList<>();
    static Map<String, String> modelOfProcess = new HashMap<>();
    static Set<String> formIds = new HashSet<>();
    static List<CallActivity> projectPhases;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void readTemplatesModelsAndForms() throws IOException {
        ObjectMapper json = new ObjectMapper();
        templates = StreamSupport.stream(
                        json.readTree(Files.readString(TEMPLATES)).spliterator(), false)
                .toList();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String model = file.getFileName().toString();
                BpmnModelInstance instance = Bpmn.readModelFromFile(file.toFile());
                instance.getModelElementsByType(Process.class).forEach(p -> modelOfProcess.put(p.getId(), model));
                for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                    if (task.getCamundaFormRef() != null) {
                        userTasks.add(new TaskUse(
                                model,
                                task.getCamundaFormRef(),
                                task.getCamundaCandidateGroups(),
                                task.getCamundaCandidateUsers()));
                    }
                }
                if (model.equals(PROJECT_MODEL)) {
                    projectPhases = List.copyOf(instance.getModelElementsByType(CallActivity.class));
                }
            }
        }
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                formIds.add(json.readTree(file.toFile()).path("id").asText());
            }
        }
    }

    @Test
    void everyFormOfferedExistsInFormsAndIsUsedInTheModelItsLabelNames() {
        int offered = 0;
        for (JsonNode template : templates) {
            for (JsonNode choice : property(template, "camunda:formRef").path("choices")) {
                String form = choice.path("value").asText();
                assertThat(formIds).as("form %s of %s", form, id(template)).contains(form);
                String model = modelIn(choice);
                assertThat(userTasks)
                        .as("a task of %s with form %s", model, form)
                        .anyMatch(task ->
                                task.model().equals(model) && task.form().equals(form));
                offered++;
            }
        }
        assertThat(offered).isPositive();
    }

    @Test
    void everyCandidateGroupOfferedIsAWorkingRoleAndTheRoleTaskOffersEachOfThem() {
        for (JsonNode template : templates) {
            assertThat(Roles.WORKING)
                    .as(id(template))
                    .containsAll(offered(property(template, "camunda:candidateGroups")));
        }
        assertThat(offered(property(template("io.rollout.task.roleTask"), "camunda:candidateGroups")))
                .containsExactlyElementsOf(Roles.WORKING);
    }

    @Test
    void eachUserTaskTemplateOffersTheFormsOfExactlyTheTasksForTheGroupOrUsersItOffers() {
        for (JsonNode template : templates) {
            if (!template.path("appliesTo").toString().contains("bpmn:UserTask")) {
                continue;
            }
            List<String> groups = offered(property(template, "camunda:candidateGroups"));
            List<String> users = offered(property(template, "camunda:candidateUsers"));
            Set<String> expected = new TreeSet<>();
            userTasks.stream()
                    .filter(task -> groups.contains(task.groups()) || users.contains(task.users()))
                    .forEach(task -> expected.add(task.form()));
            assertThat(expected).as(id(template)).isNotEmpty();
            assertThat(new TreeSet<>(offered(property(template, "camunda:formRef"))))
                    .as(id(template))
                    .isEqualTo(expected);
        }
    }

    @Test
    void theDepartmentOwnersApprovalOffersEveryOwnersExpressionOfTheModelsOnAnExistingBean() {
        List<String> offered =
                offered(property(template("io.rollout.task.departmentOwnersApproval"), "camunda:candidateUsers"));
        Set<String> used = new TreeSet<>();
        userTasks.stream()
                .map(TaskUse::users)
                .filter(u -> u != null && u.startsWith("${departmentOwners.of("))
                .forEach(used::add);
        assertThat(new TreeSet<>(offered)).isEqualTo(used);
        for (String expression : offered) {
            Matcher call = BEAN_CALL.matcher(expression);
            assertThat(call.matches()).as(expression).isTrue();
            assertThat(context.getBean(call.group(1))).isInstanceOf(DepartmentOwners.class);
        }
    }

    @Test
    void everyProcessOfferedIsAProcessOfItsModelAndTheProjectPhaseOffersEveryPhaseOfTheProject() {
        for (JsonNode template : templates) {
            for (JsonNode choice : property(template, "calledElement").path("choices")) {
                String process = choice.path("value").asText();
                assertThat(modelOfProcess).as(process).containsKey(process);
                assertThat(modelIn(choice)).as(process).isEqualTo(modelOfProcess.get(process));
            }
        }
        assertThat(offered(property(template("io.rollout.task.projectPhase"), "calledElement")))
                .containsExactlyElementsOf(projectPhases.stream()
                        .map(CallActivity::getCalledElement)
                        .toList());
    }

    @Test
    void theProjectPhasePassesWhatEveryCallActivityOfTheProjectPasses() {
        Set<String> templated = new TreeSet<>();
        for (JsonNode property : template("io.rollout.task.projectPhase").path("properties")) {
            JsonNode binding = property.path("binding");
            String value = property.path("value").asText();
            switch (binding.path("type").asText()) {
                case "camunda:in:businessKey" -> templated.add("in businessKey " + value);
                case "camunda:in" ->
                    templated.add(
                            "in " + value + " -> " + binding.path("target").asText());
                case "camunda:out" ->
                    templated.add("out " + binding.path("source").asText() + " -> " + value);
                default -> {}
            }
        }
        assertThat(projectPhases).isNotEmpty();
        for (CallActivity phase : projectPhases) {
            assertThat(passed(phase)).as(phase.getId()).isEqualTo(templated);
            assertThat(phase.getCamundaCalledElementBinding())
                    .as("latest, as the template leaves it")
                    .isNull();
        }
    }

    @Test
    void everyTemplateIsNamedDescribedAndSafeToApply() {
        Set<String> ids = new HashSet<>();
        for (JsonNode template : templates) {
            String id = id(template);
            assertThat(id).startsWith("io.rollout.task.");
            assertThat(ids.add(id)).as("unique id %s", id).isTrue();
            assertThat(template.path("version").asInt()).isEqualTo(1);
            assertThat(template.path("name").asText()).isNotBlank();
            assertThat(template.path("description").asText()).isNotBlank();
            for (JsonNode property : template.path("properties")) {
                assertThat(property.path("label").asText()).as(id).isNotBlank();
                assertThat(property.path("description").asText()).as(id).isNotBlank();
                if (property.path("type").asText().equals("Dropdown")) {
                    // without a default Modeler would show the first choice but write nothing into the XML
                    List<String> values = offered(property);
                    assertThat(values)
                            .as(id)
                            .doesNotHaveDuplicates()
                            .contains(property.path("value").asText());
                }
            }
            if (!property(template, "camunda:formRef").isMissingNode()) {
                JsonNode version = property(template, "camunda:formRefBinding");
                assertThat(version.path("type").asText()).as(id).isEqualTo("Hidden");
                assertThat(version.path("value").asText()).as(id).isEqualTo("latest");
                // the forms need their model's task listeners, which no template can set: the description says so
                assertThat(template.path("description").asText()).as(id).contains("task listener", "Documentation");
            }
        }
    }

    static Set<String> passed(CallActivity phase) {
        Set<String> passed = new TreeSet<>();
        ExtensionElements extensions = phase.getExtensionElements();
        if (extensions == null) {
            return passed;
        }
        for (CamundaIn in :
                extensions.getElementsQuery().filterByType(CamundaIn.class).list()) {
            passed.add(
                    in.getCamundaBusinessKey() != null
                            ? "in businessKey " + in.getCamundaBusinessKey()
                            : "in " + in.getCamundaSource() + " -> " + in.getCamundaTarget());
        }
        for (CamundaOut out :
                extensions.getElementsQuery().filterByType(CamundaOut.class).list()) {
            passed.add("out " + out.getCamundaSource() + " -> " + out.getCamundaTarget());
        }
        return passed;
    }

    static JsonNode template(String id) {
        return templates.stream().filter(t -> id(t).equals(id)).findFirst().orElseThrow();
    }

    static String id(JsonNode template) {
        return template.path("id").asText();
    }

    /** The template's property bound to the attribute {@code name}, or a missing node. */
    static JsonNode property(JsonNode template, String name) {
        for (JsonNode property : template.path("properties")) {
            if (property.path("binding").path("name").asText().equals(name)) {
                return property;
            }
        }
        return MissingNode.getInstance();
    }

    /** The values a property can set: a dropdown's choices, else its fixed value. */
    static List<String> offered(JsonNode property) {
        List<String> values = new ArrayList<>();
        if (property.has("choices")) {
            property.path("choices")
                    .forEach(choice -> values.add(choice.path("value").asText()));
        } else if (property.has("value")) {
            values.add(property.path("value").asText());
        }
        return values;
    }

    static String modelIn(JsonNode choice) {
        Matcher label = MODEL_IN_LABEL.matcher(choice.path("name").asText());
        assertThat(label.matches()).as("model named in %s", choice.path("name")).isTrue();
        return label.group(1);
    }
}
