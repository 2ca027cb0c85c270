package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class NoJavaObjectVariablesTests {

    @Autowired
    TaskService tasks;

    Task task;

    @BeforeEach
    void aTask() {
        task = tasks.newTask();
        tasks.saveTask(task);
    }

    @AfterEach
    void removeTask() {
        tasks.deleteTask(task.getId(), true);
    }

    @Test
    void aJavaObjectIsRefusedWithItsClassAndNothingIsStored() {
        assertThatThrownBy(() -> tasks.setVariable(task.getId(), "hours", new BigDecimal("2.8")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("'hours'")
                .hasMessageContaining("java.math.BigDecimal")
                .hasMessageContaining("Json");
        assertThatThrownBy(() -> tasks.setVariable(task.getId(), "testers", new ArrayList<>(List.of("sunli"))))
                .hasMessageContaining("java.util.ArrayList");
        assertThat(tasks.getVariables(task.getId())).isEmpty();
    }

    @Test
    void numbersAndJsonAreStoredAsValuesTasklistShows() {
        tasks.setVariables(
                task.getId(),
                Map.of(
                        "hours",
                        FormInput.formNumber(new BigDecimal("2.8")),
                        "rows",
                        JsonRows.of(List.of(Map.of("caseId", "TC-1")))));

        TypedValue hours = tasks.getVariableTyped(task.getId(), "hours");
        assertThat(hours.getType().getName()).isEqualTo("double");
        assertThat(hours.getValue()).isEqualTo(2.8);
        assertThat(tasks.getVariableTyped(task.getId(), "rows", false).getType().getName())
                .isEqualTo("json");
    }
}
