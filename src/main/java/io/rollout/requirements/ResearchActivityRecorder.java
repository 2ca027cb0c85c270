package io.rollout.requirements;

import io.rollout.requirements.RequirementRepository.ResearchActivity;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * One research session with a department: {@code UserTask_InterviewDepartment},
 * {@code UserTask_RunQuestionnaire} and {@code UserTask_MapProcesses} in {@code requirementsPhase} (form
 * {@code recordResearchActivity}; each task sets {@code researchMethod} to {@code interview},
 * {@code questionnaire} or {@code process-mapping}). On create it gives the form the department's name
 * ({@code departmentName}, task-local). On complete it needs {@code heldOn} (an ISO date) and
 * {@code participants}, with optional {@code activityNotes}; it refuses the submission naming every missing or
 * bad field, else stores a row in {@code research_activity}. The three variables are local to each task (input
 * parameters), so the parallel sessions of a department never see each other's answers.
 */
@Component("researchActivity")
class ResearchActivityRecorder implements TaskListener {

    static final List<String> METHODS = List.of("interview", "questionnaire", "process-mapping");
    private static final int PARTICIPANTS_MAX = 1000;
    private static final int NOTES_MAX = 4000;

    private final RequirementRepository requirements;
    private final RequirementTables tables;
    private final Messages messages;

    ResearchActivityRecorder(RequirementRepository requirements, RequirementTables tables, Messages messages) {
        this.requirements = requirements;
        this.tables = tables;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskForms.prefill(task, "departmentName", tables.department((String) task.getVariable("department")));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String method = (String) task.getVariable("researchMethod");
        if (!METHODS.contains(method)) {
            throw new IllegalStateException("research method " + method + " of task " + task.getTaskDefinitionKey());
        }
        List<String> problems = new ArrayList<>();
        String heldOnText = FormInput.text(task.getVariable("heldOn"));
        LocalDate heldOn = null;
        if (heldOnText == null) {
            problems.add(messages.get("form.field.required", "heldOn"));
        } else {
            try {
                heldOn = LocalDate.parse(heldOnText.length() > 10 ? heldOnText.substring(0, 10) : heldOnText);
            } catch (DateTimeParseException e) {
                problems.add(messages.get("requirements.research.date", heldOnText));
            }
        }
        String participants = FormInput.text(task.getVariable("participants"));
        if (participants == null) {
            problems.add(messages.get("form.field.required", "participants"));
        } else if (participants.length() > PARTICIPANTS_MAX) {
            problems.add(messages.get("requirements.research.tooLong", "participants", PARTICIPANTS_MAX));
        }
        String notes = FormInput.text(task.getVariable("activityNotes"));
        if (notes != null && notes.length() > NOTES_MAX) {
            problems.add(messages.get("requirements.research.tooLong", "activityNotes", NOTES_MAX));
        }
        FormInput.refuseIfAny(problems);
        requirements.insertResearchActivity(new ResearchActivity((String) task.getVariable("projectCode"),
            (String) task.getVariable("department"), method, heldOn, participants, notes), TaskForms.currentUser(task));
    }
}
