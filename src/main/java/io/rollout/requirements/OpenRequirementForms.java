package io.rollout.requirements;

import io.rollout.identity.CurrentUser;
import io.rollout.shared.JsonRows;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Keeps the requirement tables of open {@code UserTask_CaptureRequirements} and
 * {@code UserTask_ClarifyRequirements} forms in step with the stored requirements: a form's list is
 * filled when its task is created, so an import while the task is open refreshes it, or the consultant
 * would see (and submit) the rows as they were before the import.
 */
@Component
class OpenRequirementForms {

    static final List<String> TASKS = List.of("UserTask_CaptureRequirements", "UserTask_ClarifyRequirements");

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CurrentUser user;
    private final RequirementRepository requirements;

    OpenRequirementForms(
            TaskService tasks, RuntimeService runtime, CurrentUser user, RequirementRepository requirements) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.user = user;
        this.requirements = requirements;
    }

    /** Refreshes the open forms of the project, whoever imported (the importer may not see the tasks). */
    void refresh(String projectCode) {
        user.runAsApplication(() -> {
            for (Task task : tasks.createTaskQuery()
                    .processInstanceBusinessKey(projectCode)
                    .taskDefinitionKeyIn(TASKS.toArray(String[]::new))
                    .list()) {
                String department = (String) runtime.getVariable(task.getExecutionId(), "department");
                List<Requirement> rows = department == null
                        ? requirements.findByProject(projectCode)
                        : requirements.findByDepartment(projectCode, department);
                runtime.setVariableLocal(
                        task.getExecutionId(),
                        RequirementCapture.ROWS,
                        JsonRows.of(rows.stream().map(RequirementCapture::row).toList()));
            }
        });
    }
}
