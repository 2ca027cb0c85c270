package io.rollout.uat;

import io.rollout.identity.RoleMembers;
import io.rollout.identity.Roles;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanUatRound} (form {@code planUatRound}). On create it prefills the dynamic
 * list {@code assignments} with every test case: its latest result, whether to include it (cases never passed,
 * not passed last time, or with a fixed defect to retest) and its tester of the last round; the key users to
 * pick testers from are the select options {@code testerOptions}. On complete it checks that every included case
 * has a tester who is a key user and that at least one case is included, then stores the round and writes
 * {@code uatRound}; its key users (one execution task each) come from {@link UatAssignments}.
 */
@Component("uatRoundPlanner")
class UatRoundPlanner implements TaskListener {

    static final String ROWS = "assignments";
    static final String TESTERS = "testerOptions";

    private final UatRepository repository;
    private final RoleMembers members;
    private final Messages messages;
    private final UatLabels labels;

    UatRoundPlanner(UatRepository repository, RoleMembers members, Messages messages, UatLabels labels) {
        this.repository = repository;
        this.members = members;
        this.messages = messages;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Map<String, UatRepository.LatestResult> latest = repository.latestResultDetails(projectCode);
            Map<String, String> testers = repository.lastTesters(projectCode);
            Set<String> toRetest = repository.defects(projectCode, Defect.FIXED).stream().map(Defect::caseId)
                .collect(Collectors.toSet());
            task.setVariableLocal(ROWS, JsonRows.of(repository.testCases(projectCode).stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("caseId", c.caseId());
                row.put("title", c.title());
                UatRepository.LatestResult last = latest.get(c.caseId());
                boolean retest = toRetest.contains(c.caseId());
                row.put("lastResult", labels.lastResult(last, retest));
                row.put("include", last == null || !UatGateRule.PASS.equals(last.result()) || retest);
                row.put("tester", testers.get(c.caseId()));
                return row;
            }).toList()));
            task.setVariableLocal(TESTERS, JsonRows.of(members.choices(List.of(Roles.KEY_USER), null)));
            return;
        }
        Set<String> known = repository.testCases(projectCode).stream().map(TestCase::caseId).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Map<String, String> assignments = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : JsonRows.read(TaskForms.submitted(task, ROWS))) {
            String caseId = row.text("caseId");
            if (caseId == null || !known.contains(caseId)) {
                problems.add(messages.get("uat.round.unknownCase", row.number(), caseId));
                continue;
            }
            if (!seen.add(caseId)) {
                problems.add(messages.get("uat.case.duplicate", row.number(), caseId));
                continue;
            }
            if (!row.bool("include")) {
                continue;
            }
            String tester = row.text("tester");
            if (tester == null) {
                problems.add(messages.get("uat.plan.testerRequired", row.number(), caseId));
            } else if (!members.isIn(tester, Roles.KEY_USER)) {
                problems.add(messages.get("uat.plan.notKeyUser", row.number(), tester));
            } else {
                assignments.put(caseId, tester);
            }
        }
        if (assignments.isEmpty() && problems.isEmpty()) {
            problems.add(messages.get("uat.plan.empty"));
        }
        FormInput.refuseIfAny(problems);
        int round = repository.lastPlannedRound(projectCode) + 1;
        repository.planRound(projectCode, round, assignments, TaskForms.currentUser(task));
        task.getExecution().setVariable("uatRound", round);
    }
}
