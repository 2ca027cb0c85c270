package io.rollout.golive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The go-live readiness rule behind {@code ServiceTask_AssessReadiness} in {@code goLive}: a project is
 * ready when the UAT gate, the training completion check and the requirement sign-off last passed,
 * every module in scope was last accepted by its users, every dataset was last signed off by its data
 * owner, and no high risk is open. Each criterion is reported, met or not, so the steering committee
 * sees the whole picture.
 */
final class GoLiveReadinessRules {

    static final String PASSED = "passed";
    static final String ACCEPTED = "accepted";
    static final String SIGNED_OFF = "signed-off";

    /**
     * What readiness is judged on.
     *
     * @param uatOutcome       latest {@code uatGate} outcome, {@code null} when never decided
     * @param trainingOutcome  latest {@code trainingCompletionCheck} outcome, or {@code null}
     * @param signOffOutcome   latest {@code requirementSignOff} outcome, or {@code null}
     * @param moduleOutcomes   latest {@code moduleAcceptance} outcome per module
     * @param datasetOutcomes  latest {@code dataSignOff} outcome per dataset
     * @param openHighRisks    open high risks, as they should be named
     */
    record Inputs(String uatOutcome, String trainingOutcome, String signOffOutcome,
                  List<String> modules, Map<String, String> moduleOutcomes,
                  List<String> datasets, Map<String, String> datasetOutcomes, List<String> openHighRisks) {
    }

    /** One criterion: the message key that describes it as it stands, and whether it is met. */
    record Criterion(String key, boolean met, Object... args) {
    }

    /** All criteria in a fixed order; ready when every one is met. */
    record Readiness(List<Criterion> criteria) {

        boolean ok() {
            return criteria.stream().allMatch(Criterion::met);
        }

        List<Criterion> unmet() {
            return criteria.stream().filter(c -> !c.met()).toList();
        }
    }

    Readiness assess(Inputs in) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(gate("golive.readiness.uat", in.uatOutcome()));
        criteria.add(gate("golive.readiness.training", in.trainingOutcome()));
        criteria.add(gate("golive.readiness.signOff", in.signOffOutcome()));
        criteria.add(all("golive.readiness.modules", in.modules(), in.moduleOutcomes(), ACCEPTED));
        criteria.add(all("golive.readiness.datasets", in.datasets(), in.datasetOutcomes(), SIGNED_OFF));
        criteria.add(in.openHighRisks().isEmpty()
            ? new Criterion("golive.readiness.risks.met", true)
            : new Criterion("golive.readiness.risks.unmet", false, String.join(", ", in.openHighRisks())));
        return new Readiness(criteria);
    }

    private static Criterion gate(String key, String outcome) {
        if (outcome == null) {
            return new Criterion(key + ".missing", false);
        }
        return PASSED.equals(outcome) ? new Criterion(key + ".met", true) : new Criterion(key + ".unmet", false, outcome);
    }

    private static Criterion all(String key, List<String> items, Map<String, String> outcomes, String wanted) {
        List<String> missing = items.stream().filter(item -> !wanted.equals(outcomes.get(item))).toList();
        return missing.isEmpty()
            ? new Criterion(key + ".met", true, items.size())
            : new Criterion(key + ".unmet", false, String.join(", ", missing));
    }
}
