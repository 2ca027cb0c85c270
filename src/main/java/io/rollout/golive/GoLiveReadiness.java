package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.golive.ReadinessVerdict.Recommendation;
import io.rollout.golive.ReadinessVerdict.Row;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code BusinessRuleTask_AssessReadiness} in {@code goLive}: evaluates the DMN table {@value #DECISION_KEY}
 * ({@code bpmn/go-live-readiness.dmn}, which a process owner changes without Java) on the
 * {@link ReadinessFacts} of the project, combines the matching rows with {@link ReadinessVerdict} and
 * records the recommendation as decision {@code goLiveReadiness} (outcome go, conditional-go or no-go).
 *
 * <p>Reads {@code projectCode}; writes {@code readinessVerdict}, {@code readinessOk} (verdict is go),
 * {@code readinessFindings} (one line per reason, with what it names) and {@code readinessSummary} (every
 * fact with ✓ or ✗), and the same as rows for the forms' tables: {@code readinessFacts} ({@code met}, {@code criterion},
 * {@code found}) and {@code readinessReasons} ({@code verdict}, {@code reason}, {@code concerns}).
 */
@Component("goLiveReadiness")
class GoLiveReadiness implements JavaDelegate {

    static final String DECISION_KEY = "goLiveReadiness";
    static final String DECISION = "goLiveReadiness";
    static final List<String> CRITERIA =
            List.of("uat", "training", "signOff", "modules", "datasets", "risks", "defects");

    private final ReadinessSources sources;
    private final DecisionService decisionService;
    private final DecisionLog decisions;
    private final Messages messages;

    GoLiveReadiness(
            ReadinessSources sources, DecisionService decisionService, DecisionLog decisions, Messages messages) {
        this.sources = sources;
        this.decisionService = decisionService;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = ProcessVariables.projectCode(execution);
        ReadinessFacts facts = sources.gather(projectCode);
        // API calls from delegates are not authorization-checked (authorizationEnabledForCustomCode is off)
        DmnDecisionResult result = decisionService
                .evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.fromMap(facts.decisionVariables()))
                .evaluate();
        Recommendation recommendation = ReadinessVerdict.combine(result.getResultList().stream()
                .map(r -> new Row(text(r.get("verdict")), text(r.get("criterion")), text(r.get("reason"))))
                .toList());
        List<String> findings =
                recommendation.reasons().stream().map(r -> finding(r, facts)).toList();
        List<String> summary = CRITERIA.stream()
                .map(c -> (recommendation.unmetCriteria().contains(c) ? "✗ " : "✓ ") + fact(c, facts))
                .toList();
        execution.setVariable("readinessVerdict", Variables.stringValue(recommendation.verdict()));
        execution.setVariable("readinessOk", ReadinessVerdict.GO.equals(recommendation.verdict()));
        execution.setVariable("readinessFindings", bullets(findings));
        execution.setVariable("readinessSummary", bullets(summary));
        execution.setVariable(
                "readinessFacts",
                JsonRows.of(CRITERIA.stream()
                        .map(c -> row(
                                "met",
                                recommendation.unmetCriteria().contains(c) ? "✗" : "✓",
                                "criterion",
                                messages.forRecord("golive.readiness.criterion." + c),
                                "found",
                                found(c, facts)))
                        .toList()));
        execution.setVariable(
                "readinessReasons",
                JsonRows.of(recommendation.reasons().stream()
                        .map(r -> row(
                                "verdict",
                                messages.forRecord("golive.verdict." + r.verdict()),
                                "reason",
                                r.reason(),
                                "concerns",
                                facts.details(r.criterion())))
                        .toList()));
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "go-live",
                recommendation.verdict(),
                findings,
                facts.summary(),
                DecisionLog.SYSTEM,
                execution.getProcessInstanceId()));
    }

    private String finding(Row row, ReadinessFacts facts) {
        String details = facts.details(row.criterion());
        return details.isEmpty() ? row.reason() : messages.forRecord("golive.readiness.finding", row.reason(), details);
    }

    private String fact(String criterion, ReadinessFacts facts) {
        String details = facts.details(criterion);
        return messages.forRecord(
                "golive.readiness.fact." + criterion,
                details.isEmpty() ? messages.forRecord("golive.readiness.none") : details);
    }

    private String found(String criterion, ReadinessFacts facts) {
        String details = facts.details(criterion);
        return details.isEmpty() ? messages.forRecord("golive.readiness.none") : details;
    }

    private static Map<String, Object> row(String... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    // a markdown list, so the text components of the forms show one line per criterion
    static String bullets(List<String> lines) {
        return lines.isEmpty() ? "" : "- " + String.join("\n- ", lines);
    }
}
