package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DecideGoLive} in {@code goLive}. On create it shows the committee the plan it
 * decides on ({@code planSummary}, and the waves as rows of {@code planWaves}). On complete it checks the steering
 * committee's decision against the readiness recommendation with {@link GoLiveDecisionRules} and stores it in
 * {@code go_live_decision} and as decision {@code goLiveDecision} (outcome {@code go}, {@code conditional-go},
 * {@code go-with-risk-acceptance} or {@code no-go}; an override of the recommendation says so in the findings).
 * The recommendation is the one {@code goLiveReadiness} recorded in the decision log, not the process variable
 * shown in the form, so no other path can turn a no-go into a go that needs no risk acceptance.
 *
 * <p>Reads {@code projectCode}, {@code goLiveDecision}, {@code cutoverStrategy}, {@code goLiveConditions},
 * {@code riskAcceptance}, {@code decisionReason}.
 */
@Component("goLiveDecisionRecorder")
class GoLiveDecisionRecorder extends FormTaskListener {

    static final String DECISION = "goLiveDecision";

    private final GoLiveDecisionRules rules = new GoLiveDecisionRules();
    private final GoLiveRepository repository;
    private final CutoverPlanRepository plans;
    private final CutoverPeople people;
    private final DecisionLog decisions;
    private final Messages messages;

    GoLiveDecisionRecorder(
            GoLiveRepository repository,
            CutoverPlanRepository plans,
            CutoverPeople people,
            DecisionLog decisions,
            Messages messages) {
        this.repository = repository;
        this.plans = plans;
        this.people = people;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String recommendation = decisions
                .latest(projectCode, GoLiveReadiness.DECISION)
                .map(Decision::outcome)
                .orElseThrow(() -> new IllegalStateException("no readiness assessment of project " + projectCode));
        GoLiveDecisionRules.Submission submission = new GoLiveDecisionRules.Submission(
                recommendation,
                TaskForms.text(task, "goLiveDecision"),
                TaskForms.text(task, "cutoverStrategy"),
                TaskForms.text(task, "goLiveConditions"),
                TaskForms.text(task, "riskAcceptance"),
                TaskForms.text(task, "decisionReason"));
        GoLiveDecisionRules.Result result = rules.decide(submission);
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        String user = TaskForms.currentUser(task);
        repository.saveDecision(projectCode, submission, result.overridden(), user);
        if (submission.strategy() != null && GoLiveDecisionRules.GO.equals(submission.decision())) {
            // the committee may choose another strategy than the plan's: the cutover follows the decision
            plans.strategy(projectCode, submission.strategy());
            task.getExecution().setVariable("cutoverStrategy", submission.strategy());
        }
        List<String> findings = findings(submission, result, recommendation);
        decisions.record(new Decision(
                projectCode,
                DECISION,
                submission.strategy() == null ? "go-live" : submission.strategy(),
                result.outcome(),
                findings,
                "recommendation=" + recommendation + "; overridden=" + result.overridden(),
                user,
                task.getProcessInstanceId()));
    }

    // what the decision log says beside the outcome: the override, the reason, the conditions, the risk accepted
    private List<String> findings(
            GoLiveDecisionRules.Submission submission, GoLiveDecisionRules.Result result, String recommendation) {
        List<String> findings = new ArrayList<>();
        if (result.overridden()) {
            findings.add(messages.forRecord("golive.decision.overrides", recommendation));
        }
        if (submission.reason() != null) {
            findings.add(submission.reason());
        }
        if (submission.conditions() != null) {
            findings.add(messages.forRecord("golive.decision.conditions", submission.conditions()));
        }
        if (submission.riskAcceptance() != null) {
            findings.add(messages.forRecord("golive.decision.riskAccepted", submission.riskAcceptance()));
        }
        return findings;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        plans.plan(projectCode).ifPresent(plan -> {
            List<Runbook.Step> steps = plans.runbook(projectCode);
            task.setVariableLocal(
                    "planSummary",
                    messages.forRecord(
                            "golive.plan.summary",
                            messages.forRecord("golive.strategy." + plan.strategy()),
                            FormInput.md(plan.reason()),
                            steps.size(),
                            steps.stream()
                                    .mapToInt(Runbook.Step::plannedMinutes)
                                    .sum()));
        });
        task.setVariableLocal(
                "planWaves",
                JsonRows.of(plans.waves(projectCode).stream()
                        .map(w -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("wave", w.no());
                            row.put("departments", people.departmentNames(w.departments()));
                            row.put("stabilisation", messages.forRecord("golive.days", w.stabilisationDays()));
                            row.put("onCall", people.displayNames(w.onCall()));
                            return row;
                        })
                        .toList()));
    }
}
