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
 * Task listener of {@code UserTask_FixDefects} (form {@code fixDefects}), one task per developer with open
 * defects ({@code developer}). On create it prefills the read-only table {@code defectDetails} and the dynamic list
 * {@code defects} (fixed or not, the fix note) with the open defects assigned to that developer; on complete it
 * validates the rows (each an open defect assigned to them; a defect marked fixed needs a fix note) and marks the
 * ticked ones fixed. They are closed later by a passing retest of their case, or reopened by a failing one.
 */
@Component("defectFixRecorder")
class DefectFixRecorder implements TaskListener {

    static final String ROWS = "defects";

    private final UatRepository repository;
    private final Messages messages;
    private final UatLabels labels;

    DefectFixRecorder(UatRepository repository, Messages messages, UatLabels labels) {
        this.repository = repository;
        this.messages = messages;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String developer = (String) task.getVariable("developer");
        Map<Long, Defect> open = repository.defects(projectCode, Defect.OPEN).stream()
            .filter(d -> developer == null || developer.equals(d.assignee()))
            .collect(Collectors.toMap(Defect::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(DefectTriage.DETAILS,
                JsonRows.of(open.values().stream().map(labels::details).toList()));
            task.setVariableLocal(ROWS, JsonRows.of(open.values().stream().map(DefectFixRecorder::prefill).toList()));
            return;
        }
        List<String> problems = new ArrayList<>();
        Map<Long, String> fixes = new LinkedHashMap<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            Long id = DefectRows.id(row, problems, messages);
            if (id == null) {
                continue;
            }
            if (!open.containsKey(id)) {
                problems.add(messages.get(developer == null ? "uat.defect.notOpen" : "uat.defect.notYours", row.number(),
                    String.valueOf(id), developer));
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

    private static Map<String, Object> prefill(Defect d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("defectId", String.valueOf(d.id()));
        row.put("caseId", d.caseId());
        row.put("fixed", false);
        row.put("fixNote", null);
        return row;
    }
}
