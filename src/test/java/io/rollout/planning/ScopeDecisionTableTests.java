package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every row of {@code bpmn/scope-decision.dmn}, evaluated with the DMN engine alone (no process engine). */
class ScopeDecisionTableTests {

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
        try (InputStream in = new ClassPathResource("bpmn/scope-decision.dmn").getInputStream()) {
            decision = dmn.parseDecision(ScopeRecommendation.DECISION_KEY, in);
        }
    }

    /** The first matching rule's id and outputs. */
    static Map<String, Object> evaluate(String systemType, List<String> departments, int modules, int highRisks) {
        matched.clear();
        // the same variables the delegate passes
        DmnDecisionRuleResult result = dmn.evaluateDecisionTable(
                        decision,
                        Variables.fromMap(new ScopeRules.ScopeInputs(
                                        departments, Collections.nCopies(modules, "module"), highRisks, systemType)
                                .decisionVariables()))
                .getSingleResult();
        return Map.of(
                "rule",
                matched.get(0),
                "scopeApproach",
                result.get("scopeApproach"),
                "firstDepartment",
                String.valueOf(result.get("firstDepartment")),
                "reason",
                result.get("reason"));
    }

    static void assertRow(Map<String, Object> outcome, String rule, String approach, String first) {
        assertThat(outcome)
                .containsEntry("rule", rule)
                .containsEntry("scopeApproach", approach)
                .containsEntry("firstDepartment", first);
        assertThat((String) outcome.get("reason")).isNotBlank();
    }

    @Test
    void oneDepartmentWithFewModulesRollsOutFully() {
        assertRow(evaluate("ERP", List.of("finance"), 2, 4), "Rule_OneDepartment", "full-rollout", "finance");
    }

    @Test
    void manyHighRisksPilotInTheWarehouseWhenItIsInScope() {
        assertRow(
                evaluate("ERP", List.of("finance", "sales", "warehouse"), 3, 3),
                "Rule_HighRisksWarehouseFirst",
                "pilot",
                "warehouse");
    }

    @Test
    void manyHighRisksWithoutWarehousePilotInTheFirstDepartment() {
        assertRow(evaluate("CRM", List.of("finance", "sales"), 2, 5), "Rule_HighRisks", "pilot", "finance");
    }

    @Test
    void erpAcrossThreeDepartmentsStartsWithProcurement() {
        assertRow(
                evaluate("ERP", List.of("finance", "procurement", "production"), 3, 0),
                "Rule_ErpProcurementFirst",
                "pilot",
                "procurement");
    }

    @Test
    void crmAcrossSeveralDepartmentsStartsWithSales() {
        assertRow(evaluate("CRM", List.of("finance", "sales"), 1, 0), "Rule_CrmSalesFirst", "pilot", "sales");
    }

    @Test
    void mesPilotsInProduction() {
        assertRow(
                evaluate("MES", List.of("production", "quality"), 2, 1),
                "Rule_MesProductionFirst",
                "pilot",
                "production");
    }

    @Test
    void wmsRollsOutFullyFromTheWarehouse() {
        assertRow(
                evaluate("WMS", List.of("sales", "warehouse"), 2, 0),
                "Rule_WmsWarehouseFirst",
                "full-rollout",
                "warehouse");
    }

    @Test
    void manyModulesPilotFirst() {
        assertRow(evaluate("OA", List.of("finance", "hr"), 5, 0), "Rule_ManyModules", "pilot", "finance");
    }

    @Test
    void anythingElseRollsOutFully() {
        assertRow(
                evaluate("ERP", List.of("procurement", "warehouse"), 2, 0),
                "Rule_Default",
                "full-rollout",
                "procurement");
        // the rows that need a department do not match without it
        assertRow(evaluate("ERP", List.of("finance", "hr", "sales"), 3, 2), "Rule_Default", "full-rollout", "finance");
        assertRow(evaluate("MES", List.of("quality", "warehouse"), 2, 0), "Rule_Default", "full-rollout", "quality");
    }

    @Test
    void aProjectWithoutDepartmentsGetsNoFirstDepartment() {
        assertRow(evaluate("OTHER", List.of(), 1, 0), "Rule_OneDepartment", "full-rollout", "null");
    }
}
