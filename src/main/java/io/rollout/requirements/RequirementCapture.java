package io.rollout.requirements;

import io.rollout.project.ProjectScope;
import io.rollout.requirements.RequirementRules.Draft;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The editable requirement table of {@code UserTask_CaptureRequirements} (one department, variable
 * {@code department}) and {@code UserTask_ClarifyRequirements} (all departments, no {@code department}
 * variable) in {@code requirementsPhase}, forms {@code captureRequirements} and {@code clarifyRequirements}.
 *
 * <p>On create it prefills the dynamic list {@code requirements} (Json) with the stored rows. On complete it validates
 * every submitted row first with {@link RequirementRules#captured} (title, priority must/should/could, solution match,
 * department in scope, unique ids) and refuses the whole submission with every problem, or upserts all rows, generating
 * {@code REQ-<DEPT3>-<nnn>} ids for new rows. A field the form does not show (its key missing from the row) keeps the
 * stored value, so a compact form never clears what it leaves out. Rows removed from the list are not deleted. Captured
 * rows are {@code draft}; clarified rows become {@code clarified}, or {@code withdrawn} when the row's
 * {@code withdrawn} box is ticked. Capture shows the department's name ({@code departmentName}) and its research
 * sessions ({@code researchSessions}), and prefills an empty {@code researchNotes} with the sessions' notes; on
 * complete it stores {@code researchNotes} and which research methods were recorded in table
 * {@code department_research}. Clarification offers the project's departments by name ({@code departmentOptions}) and
 * clears the findings of the gates it answered ({@code matchFindings}, {@code effectFindings},
 * {@code signOffFindings}). Once the specification is baselined every submission is refused: changes go through a
 * change request.
 */
@Component("requirementCapture")
class RequirementCapture extends FormTaskListener {

    static final String ROWS = "requirements";

    static final List<String> FINDINGS = List.of("matchFindings", "effectFindings", "signOffFindings");

    private final RequirementRepository requirements;
    private final Specification specification;
    private final ProjectScope scope;
    private final RequirementTables tables;
    private final Messages messages;

    RequirementCapture(
            RequirementRepository requirements,
            Specification specification,
            ProjectScope scope,
            RequirementTables tables,
            Messages messages) {
        this.requirements = requirements;
        this.specification = specification;
        this.scope = scope;
        this.tables = tables;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String code = ProcessVariables.projectCode(task);
        String department = ProcessVariables.department(task);
        List<Requirement> rows =
                department == null ? requirements.findByProject(code) : requirements.findByDepartment(code, department);
        // on the execution, not the task: Tasklist's submit and TaskService.complete both update it there
        task.getExecution()
                .setVariableLocal(
                        ROWS,
                        JsonRows.of(rows.stream().map(RequirementCapture::row).toList()));
        if (department != null) {
            prefillResearch(task, code, department);
        } else {
            TaskForms.prefill(
                    task, "departmentOptions", JsonRows.of(tables.departmentOptions(scope.departments(code))));
        }
    }

    /**
     * What the consultant learned in the department's sessions: the sessions as a table, and their notes as the first
     * draft of the research summary unless the summary was already written (a capture returned by the owner).
     */
    private void prefillResearch(DelegateTask task, String code, String department) {
        List<RequirementRepository.ResearchActivity> sessions = requirements.researchActivities(code, department);
        TaskForms.prefill(task, "departmentName", tables.department(department));
        TaskForms.prefill(task, "researchSessions", JsonRows.of(tables.sessions(sessions)));
        if (FormInput.text(task.getVariable("researchNotes")) == null) {
            String summary = tables.researchSummary(sessions);
            if (summary != null) {
                // the research sub-process declares researchNotes: the draft lands in this department's instance
                task.setVariable("researchNotes", summary);
            }
        }
    }

    @Override
    protected void complete(DelegateTask task) {
        String code = ProcessVariables.projectCode(task);
        String department = ProcessVariables.department(task);
        specification.baselinedVersion(code).ifPresent(version -> {
            throw messages.reject("requirements.baselined", version, code);
        });
        Map<String, Requirement> stored = requirements.findByProject(code).stream()
                .collect(Collectors.toMap(r -> r.reqId().toUpperCase(Locale.ROOT), r -> r));
        List<Draft> drafts = new ArrayList<>();
        for (FormRow row : JsonRows.read(task.getVariable(ROWS))) {
            if (!row.isBlank()) {
                String typedId = RequirementFields.reqId(row.text("reqId"));
                Requirement before = typedId == null ? null : stored.get(typedId);
                drafts.add(new Draft(row.number(), draft(row, department, before)));
            }
        }
        List<Problem> problems = RequirementRules.captured(drafts, department, stored, scope.departments(code), code);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String user = TaskForms.currentUser(task);
        store(code, drafts.stream().map(Draft::requirement).toList(), stored.keySet(), user);
        if (department != null) {
            saveResearch(task, code, department, user);
        } else {
            FINDINGS.forEach(task.getExecution()::removeVariable);
        }
        // the rows now live in table requirement; the process keeps no copy
        task.getExecution().removeVariableLocal(ROWS);
    }

    /** Upserts the rows, giving each new one the next free id of its department. */
    private void store(String code, List<Requirement> rows, Collection<String> storedIds, String user) {
        List<String> taken = new ArrayList<>(storedIds);
        rows.stream().map(Requirement::reqId).filter(id -> id != null).forEach(taken::add);
        for (Requirement r : rows) {
            if (r.reqId() == null) {
                String id = RequirementFields.nextId(r.department(), taken);
                taken.add(id);
                r = r.with(id, r.status());
            }
            requirements.upsert(code, r, user);
        }
    }

    private void saveResearch(DelegateTask task, String code, String department, String user) {
        List<String> methods = requirements.researchActivities(code, department).stream()
                .map(RequirementRepository.ResearchActivity::method)
                .toList();
        requirements.saveResearch(
                code,
                department,
                methods.contains("interview"),
                methods.contains("questionnaire"),
                methods.contains("process-mapping"),
                FormInput.text(task.getVariable("researchNotes")),
                user);
    }

    /**
     * The requirement a row describes. A field whose key the row lacks keeps the value of {@code stored} (the
     * requirement with the row's id, or {@code null} for a new one): the forms show only the fields their task is
     * about, and form-js submits only the fields it shows.
     */
    private static Requirement draft(FormRow row, String department, Requirement stored) {
        String status = department != null
                ? Requirement.DRAFT
                : row.bool("withdrawn") ? Requirement.WITHDRAWN : Requirement.CLARIFIED;
        return new Requirement(
                null,
                RequirementFields.reqId(row.text("reqId")),
                department != null
                        ? department
                        : RequirementFields.department(cell(row, "department", stored, Requirement::department)),
                cell(row, "title", stored, Requirement::title),
                cell(row, "painPoint", stored, Requirement::painPoint),
                cell(row, "goal", stored, Requirement::goal),
                cell(row, "expectedEffect", stored, Requirement::expectedEffect),
                RequirementFields.priority(cell(row, "priority", stored, Requirement::priority)),
                cell(row, "acceptanceCriterion", stored, Requirement::acceptanceCriterion),
                RequirementFields.solutionMatch(cell(row, "solutionMatch", stored, Requirement::solutionMatch)),
                status,
                null,
                null,
                stored == null ? null : stored.solutionNote());
    }

    private static String cell(FormRow row, String key, Requirement stored, Function<Requirement, String> field) {
        if (row.values().containsKey(key) || stored == null) {
            return row.text(key);
        }
        return field.apply(stored);
    }

    /**
     * A row of the Clarify form (or another list of every department): withdrawn when ticked, else clarified; fields
     * the row leaves out keep the values of {@code stored}, the requirement with the row's id ({@code null} if new).
     */
    static Requirement clarified(FormRow row, Requirement stored) {
        return draft(row, null, stored);
    }

    static Map<String, Object> row(Requirement r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reqId", r.reqId());
        row.put("department", r.department());
        row.put("title", r.title());
        row.put("painPoint", r.painPoint());
        row.put("goal", r.goal());
        row.put("expectedEffect", r.expectedEffect());
        row.put("priority", r.priority());
        row.put("acceptanceCriterion", r.acceptanceCriterion());
        row.put("solutionMatch", r.solutionMatch());
        row.put("status", r.status());
        row.put("withdrawn", r.isWithdrawn());
        return row;
    }
}
