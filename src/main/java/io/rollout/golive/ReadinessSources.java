package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.migration.MigrationStatus;
import io.rollout.project.ProjectScope;
import io.rollout.uat.UatStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Gathers the {@link ReadinessFacts} for {@code BusinessRuleTask_AssessReadiness}. Other phases are read
 * through the decision log (gates, module acceptance), their public read APIs ({@link MigrationStatus} for
 * data sign-off, {@link UatStatus} for defects) and the risk register, never through their tables, so
 * go-live does not depend on how they store their work.
 */
@Component
class ReadinessSources {

    // build names its decisions "module <module> iteration <n>" (ModuleAcceptance); readiness counts per module
    private static final Pattern ITEM_SUBJECT = Pattern.compile("module (\\S+) iteration \\d+");

    private final DecisionLog decisions;
    private final ProjectScope scope;
    private final OpenHighRisks risks;
    private final MigrationStatus migration;
    private final UatStatus uat;

    ReadinessSources(DecisionLog decisions, ProjectScope scope, OpenHighRisks risks, MigrationStatus migration,
                     UatStatus uat) {
        this.decisions = decisions;
        this.scope = scope;
        this.risks = risks;
        this.migration = migration;
        this.uat = uat;
    }

    ReadinessFacts gather(String projectCode) {
        List<Decision> log = decisions.forProject(projectCode);
        Map<String, String> acceptance = latestPerSubject(log, "moduleAcceptance");
        List<String> modulesNotAccepted = scope.modules(projectCode).stream()
            .filter(module -> !"accepted".equals(acceptance.get(module))).toList();
        return new ReadinessFacts(latest(log, "uatGate"), latest(log, "trainingCompletionCheck"),
            latest(log, "requirementSignOff"), modulesNotAccepted, migration.datasetsNotSignedOff(projectCode),
            risks.of(projectCode), uat.unclosedDefects(projectCode, "critical"));
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

    // the log is oldest first, so a later decision on the same module replaces an earlier one
    private static Map<String, String> latestPerSubject(List<Decision> log, String decision) {
        Map<String, String> outcomes = new HashMap<>();
        for (Decision d : log) {
            if (decision.equals(d.decision()) && d.subject() != null) {
                outcomes.put(item(d.subject()), d.outcome());
            }
        }
        return outcomes;
    }

    /** The module a decision is about: {@code finance} for "module finance iteration 2". */
    static String item(String subject) {
        Matcher m = ITEM_SUBJECT.matcher(subject);
        return m.matches() ? m.group(1) : subject;
    }
}
