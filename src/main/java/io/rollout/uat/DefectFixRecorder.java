package io.rollout.uat;

import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_FixDefects} (form {@code fixDefects}). On create it prefills the
 * dynamic list {@code defects} with the project's open defects; on complete it validates the rows
 * (each an open defect of the project; a defect marked fixed needs a fix note) and marks the ticked
 * ones fixed. They are closed later by a passing retest of their case.
 */
@Component("defectFixRecorder")
class DefectFixRecorder implements TaskListener {

    static final String ROWS = "defects";

    private final UatRepository repository;
    private final Messages messages;

    DefectFixRecorder(UatRepository repository, Messages messages) {
        this.repository = repository;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ROWS, JsonRows.of(repository.defects(projectCode, Defect.OPEN).stream()
                .map(DefectFixRecorder::prefill).toList()));
            return;
        }
        Map<Long, Defect> open = repository.defects(projectCode, Defect.OPEN).stream()
            .collect(Collectors.toMap(Defect::id, Function.identity()));
        List<String> problems = new ArrayList<>();
        Map<Long, String> fixes = new LinkedHashMap<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            Long id = defectId(row, problems);
            if (id == null) {
                continue;
            }
            if (!open.containsKey(id)) {
                problems.add(messages.get("uat.defect.notOpen", row.number(), String.valueOf(id)));
            } else if (row.bool("fixed")) {
                String note = row.text("fixNote");
                if (note == null) {
                    problems.add(messages.get("uat.defect.fixNoteRequired", row.number(), String.valueOf(id)));
                } else if (note.length() > 2000) {
                    problems.add(messages.get("uat.row.tooLong", row.number(), messages.get("uat.field.fixNote"), 2000));
                } else {
                    fixes.put(id, note);
                }
            }
        }
        FormInput.refuseIfAny(problems);
        String user = TaskForms.currentUser(task);
        fixes.forEach((id, note) -> repository.markFixed(projectCode, id, note, user));
    }

    private Long defectId(FormRow row, List<String> problems) {
        try {
            Integer id = row.integer("defectId");
            if (id == null) {
                problems.add(messages.get("form.row.required", row.number(), messages.get("uat.field.defectId")));
            }
            return id == null ? null : id.longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(messages.get("form.row.number", row.number(), messages.get("uat.field.defectId"),
                row.text("defectId")));
            return null;
        }
    }

    private static Map<String, Object> prefill(Defect d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("defectId", String.valueOf(d.id()));
        row.put("caseId", d.caseId());
        row.put("severity", d.severity());
        row.put("description", d.description());
        row.put("fixed", false);
        row.put("fixNote", null);
        return row;
    }
}
