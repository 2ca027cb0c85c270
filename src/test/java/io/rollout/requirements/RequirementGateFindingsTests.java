package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.rollout.audit.DecisionLog;
import io.rollout.gate.GateRecorder;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Findings;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The gates of {@code requirementsPhase} with far more findings than a String variable holds (4,000 characters):
 * their findings text is cut at {@link Findings#MAX_LENGTH} and the gate still decides, counted in the application's
 * meter registry.
 */
@ProcessTest
class RequirementGateFindingsTests {

    static final int MUST_HAVES = 300;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RequirementImport importer;

    @Autowired
    DecisionLog decisions;

    @Autowired
    MeterRegistry meters;

    String code;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance", "procurement"), List.of("finance"), List.of());
        StringBuilder csv = new StringBuilder("reqId,department,title,priority,acceptanceCriterion,solutionMatch\n");
        for (int i = 1; i <= MUST_HAVES; i++) {
            csv.append("REQ-FIN-%03d,finance,Requirement %d,must,,\n".formatted(i, i));
        }
        assertThat(importer.importCsv(
                                code,
                                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                                "consultant1")
                        .imported())
                .isEqualTo(MUST_HAVES);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aSignOffWithHundredsOfFindingsFailsWithItsFindingsCutToTheCap() {
        double failedBefore = failedSignOffs();
        ProcessInstance pi = startBefore(RequirementsPhaseProcessTests.SIGN_OFF);

        assertThat(pi)
                .hasPassed(RequirementsPhaseProcessTests.SIGN_OFF)
                .isWaitingAt(RequirementsPhaseProcessTests.CLARIFY);
        assertThat(runtime.getVariable(pi.getId(), "signOffPassed")).isEqualTo(false);
        String findings = (String) runtime.getVariable(pi.getId(), "signOffFindings");
        assertThat(findings)
                .hasSize(Findings.MAX_LENGTH)
                .endsWith("...")
                .startsWith("Must-have requirement REQ-FIN-001 (finance) has no acceptance criterion.\n");
        assertThat(decisions
                        .latest(code, RequirementSignOff.DECISION)
                        .orElseThrow()
                        .findings())
                .as("the decision log keeps every finding it can")
                .hasSizeGreaterThan(MUST_HAVES / 10);
        assertThat(failedSignOffs()).isEqualTo(failedBefore + 1);
    }

    @Test
    void aSolutionMatchWithHundredsOfFindingsFailsWithItsFindingsCutToTheCap() {
        ProcessInstance pi = startBefore(RequirementsPhaseProcessTests.CHECK_MATCH);

        assertThat(pi)
                .hasPassed(RequirementsPhaseProcessTests.CHECK_MATCH)
                .isWaitingAt(RequirementsPhaseProcessTests.CLARIFY);
        assertThat(runtime.getVariable(pi.getId(), "solutionsMatched")).isEqualTo(false);
        assertThat((String) runtime.getVariable(pi.getId(), "matchFindings"))
                .hasSize(Findings.MAX_LENGTH)
                .endsWith("...");
    }

    double failedSignOffs() {
        var counter = meters.find(GateRecorder.OUTCOMES)
                .tags("gate", RequirementSignOff.DECISION, "outcome", "failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    ProcessInstance startBefore(String activity) {
        return runtime.createProcessInstanceByKey(RequirementsPhaseProcessTests.PROCESS)
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity(activity)
                .execute();
    }
}
