package io.rollout.uat;

import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_FixDefects} (form {@code fixDefects}), one task per developer with open
 * defects ({@code developer}). On create it prefills the read-only table {@code defectDetails} and the dynamic list
 * {@code defects} (fixed or not, the fix note) with the open defects assigned to that developer; on complete it
 * checks the rows with {@link UatRules#fixes} (each an open defect assigned to them; a defect marked fixed needs a fix note) and marks the
 * ticked ones fixed. They are closed later by a passing retest of their case, or reopened by a failing one.
 */
@Component("defectFixRecorder")
class DefectFixRecorder extends FormTaskListener {

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
    protected void prefill(DelegateTask task) {
        Map<Long, Defect> open = open(task);
        task.setVariableLocal(
                DefectTriage.DETAILS,
                JsonRows.of(open.values().stream().map(labels::details).toList()));
        task.setVariableLocal(
                ROWS,
                JsonRows.of(
                        open.values().stream().map(DefectFixRecorder::prefill).toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        Checked<Map<Long, String>> fixes = UatRules.fixes(
                JsonRows.read(TaskForms.submitted(task, ROWS)), open(task), ProcessVariables.string(task, "developer"));
        if (!fixes.valid()) {
            throw Problem.reject(messages, fixes.problems());
        }
        String projectCode = ProcessVariables.projectCode(task);
        String user = TaskForms.currentUser(task);
        fixes.value().forEach((id, note) -> repository.markFixed(projectCode, id, note, user));
    }

    /** The open defects of the task's developer (every open defect when the task names none). */
    private Map<Long, Defect> open(DelegateTask task) {
        String developer = ProcessVariables.string(task, "developer");
        return repository.defects(ProcessVariables.projectCode(task), Defect.OPEN).stream()
                .filter(d -> developer == null || developer.equals(d.assignee()))
                .collect(Collectors.toMap(Defect::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
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
