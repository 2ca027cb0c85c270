package io.rollout.uat;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
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
 * Task listener of {@code UserTask_TriageDefects} (form {@code triageDefects}). On create it prefills the read-only
 * table {@code defectDetails} (case, module, severity, round, description of every open defect), the dynamic list
 * {@code defects} (severity and current developer to confirm or change) and the developers to pick from, the select
 * options {@code developerOptions}; on complete every open defect needs a developer who is a user of group
 * {@code developer}, a changed severity needs a reason; then the defects are assigned (recorded in their history);
 * {@link UatAssignments} then gives each developer with open defects one fix task.
 */
@Component("defectTriage")
class DefectTriage implements TaskListener {

    static final String ROWS = "defects";
    static final String DETAILS = "defectDetails";
    static final String DEVELOPERS = "developerOptions";

    private final UatRepository repository;
    private final RoleMembers members;
    private final Messages messages;
    private final UatLabels labels;

    DefectTriage(UatRepository repository, RoleMembers members, Messages messages, UatLabels labels) {
        this.repository = repository;
        this.members = members;
        this.messages = messages;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        Map<Long, Defect> open = repository.defects(projectCode, Defect.OPEN).stream()
            .collect(Collectors.toMap(Defect::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(DETAILS, JsonRows.of(open.values().stream().map(labels::details).toList()));
            task.setVariableLocal(ROWS, JsonRows.of(open.values().stream().map(DefectTriage::prefill).toList()));
            task.setVariableLocal(DEVELOPERS, JsonRows.of(members.choices(List.of(Roles.DEVELOPER), null)));
            return;
        }
        List<String> problems = new ArrayList<>();
        Map<Long, String[]> assignments = new LinkedHashMap<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            Long id = DefectRows.id(row, problems, messages);
            if (id == null) {
                continue;
            }
            Defect defect = open.get(id);
            if (defect == null) {
                problems.add(messages.get("uat.defect.notOpen", row.number(), String.valueOf(id)));
                continue;
            }
            String developer = row.text("developer");
            String severity = row.text("severity") == null ? defect.severity() : row.text("severity");
            String reason = row.text("severityReason");
            if (developer == null) {
                problems.add(messages.get("uat.triage.developerRequired", row.number(), String.valueOf(id)));
            } else if (!members.isIn(developer, Roles.DEVELOPER)) {
                problems.add(messages.get("uat.triage.notDeveloper", row.number(), developer));
            }
            if (!UatRoundRecorder.SEVERITIES.contains(severity)) {
                problems.add(messages.get("form.row.choice", row.number(), messages.get("uat.field.defectSeverity"),
                    String.join("/", UatRoundRecorder.SEVERITIES), severity));
            } else if (!severity.equals(defect.severity()) && reason == null) {
                problems.add(messages.get("uat.triage.severityReason", row.number(), String.valueOf(id),
                    defect.severity(), severity));
            }
            assignments.put(id, new String[] {developer, severity, reason});
        }
        open.keySet().stream().filter(id -> !assignments.containsKey(id))
            .forEach(id -> problems.add(messages.get("uat.triage.missing", String.valueOf(id))));
        FormInput.refuseIfAny(problems);
        String user = TaskForms.currentUser(task);
        assignments.forEach((id, a) -> repository.assign(id, a[0], a[1], a[2], user));
    }

    private static Map<String, Object> prefill(Defect d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("defectId", String.valueOf(d.id()));
        row.put("caseId", d.caseId());
        row.put("severity", d.severity());
        row.put("severityReason", null);
        row.put("developer", d.assignee());
        return row;
    }
}
