package io.rollout.requirements;

import io.rollout.requirements.RequirementRepository.ResearchActivity;
import io.rollout.requirements.RequirementRules.Session;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * One research session with a department: {@code UserTask_InterviewDepartment}, {@code UserTask_RunQuestionnaire} and
 * {@code UserTask_MapProcesses} in {@code requirementsPhase} (form {@code recordResearchActivity}; each task sets
 * {@code researchMethod} to {@code interview}, {@code questionnaire} or {@code process-mapping}). On create it gives
 * the form the department's name ({@code departmentName}, task-local). On complete it needs {@code heldOn} (an ISO
 * date) and {@code participants}, with optional {@code activityNotes} ({@link RequirementRules#session}); it refuses
 * the submission naming every missing or bad field, else stores a row in {@code research_activity}. The three variables
 * are local to each task (input parameters), so the parallel sessions of a department never see each other's answers.
 */
@Component("researchActivity")
class ResearchActivityRecorder extends FormTaskListener {

    static final List<String> METHODS = List.of("interview", "questionnaire", "process-mapping");

    private final RequirementRepository requirements;
    private final RequirementTables tables;
    private final Messages messages;

    ResearchActivityRecorder(RequirementRepository requirements, RequirementTables tables, Messages messages) {
        this.requirements = requirements;
        this.tables = tables;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        TaskForms.prefill(task, "departmentName", tables.department(ProcessVariables.department(task)));
    }

    @Override
    protected void complete(DelegateTask task) {
        String method = ProcessVariables.string(task, "researchMethod");
        if (!METHODS.contains(method)) {
            throw new IllegalStateException("research method " + method + " of task " + task.getTaskDefinitionKey());
        }
        Session session = RequirementRules.session(
                FormInput.text(task.getVariable("heldOn")),
                FormInput.text(task.getVariable("participants")),
                FormInput.text(task.getVariable("activityNotes")));
        if (!session.problems().isEmpty()) {
            throw Problem.reject(messages, session.problems());
        }
        requirements.insertResearchActivity(
                new ResearchActivity(
                        ProcessVariables.projectCode(task),
                        ProcessVariables.department(task),
                        method,
                        session.heldOn(),
                        session.participants(),
                        session.notes()),
                TaskForms.currentUser(task));
    }
}
