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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanUatRound} (form {@code planUatRound}). On create it prefills the dynamic
 * list {@code assignments} with every test case: its latest result, whether to include it (cases never passed,
 * not passed last time, or with a fixed defect to retest) and its tester of the last round; the key users to
 * pick testers from are the select options {@code testerOptions}. On complete it checks with {@link UatRules#plan}
 * that every included case has a tester who is a key user and that at least one case is included, then stores the round and writes
 * {@code uatRound}; its key users (one execution task each) come from {@link UatAssignments}.
 */
@Component("uatRoundPlanner")
class UatRoundPlanner extends FormTaskListener {

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
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Map<String, UatRepository.LatestResult> latest = repository.latestResultDetails(projectCode);
        Map<String, String> testers = repository.lastTesters(projectCode);
        Set<String> toRetest = repository.defects(projectCode, Defect.FIXED).stream()
                .map(Defect::caseId)
                .collect(Collectors.toSet());
        task.setVariableLocal(
                ROWS,
                JsonRows.of(repository.testCases(projectCode).stream()
                        .map(c -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("caseId", c.caseId());
                            row.put("title", c.title());
                            UatRepository.LatestResult last = latest.get(c.caseId());
                            boolean retest = toRetest.contains(c.caseId());
                            row.put("lastResult", labels.lastResult(last, retest));
                            row.put("include", last == null || !UatGateRule.PASS.equals(last.result()) || retest);
                            row.put("tester", testers.get(c.caseId()));
                            return row;
                        })
                        .toList()));
        task.setVariableLocal(TESTERS, JsonRows.of(members.choices(List.of(Roles.KEY_USER), null)));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Set<String> known =
                repository.testCases(projectCode).stream().map(TestCase::caseId).collect(Collectors.toSet());
        Checked<Map<String, String>> plan = UatRules.plan(
                JsonRows.read(TaskForms.submitted(task, ROWS)), known, tester -> members.isIn(tester, Roles.KEY_USER));
        if (!plan.valid()) {
            throw Problem.reject(messages, plan.problems());
        }
        int round = repository.lastPlannedRound(projectCode) + 1;
        repository.planRound(projectCode, round, plan.value(), TaskForms.currentUser(task));
        task.getExecution().setVariable("uatRound", round);
    }
}
