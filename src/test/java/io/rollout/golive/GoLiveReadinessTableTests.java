package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.golive.ReadinessVerdict.Recommendation;
import io.rollout.golive.ReadinessVerdict.Row;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every row of {@code bpmn/go-live-readiness.dmn}, evaluated with the DMN engine alone on the variables the
 * delegate passes, at and just around each threshold, and combined into the recommendation.
 */
class GoLiveReadinessTableTests {

    static DmnEngine dmn;
    static DmnDecision decision;
    static final List<String> matched = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                event.getMatchingRules().forEach(r -> matched.add(r.getId()));
            }
        }));
        dmn = configuration.buildEngine();
        try (InputStream in = new ClassPathResource("bpmn/go-live-readiness.dmn").getInputStream()) {
            decision = dmn.parseDecision(GoLiveReadiness.DECISION_KEY, in);
        }
    }

    static ReadinessFacts ready() {
        return new ReadinessFacts("passed", "passed", "passed", List.of(), List.of(), List.of(), List.of());
    }

    static Recommendation evaluate(ReadinessFacts facts) {
        matched.clear();
        List<Row> rows =
                dmn
                        .evaluateDecisionTable(decision, Variables.fromMap(facts.decisionVariables()))
                        .getResultList()
                        .stream()
                        .map(r -> new Row(
                                (String) r.get("verdict"), (String) r.get("criterion"), (String) r.get("reason")))
                        .toList();
        return ReadinessVerdict.combine(rows);
    }

    static List<String> items(int n) {
        return Collections.nCopies(n, "item");
    }

    @Test
    void everyCriterionMetIsAGo() {
        Recommendation r = evaluate(ready());

        assertThat(matched).containsExactly("Rule_Ready");
        assertThat(r.verdict()).isEqualTo("go");
        assertThat(r.reasons())
                .singleElement()
                .satisfies(row -> assertThat(row.reason()).isNotBlank());
    }

    @Test
    void uatGateFailedOrNotRunIsANoGo() {
        for (String outcome : List.of("failed", ReadinessFacts.NOT_RUN)) {
            Recommendation r = evaluate(
                    new ReadinessFacts(outcome, "passed", "passed", List.of(), List.of(), List.of(), List.of()));

            assertThat(matched).containsExactly("Rule_UatNotPassed");
            assertThat(r.verdict()).isEqualTo("no-go");
            assertThat(r.unmetCriteria()).containsExactly("uat");
        }
        evaluate(new ReadinessFacts(null, "passed", "passed", List.of(), List.of(), List.of(), List.of()));
        assertThat(matched).containsExactly("Rule_UatNotPassed");
    }

    @Test
    void trainingBelowTargetIsAConditionalGoAndNeverCheckedANoGo() {
        Recommendation failed =
                evaluate(new ReadinessFacts("passed", "failed", "passed", List.of(), List.of(), List.of(), List.of()));
        assertThat(matched).containsExactly("Rule_TrainingBelowTarget");
        assertThat(failed.verdict()).isEqualTo("conditional-go");

        Recommendation notRun =
                evaluate(new ReadinessFacts("passed", null, "passed", List.of(), List.of(), List.of(), List.of()));
        assertThat(matched).containsExactly("Rule_TrainingNotChecked");
        assertThat(notRun.verdict()).isEqualTo("no-go");
    }

    @Test
    void specificationNotSignedOffIsANoGo() {
        Recommendation r =
                evaluate(new ReadinessFacts("passed", "passed", "failed", List.of(), List.of(), List.of(), List.of()));

        assertThat(matched).containsExactly("Rule_SpecificationNotSignedOff");
        assertThat(r.verdict()).isEqualTo("no-go");
    }

    @Test
    void oneModuleNotAcceptedIsANoGo() {
        Recommendation r =
                evaluate(new ReadinessFacts("passed", "passed", "passed", items(1), List.of(), List.of(), List.of()));

        assertThat(matched).containsExactly("Rule_ModulesNotAccepted");
        assertThat(r.verdict()).isEqualTo("no-go");
    }

    @Test
    void oneDatasetNotSignedOffIsANoGo() {
        Recommendation r =
                evaluate(new ReadinessFacts("passed", "passed", "passed", List.of(), items(1), List.of(), List.of()));

        assertThat(matched).containsExactly("Rule_DatasetsNotSignedOff");
        assertThat(r.verdict()).isEqualTo("no-go");
        assertThat(r.unmetCriteria()).containsExactly("datasets");
    }

    @Test
    void oneCriticalDefectNotClosedIsANoGo() {
        Recommendation r =
                evaluate(new ReadinessFacts("passed", "passed", "passed", List.of(), List.of(), List.of(), items(1)));

        assertThat(matched).containsExactly("Rule_CriticalDefectsOpen");
        assertThat(r.verdict()).isEqualTo("no-go");
    }

    @Test
    void oneOpenHighRiskIsAConditionalGo() {
        Recommendation r =
                evaluate(new ReadinessFacts("passed", "passed", "passed", List.of(), List.of(), items(1), List.of()));

        assertThat(matched).containsExactly("Rule_HighRisksOpen");
        assertThat(r.verdict()).isEqualTo("conditional-go");
        assertThat(r.unmetCriteria()).containsExactly("risks");
    }

    @Test
    void everyReasonIsGivenAndTheWorstVerdictWins() {
        Recommendation r =
                evaluate(new ReadinessFacts("failed", "failed", "passed", List.of(), items(2), items(3), items(1)));

        assertThat(matched)
                .containsExactly(
                        "Rule_UatNotPassed",
                        "Rule_TrainingBelowTarget",
                        "Rule_DatasetsNotSignedOff",
                        "Rule_CriticalDefectsOpen",
                        "Rule_HighRisksOpen");
        assertThat(r.verdict()).isEqualTo("no-go");
        assertThat(r.reasons())
                .extracting(Row::criterion)
                .containsExactly("uat", "datasets", "defects", "training", "risks");
    }
}
