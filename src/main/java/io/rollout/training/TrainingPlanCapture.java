package io.rollout.training;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanTraining} (form {@code planTraining}). On create it prefills the dynamic
 * lists {@code trainees} (the roster: employee, department, role, login, seed user) and {@code curricula} (id,
 * name = the course attendance refers to, role, optional department, pass mark, description), and the users a login
 * is picked from, the select options {@code loginOptions} (the people of the working roles). On complete it
 * validates both — every row, a login is an existing user given to one trainee only, a seed user needs the login of
 * a key user, every role of the roster has a curriculum and every curriculum a role on the roster — and then
 * replaces roster and curricula. The roster can also come from Excel ({@link RosterTaskSheet}); both are
 * checked by {@link RosterRows}.
 */
@Component("trainingPlanCapture")
class TrainingPlanCapture implements TaskListener {

    static final String ROWS = "trainees";
    static final String CURRICULA = "curricula";
    static final String LOGINS = "loginOptions";

    private final TrainingRepository repository;
    private final CurriculumRepository curricula;
    private final TrainingRows validator;
    private final RosterRows rosterRows;
    private final RoleMembers members;
    private final ProjectScope projectScope;
    private final Messages messages;

    TrainingPlanCapture(TrainingRepository repository, CurriculumRepository curricula, TrainingRows validator,
                        RosterRows rosterRows, RoleMembers members, ProjectScope projectScope, Messages messages) {
        this.repository = repository;
        this.curricula = curricula;
        this.validator = validator;
        this.rosterRows = rosterRows;
        this.members = members;
        this.projectScope = projectScope;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ROWS, JsonRows.of(repository.roster(projectCode).stream()
                .map(TrainingPlanCapture::prefill).toList()));
            task.setVariableLocal(CURRICULA, JsonRows.of(curricula.curricula(projectCode).stream()
                .map(TrainingPlanCapture::prefill).toList()));
            task.setVariableLocal(LOGINS, JsonRows.of(members.choices(Roles.WORKING, null)));
            return;
        }
        List<String> problems = new ArrayList<>();
        List<Trainee> roster = rosterRows.roster(JsonRows.read(TaskForms.submitted(task, ROWS)), problems);
        int defaultPassMark = projectScope.project(projectCode).trainingPassMark();
        List<CurriculumRepository.Curriculum> planned = curricula(JsonRows.read(TaskForms.submitted(task, CURRICULA)),
            defaultPassMark, problems);
        if (problems.isEmpty()) {
            List<TrainingCompletionRule.Curriculum> forRule = planned.stream()
                .map(CurriculumRepository.Curriculum::forRule).toList();
            Set<String> rolesWithout = new LinkedHashSet<>();
            roster.stream().filter(t -> TrainingCompletionRule.curriculumOf(t, forRule).isEmpty())
                .forEach(t -> rolesWithout.add(t.role() + (t.department() == null ? "" : " (" + t.department() + ")")));
            rolesWithout.forEach(r -> problems.add(messages.get("training.curriculum.missingForRole", r)));
            Set<String> roles = new HashSet<>(roster.stream().map(Trainee::role).toList());
            planned.stream().filter(c -> !roles.contains(c.role()))
                .forEach(c -> problems.add(messages.get("training.curriculum.roleNotOnRoster", c.name(), c.role())));
        }
        FormInput.refuseIfAny(problems);
        repository.replaceRoster(projectCode, roster);
        curricula.replaceCurricula(projectCode, planned);
    }

    private List<CurriculumRepository.Curriculum> curricula(List<FormRow> rows, int defaultPassMark,
                                                           List<String> problems) {
        List<CurriculumRepository.Curriculum> planned = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> scopes = new HashSet<>();
        int next = 1;
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String id = row.text("curriculumId");
            String name = row.text("name");
            String role = row.text("role");
            String department = row.text("department");
            if (name == null) {
                problems.add(messages.get("form.row.required", row.number(), validator.label("curriculumName")));
            } else if (name.length() > TrainingRows.MAX_COURSE) {
                problems.add(messages.get("training.row.tooLong", row.number(), validator.label("curriculumName"),
                    TrainingRows.MAX_COURSE));
            } else if (!names.add(name)) {
                problems.add(messages.get("training.curriculum.duplicateName", row.number(), name));
            }
            if (role == null) {
                problems.add(messages.get("form.row.required", row.number(), validator.label("role")));
            } else if (!scopes.add(role + "|" + department)) {
                problems.add(messages.get("training.curriculum.duplicateScope", row.number(), role,
                    department == null ? "-" : department));
            }
            Integer passMark = defaultPassMark;
            if (row.text("passMark") != null) {
                try {
                    passMark = row.integer("passMark");
                    if (passMark < 0 || passMark > 100) {
                        problems.add(messages.get("training.row.scoreRange", row.number(), row.text("passMark")));
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    problems.add(messages.get("form.row.number", row.number(), validator.label("passMark"),
                        row.text("passMark")));
                }
            }
            String description = row.text("description");
            if (description != null && description.length() > 2000) {
                problems.add(messages.get("training.row.tooLong", row.number(), validator.label("description"), 2000));
            }
            if (problems.size() > before) {
                continue;
            }
            while (id == null && ids.contains("CUR-%02d".formatted(next))) {
                next++;
            }
            String curriculumId = id == null ? "CUR-%02d".formatted(next++) : id;
            if (!ids.add(curriculumId)) {
                problems.add(messages.get("training.curriculum.duplicateId", row.number(), curriculumId));
                continue;
            }
            planned.add(new CurriculumRepository.Curriculum(curriculumId, name, role, department, passMark, description));
        }
        if (planned.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("training.curriculum.none"));
        }
        return planned;
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
