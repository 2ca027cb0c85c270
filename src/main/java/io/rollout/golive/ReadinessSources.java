package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Gathers the inputs of {@link GoLiveReadinessRules} for {@code ServiceTask_AssessReadiness}. Other
 * phases are read only through the decision log and the project scope, never through their tables,
 * so go-live does not depend on how they store their work.
 */
@Component
class ReadinessSources {

    // build and migration name their decisions "module <module> iteration <n>" (ModuleAcceptance) and
    // "dataset <dataset> round <n>" (DatasetSignOff); the readiness criteria count per module and dataset
    private static final Pattern ITEM_SUBJECT = Pattern.compile("(?:module|dataset) (\\S+) (?:iteration|round) \\d+");

    private final DecisionLog decisions;
    private final ProjectScope scope;
    private final OpenHighRisks risks;

    ReadinessSources(DecisionLog decisions, ProjectScope scope, OpenHighRisks risks) {
        this.decisions = decisions;
        this.scope = scope;
        this.risks = risks;
    }

    GoLiveReadinessRules.Inputs gather(String projectCode) {
        List<Decision> log = decisions.forProject(projectCode);
        return new GoLiveReadinessRules.Inputs(latest(log, "uatGate"), latest(log, "trainingCompletionCheck"),
            latest(log, "requirementSignOff"),
            scope.modules(projectCode), latestPerSubject(log, "moduleAcceptance"),
            scope.datasets(projectCode), latestPerSubject(log, "dataSignOff"),
            risks.of(projectCode));
    }

    private static String latest(List<Decision> log, String decision) {
        String outcome = null;
        for (Decision d : log) {
            if (decision.equals(d.decision())) {
                outcome = d.outcome();
            }
        }
        return outcome;
    }

    // the log is oldest first, so a later decision on the same module or dataset replaces an earlier one
    private static Map<String, String> latestPerSubject(List<Decision> log, String decision) {
        Map<String, String> outcomes = new HashMap<>();
        for (Decision d : log) {
            if (decision.equals(d.decision()) && d.subject() != null) {
                outcomes.put(item(d.subject()), d.outcome());
            }
        }
        return outcomes;
    }

    /** The module or dataset a decision is about: {@code finance} for "module finance iteration 2". */
    static String item(String subject) {
        Matcher m = ITEM_SUBJECT.matcher(subject);
        return m.matches() ? m.group(1) : subject;
    }
}
