package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.ScopeRules.Recommendation;
import io.rollout.planning.ScopeRules.ScopeInputs;
import io.rollout.project.Project;
import io.rollout.project.ProjectScope;
import io.rollout.shared.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Delegate of the business rule task {@code BusinessRuleTask_RecommendScope} in {@code planningPhase}:
 * evaluates the DMN table {@value #DECISION_KEY} ({@code bpmn/scope-decision.dmn}, which a process owner
 * changes without Java) on inputs derived from the stored project and plan
 * ({@link ScopeRules.ScopeInputs#decisionVariables()}), writes the typed String variables
 * {@code recommendedApproach}, {@code recommendedFirstDepartment} and {@code recommendationReason}, stores the
 * recommendation and records {@code scopeRecommendation} with its inputs in the decision log. A table without
 * a matching rule or with an unknown approach is a technical failure (incident), not a silent default.
 */
@Component("scopeRecommendation")
class ScopeRecommendation implements JavaDelegate {

    static final String DECISION_KEY = "scopeDecision";
    static final String DECISION = "scopeRecommendation";

    private final ProjectScope projects;
    private final PlanRepository plans;
    private final ScopeRepository scopes;
    private final DecisionService decisionService;
    private final DecisionLog decisions;

    ScopeRecommendation(
            ProjectScope projects,
            PlanRepository plans,
            ScopeRepository scopes,
            DecisionService decisionService,
            DecisionLog decisions) {
        this.projects = projects;
        this.plans = plans;
        this.scopes = scopes;
        this.decisionService = decisionService;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String projectCode = ProcessVariables.projectCode(execution);
        Project project = projects.project(projectCode);
        int highRisks = (int)
                plans.risks(projectCode).stream().filter(PlanRules.Risk::high).count();
        ScopeInputs inputs = new ScopeInputs(project.departments(), project.modules(), highRisks, project.systemType());
        // API calls from delegates are not authorization-checked (authorizationEnabledForCustomCode is off), so
        // the PMO completing the plan needs no right to evaluate decisions
        DmnDecisionResult result = decisionService
                .evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.fromMap(inputs.decisionVariables()))
                .evaluate();
        Recommendation r = recommendation(result);
        execution.setVariable("recommendedApproach", Variables.stringValue(r.approach()));
        execution.setVariable("recommendedFirstDepartment", Variables.stringValue(r.firstDepartment()));
        execution.setVariable("recommendationReason", Variables.stringValue(r.reason()));
        scopes.recommend(projectCode, inputs, r);
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "scope",
                r.approach(),
                r.reason() == null ? List.of() : List.of(r.reason()),
                inputs.summary() + "; firstDepartment=" + r.firstDepartment(),
                DecisionLog.SYSTEM,
                execution.getProcessInstanceId()));
    }

    private static Recommendation recommendation(DmnDecisionResult result) {
        if (result.isEmpty()) {
            throw new IllegalStateException(DECISION_KEY + " matched no rule: give the table a catch-all last row");
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        Object approach = row.get("scopeApproach");
        if (approach == null || !ScopeRules.APPROACHES.contains(approach.toString())) {
            throw new IllegalStateException(DECISION_KEY + " returned scopeApproach " + approach + ", expected one of "
                    + ScopeRules.APPROACHES);
        }
        Object first = row.get("firstDepartment");
        Object reason = row.get("reason");
        return new Recommendation(
                approach.toString(),
                first == null ? null : first.toString(),
                reason == null ? null : reason.toString());
    }
}
