package io.rollout.training;

import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanTraining} (form {@code planTraining}). On create it prefills
 * the dynamic list {@code trainees} with the roster and {@code curriculum} with the saved plan; on
 * complete it validates every row (employee id, name and role required, no duplicate employee ids,
 * at least one trainee) and then replaces the roster and stores the curriculum.
 */
@Component("trainingPlanCapture")
class TrainingPlanCapture implements TaskListener {

    static final String ROWS = "trainees";
    static final String CURRICULUM = "curriculum";
    static final int MAX_CURRICULUM = 4000;

    private final TrainingRepository repository;
    private final TrainingRows validator;
    private final Messages messages;

    TrainingPlanCapture(TrainingRepository repository, TrainingRows validator, Messages messages) {
        this.repository = repository;
        this.validator = validator;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ROWS, JsonRows.of(repository.roster(projectCode).stream()
                .map(TrainingPlanCapture::prefill).toList()));
            task.setVariableLocal(CURRICULUM, repository.curriculum(projectCode).orElse(null));
            return;
        }
        List<String> problems = new ArrayList<>();
        List<Trainee> roster = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            if (row.isBlank()) {
                continue;
            }
            Trainee trainee = validator.trainee(row, problems);
            if (trainee != null && !seen.add(trainee.employeeId())) {
                problems.add(messages.get("training.trainee.duplicate", row.number(), trainee.employeeId()));
            } else if (trainee != null) {
                roster.add(trainee);
            }
        }
        if (roster.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("training.trainee.none"));
        }
        Object submittedCurriculum = TaskForms.submitted(task, CURRICULUM);
        String curriculum = submittedCurriculum == null || submittedCurriculum.toString().isBlank()
            ? null : submittedCurriculum.toString().trim();
        if (curriculum != null && curriculum.length() > MAX_CURRICULUM) {
            problems.add(messages.get("training.curriculum.tooLong", MAX_CURRICULUM));
        }
        FormInput.refuseIfAny(problems);
        repository.replaceRoster(projectCode, roster);
        repository.savePlan(projectCode, curriculum, TaskForms.currentUser(task));
    }

    private static Map<String, Object> prefill(Trainee t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", t.employeeId());
        row.put("name", t.name());
        row.put("department", t.department());
        row.put("role", t.role());
        return row;
    }
}
