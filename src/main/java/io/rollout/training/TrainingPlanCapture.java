package io.rollout.training;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectScope;
import io.rollout.shared.Checked;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanTraining} (form {@code planTraining}). On create it prefills the dynamic
 * lists {@code trainees} (the roster: employee, department, role, login, seed user) and {@code curricula} (id,
 * name = the course attendance refers to, role, optional department, pass mark, description), and the users a login
 * is picked from, the select options {@code loginOptions} (the people of the working roles). On complete it
 * validates both — every row, a login is an existing user given to one trainee only, a seed user needs the login of
 * a key user, every role of the roster has a curriculum and every curriculum a role on the roster — and then
 * replaces roster and curricula. The roster can also come from Excel ({@link RosterTaskSheet}); both are
 * checked by {@link RosterRows}, the curricula and how they fit the roster by {@link TrainingRules}.
 */
@Component("trainingPlanCapture")
class TrainingPlanCapture extends FormTaskListener {

    static final String ROWS = "trainees";
    static final String CURRICULA = "curricula";
    static final String LOGINS = "loginOptions";

    private final TrainingRepository repository;
    private final CurriculumRepository curricula;
    private final RosterRows rosterRows;
    private final RoleMembers members;
    private final ProjectScope projectScope;
    private final Messages messages;

    TrainingPlanCapture(
            TrainingRepository repository,
            CurriculumRepository curricula,
            RosterRows rosterRows,
            RoleMembers members,
            ProjectScope projectScope,
            Messages messages) {
        this.repository = repository;
        this.curricula = curricula;
        this.rosterRows = rosterRows;
        this.members = members;
        this.projectScope = projectScope;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        task.setVariableLocal(
                ROWS,
                JsonRows.of(repository.roster(projectCode).stream()
                        .map(TrainingPlanCapture::prefill)
                        .toList()));
        task.setVariableLocal(
                CURRICULA,
                JsonRows.of(curricula.curricula(projectCode).stream()
                        .map(TrainingPlanCapture::prefill)
                        .toList()));
        task.setVariableLocal(LOGINS, JsonRows.of(members.choices(Roles.WORKING, null)));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        // the roster's cells are checked by RosterRows, shared with the Excel import, which words its own problems
        List<String> problems = new ArrayList<>();
        List<Trainee> roster = rosterRows.roster(JsonRows.read(TaskForms.submitted(task, ROWS)), problems);
        Checked<List<CurriculumRepository.Curriculum>> planned = TrainingRules.curricula(
                JsonRows.read(TaskForms.submitted(task, CURRICULA)),
                projectScope.project(projectCode).trainingPassMark());
        planned.problems().forEach(p -> problems.add(p.text(messages)));
        if (problems.isEmpty()) {
            TrainingRules.fit(roster, planned.value()).forEach(p -> problems.add(p.text(messages)));
        }
        FormInput.refuseIfAny(problems);
        repository.replaceRoster(projectCode, roster);
        curricula.replaceCurricula(projectCode, planned.value());
    }

    /** A trainee as a row of the form's list {@code trainees}. */
    static Map<String, Object> prefill(Trainee t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("employeeId", t.employeeId());
        row.put("name", t.name());
        row.put("department", t.department());
        row.put("role", t.role());
        row.put("userId", t.userId());
        row.put("seedUser", t.seedUser());
        return row;
    }

    private static Map<String, Object> prefill(CurriculumRepository.Curriculum c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("curriculumId", c.id());
        row.put("name", c.name());
        row.put("role", c.role());
        row.put("department", c.department());
        row.put("passMark", c.passMark());
        row.put("description", c.description());
        return row;
    }
}
