package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * Twin tasks share one form, which shows each task its own texts by a variable the task sets with an input mapping
 * (README, Forms). Every task that uses such a form sets the variable, to a value the form tells apart.
 */
class FormVariantsTests {

    /** A form shared by twin tasks: the variable that picks its texts, and its value in each task using the form. */
    record SharedForm(String form, String file, String variable, Map<String, String> valueByTask) {}

    static final List<SharedForm> SHARED = List.of(
            new SharedForm(
                    "writeStatusReport",
                    "write-status-report.form",
                    "reportKind",
                    Map.of("UserTask_WriteStatusReport", "weekly", "UserTask_HoldSteeringReview", "steering")),
            new SharedForm(
                    "planSessions",
                    "plan-sessions.form",
                    "sessionsKind",
                    Map.of("UserTask_PlanSessions", "plan", "UserTask_ScheduleMakeUpSessions", "make-up")),
            new SharedForm(
                    "escalateIncident",
                    "escalate-incident.form",
                    "incidentKind",
                    Map.of("UserTask_EscalateIncident", "hypercare", "UserTask_EscalateCriticalIncident", "critical")));

    @Test
    void everyTaskOfASharedFormSetsTheVariableThatPicksItsTexts() throws IOException {
        for (SharedForm shared : SHARED) {
            Map<String, String> valueByTask = new TreeMap<>();
            for (UserTask task : userTasks()) {
                if (shared.form().equals(task.getCamundaFormRef())) {
                    valueByTask.put(task.getId(), input(task, shared.variable()));
                }
            }
            assertThat(valueByTask).as(shared.form()).isEqualTo(new TreeMap<>(shared.valueByTask()));
        }
    }

    @Test
    void everySharedFormTellsTheValuesOfItsVariableApart() throws IOException {
        for (SharedForm shared : SHARED) {
            String form = Files.readString(Path.of("forms", shared.file()));
            long told = shared.valueByTask().values().stream()
                    .filter(value -> form.contains(shared.variable() + " = \\\"" + value + "\\\"")
                            || form.contains(shared.variable() + " != \\\"" + value + "\\\""))
                    .count();
            // the form names every value but one, the texts it shows otherwise
            assertThat(told).as(shared.file()).isEqualTo(shared.valueByTask().size() - 1);
        }
    }

    private static String input(UserTask task, String variable) {
        CamundaInputOutput io = task.getExtensionElements() == null
                ? null
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                        .findFirst()
                        .orElse(null);
        if (io == null) {
            return null;
        }
        return io.getCamundaInputParameters().stream()
                .filter(p -> variable.equals(p.getCamundaName()))
                .map(CamundaInputParameter::getTextContent)
                .findFirst()
                .orElse(null);
    }

    private static List<UserTask> userTasks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn"))
                    .flatMap(f -> Bpmn.readModelFromFile(f.toFile()).getModelElementsByType(UserTask.class).stream())
                    .toList();
        }
    }
}
