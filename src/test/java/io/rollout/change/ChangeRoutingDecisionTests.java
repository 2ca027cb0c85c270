package io.rollout.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the DMN table {@code changeRouting} in {@code bpmn/change-routing.dmn}, first hit wins. */
class ChangeRoutingDecisionTests {

    static DmnDecision decision;
    static DmnEngine dmn;
    static String matched;

    @BeforeAll
    static void parse() throws IOException {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of((DmnDecisionTableEvaluationListener)
                event -> matched = event.getMatchingRules().get(0).getId()));
        dmn = configuration.buildEngine();
        try (InputStream in = new FileInputStream("bpmn/change-routing.dmn")) {
            decision = dmn.parseDecision("changeRouting", in);
        }
    }

    @ParameterizedTest(name = "{4}: risk {0}, delay {1}, effort {2}, cost {3} -> {5}")
    @CsvSource({
        "high,   0,  1,     0, Rule_HighRisk,    steering-committee",
        "high,  30, 30, 90000, Rule_HighRisk,    steering-committee",
        "medium, 11, 0,     0, Rule_LongDelay,   steering-committee",
        "low,    10, 21,    0, Rule_LargeEffort, steering-committee",
        "low,    10, 20, 50000.01, Rule_HighCost, steering-committee",
        "medium, 10, 20, 50000, Rule_SmallChange, pmo",
        "low,     0,  0,     0, Rule_SmallChange, pmo"
    })
    void routesTheChangeRequest(String risk, int delay, int effort, double cost, String rule, String group) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("riskLevel", risk);
        variables.put("scheduleDelayDays", delay);
        variables.put("effortDays", effort);
        variables.put("cost", cost);

        DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, variables);

        assertThat((String) result.getSingleEntry()).isEqualTo(group);
        assertThat(matched).isEqualTo(rule);
    }
}
