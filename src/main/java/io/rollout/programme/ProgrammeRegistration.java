package io.rollout.programme;

import io.rollout.identity.DepartmentOwners;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code programme} ({@code StartEvent_ProgrammeStarted}, its Tasklist start form
 * {@code startProgramme} or {@code POST /api/programmes}): checks the programme — code, name, at least two phases,
 * each with a new project code, a project name, departments and modules — stores it with its phases and writes
 * the phases that {@link ProgrammePhases} gives the sequential multi-instance. A refused programme names every
 * problem and stores nothing. The departments of every phase are checked now as a project's start checks them
 * (known, with a business owner): a later phase starts when the one before reaches operations, and a department
 * found wrong only then would stop that step. The form's tag lists submit departments, modules and datasets as
 * lists; REST and older forms send them as text separated by commas.
 */
@Component("programmeRegistration")
class ProgrammeRegistration implements ExecutionListener {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,31}");

    private final ProgrammeRepository repository;
    private final ProjectRepository projects;
    private final DepartmentOwners owners;
    private final List<String> knownDepartments;
    private final Messages messages;

    ProgrammeRegistration(
            ProgrammeRepository repository,
            ProjectRepository projects,
            DepartmentOwners owners,
            @Value("${rollout.departments}") List<String> knownDepartments,
            Messages messages) {
        this.repository = repository;
        this.projects = projects;
        this.owners = owners;
        this.knownDepartments = knownDepartments;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String raw = FormInput.text(execution.getVariable("programmeCode"));
        String code = raw == null ? null : raw.toUpperCase();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(messages.get("programme.code", raw == null ? "" : raw));
        } else if (repository.exists(code)) {
            problems.add(messages.get("programme.exists", code));
        }
        String name = FormInput.text(execution.getVariable("programmeName"));
        if (name == null) {
            problems.add(messages.get("form.field.required", "name"));
        }
        List<ProgrammeRepository.Phase> phases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<FormRow> rows = JsonRows.read(execution.getVariable("phases")).stream()
                .filter(r -> !r.isBlank())
                .toList();
        for (int i = 0; i < rows.size(); i++) {
            phases.add(phase(rows.get(i), i + 1, seen, problems));
        }
        if (rows.size() < 2) {
            problems.add(messages.get("programme.phases"));
        }
        FormInput.refuseIfAny(problems);
        String startedBy = FormInput.text(execution.getVariable("programmeStartedBy"));
        repository.create(code, name, phases, startedBy == null ? "unknown" : startedBy);
        execution.setProcessBusinessKey(code);
        execution.setVariable("programmeCode", code);
        if (execution.getVariable("customer") == null) {
            execution.setVariable("customer", name);
        }
        if (execution.getVariable("systemType") == null) {
            execution.setVariable("systemType", "ERP");
        }
    }

    /** Phase {@code no} of the form's table, with what is wrong with it added to {@code problems}. */
    private ProgrammeRepository.Phase phase(FormRow r, int no, Set<String> seen, List<String> problems) {
        String project =
                r.text("projectCode") == null ? "" : r.text("projectCode").toUpperCase();
        if (!CODE.matcher(project).matches() || !seen.add(project) || projects.exists(project)) {
            problems.add(messages.get("programme.phase.project", no, project));
        }
        List<String> departments = values(r, "departments");
        List<String> modules = values(r, "modules");
        if (r.text("projectName") == null || departments.isEmpty() || modules.isEmpty()) {
            problems.add(messages.get("programme.phase.incomplete", no));
        }
        for (String department : departments) {
            if (!knownDepartments.contains(department)) {
                problems.add(messages.get(
                        "programme.phase.department", no, department, String.join(", ", knownDepartments)));
            } else if (owners.of(department).isEmpty()) {
                problems.add(messages.get("programme.phase.noOwner", no, department));
            }
        }
        return new ProgrammeRepository.Phase(
                no, project, r.text("projectName"), departments, modules, values(r, "datasets"), "planned");
    }

    /** A cell as a list: the values of a tag list, or text separated by commas, semicolons or spaces. */
    private static List<String> values(FormRow row, String key) {
        if (row.values().get(key) instanceof Collection<?> list) {
            return list.stream()
                    .map(String::valueOf)
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .distinct()
                    .toList();
        }
        String text = row.text(key);
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,，;\\s]+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
    }
}
