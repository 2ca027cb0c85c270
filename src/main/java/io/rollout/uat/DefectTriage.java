package io.rollout.uat;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import io.rollout.uat.UatRules.Assignment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_TriageDefects} (form {@code triageDefects}). On create it prefills the read-only
 * table {@code defectDetails} (case, module, severity, round, description of every open defect), the dynamic list
 * {@code defects} (severity and current developer to confirm or change) and the developers to pick from, the select
 * options {@code developerOptions}; on complete ({@link UatRules#triage}) every open defect needs a developer who is a user of group
 * {@code developer}, a changed severity needs a reason; then the defects are assigned (recorded in their history);
 * {@link UatAssignments} then gives each developer with open defects one fix task.
 */
@Component("defectTriage")
class DefectTriage extends FormTaskListener {

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
    protected void prefill(DelegateTask task) {
        Map<Long, Defect> open = open(task);
        task.setVariableLocal(
                DETAILS, JsonRows.of(open.values().stream().map(labels::details).toList()));
        task.setVariableLocal(
                ROWS,
                JsonRows.of(open.values().stream().map(DefectTriage::prefill).toList()));
        task.setVariableLocal(DEVELOPERS, JsonRows.of(members.choices(List.of(Roles.DEVELOPER), null)));
    }

    @Override
    protected void complete(DelegateTask task) {
        Checked<Map<Long, Assignment>> triage = UatRules.triage(
                JsonRows.read(TaskForms.submitted(task, ROWS)),
                open(task),
                developer -> members.isIn(developer, Roles.DEVELOPER));
        if (!triage.valid()) {
            throw Problem.reject(messages, triage.problems());
        }
        String user = TaskForms.currentUser(task);
        triage.value().forEach((id, a) -> repository.assign(id, a.developer(), a.severity(), a.reason(), user));
    }

    private Map<Long, Defect> open(DelegateTask task) {
        return repository.defects(ProcessVariables.projectCode(task), Defect.OPEN).stream()
                .collect(Collectors.toMap(Defect::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
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
