package io.rollout.requirements;

import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.RejectedInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The editable requirement table of {@code UserTask_CaptureRequirements} (one department, variable
 * {@code department}) and {@code UserTask_ClarifyRequirements} (all departments, no {@code department}
 * variable) in {@code requirementsPhase}, forms {@code captureRequirements} and {@code clarifyRequirements}.
 *
 * <p>On create it prefills the dynamic list {@code requirements} (Json) with the stored rows. On complete it
 * validates every submitted row first (title, priority must/should/could, solution match, department in
 * scope, unique ids) and refuses the whole submission with every problem, or upserts all rows, generating
 * {@code REQ-<DEPT3>-<nnn>} ids for new rows. Rows removed from the list are not deleted. Captured rows are
 * {@code draft}; clarified rows become {@code clarified}, or {@code withdrawn} when the row's {@code withdrawn}
 * box is ticked. Capture also stores {@code researchNotes} and which research methods were recorded in table
 * {@code department_research}; clarification clears the findings of the gates it answered
 * ({@code matchFindings}, {@code effectFindings}, {@code signOffFindings}). Once the specification is baselined
 * every submission is refused: changes go through a change request.
 */
@Component("requirementCapture")
class RequirementCapture implements TaskListener {

    static final String ROWS = "requirements";

    static final List<String> FINDINGS = List.of("matchFindings", "effectFindings", "signOffFindings");

    private final RequirementRepository requirements;
    private final Specification specification;
    private final ProjectScope scope;
    private final Messages messages;

    RequirementCapture(RequirementRepository requirements, Specification specification, ProjectScope scope,
                       Messages messages) {
        this.requirements = requirements;
        this.specification = specification;
        this.scope = scope;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = (String) task.getVariable("projectCode");
        String department = (String) task.getVariable("department");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            List<Requirement> rows = department == null ? requirements.findByProject(code)
                : requirements.findByDepartment(code, department);
            // on the execution, not the task: Tasklist's submit and TaskService.complete both update it there
            task.getExecution().setVariableLocal(ROWS, JsonRows.of(rows.stream().map(RequirementCapture::row).toList()));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, code, department);
        }
    }

    private void complete(DelegateTask task, String code, String department) {
        specification.baselinedVersion(code).ifPresent(version -> {
            throw messages.reject("requirements.baselined", version, code);
        });
        List<String> problems = new ArrayList<>();
        List<String> inScope = scope.departments(code);
        Map<String, String> stored = requirements.findByProject(code).stream()
            .collect(Collectors.toMap(r -> r.reqId().toUpperCase(Locale.ROOT), Requirement::department));
        Map<String, Integer> seen = new HashMap<>();
        List<Requirement> valid = new ArrayList<>();
        for (FormRow row : JsonRows.read(task.getVariable(ROWS))) {
            if (row.isBlank()) {
                continue;
            }
            Requirement r = draft(row, department);
            List<Problem> rowProblems = new ArrayList<>(RequirementFields.check(row.number(), r, key -> key));
            if (r.department() == null) {
                rowProblems.add(Problem.of("form.row.required", row.number(), "department"));
            } else if (!inScope.contains(r.department())) {
                rowProblems.add(Problem.of("requirements.row.departmentNotInScope", row.number(), r.department(), code,
                    String.join(", ", inScope)));
            }
            if (r.reqId() != null) {
                String id = r.reqId().toUpperCase(Locale.ROOT);
                Integer first = seen.putIfAbsent(id, row.number());
                if (first != null) {
                    rowProblems.add(Problem.of("requirements.row.duplicateId", row.number(), r.reqId(), first));
                }
                String owner = stored.get(id);
                if (department != null && owner != null && !owner.equals(department)) {
                    rowProblems.add(Problem.of("requirements.row.otherDepartment", row.number(), r.reqId(), owner));
                }
            }
            rowProblems.forEach(p -> problems.add(messages.get(p.code(), p.args())));
            valid.add(r);
        }
        if (!problems.isEmpty()) {
            throw RejectedInput.of(String.join("\n", problems));
        }
        String user = TaskForms.currentUser(task);
        List<String> taken = new ArrayList<>(stored.keySet());
        valid.stream().map(Requirement::reqId).filter(id -> id != null).forEach(taken::add);
        for (Requirement r : valid) {
            if (r.reqId() == null) {
                String id = RequirementFields.nextId(r.department(), taken);
                taken.add(id);
                r = r.with(id, r.status());
            }
            requirements.upsert(code, r, user);
        }
        if (department != null) {
            List<String> methods = requirements.researchActivities(code, department).stream()
                .map(RequirementRepository.ResearchActivity::method).toList();
            requirements.saveResearch(code, department, methods.contains("interview"), methods.contains("questionnaire"),
                methods.contains("process-mapping"), FormInput.text(task.getVariable("researchNotes")), user);
        } else {
            FINDINGS.forEach(task.getExecution()::removeVariable);
        }
        // the rows now live in table requirement; the process keeps no copy
        task.getExecution().removeVariableLocal(ROWS);
    }

    private static Requirement draft(FormRow row, String department) {
        String status = department != null ? Requirement.DRAFT
            : row.bool("withdrawn") ? Requirement.WITHDRAWN : Requirement.CLARIFIED;
        return new Requirement(null, RequirementFields.reqId(row.text("reqId")), department != null ? department
            : RequirementFields.department(row.text("department")), row.text("title"), row.text("painPoint"),
            row.text("goal"), row.text("expectedEffect"), RequirementFields.priority(row.text("priority")),
            row.text("acceptanceCriterion"), RequirementFields.solutionMatch(row.text("solutionMatch")), status, null,
            null);
    }

    /** A row of the Clarify form (or another list of every department): withdrawn when ticked, else clarified. */
    static Requirement clarified(FormRow row) {
        return draft(row, null);
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
