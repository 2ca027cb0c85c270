package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.operations.Incidents;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History retention as chosen and documented (README "History retention"): every model's time to live, the
 * nightly cleanup window, and our own audit records surviving the engine's history cleanup.
 */
@ProcessTest
class HistoryRetentionTests {

    /** The retention of every process and decision; a new model must be added here and in the README. */
    static final Map<String, String> RETENTION = new TreeMap<>(Map.ofEntries(
            Map.entry("implementationProject", "P3650D"),
            Map.entry("requirementsPhase", "P3650D"),
            Map.entry("planningPhase", "P3650D"),
            Map.entry("buildPhase", "P3650D"),
            Map.entry("dataMigration", "P3650D"),
            Map.entry("userAcceptanceTest", "P3650D"),
            Map.entry("trainingPhase", "P3650D"),
            Map.entry("goLive", "P3650D"),
            Map.entry("operationsPhase", "P3650D"),
            Map.entry("programme", "P3650D"),
            Map.entry("hypercareIncident", "P1825D"),
            Map.entry("raiseRiskOrIssue", "P180D"),
            Map.entry("changeRequest", "P180D"),
            Map.entry("cancelProject", "P180D"),
            Map.entry("giveFeedback", "P180D"),
            Map.entry("changeRouting", "P3650D"),
            Map.entry("goLiveReadiness", "P3650D"),
            Map.entry("scopeDecision", "P3650D")));

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    ProjectRepository projects;

    @Autowired
    Incidents incidents;

    @Autowired
    DecisionLog decisions;

    @Autowired
    ChainVerification verification;

    @Test
    void everyModelKeepsItsHistoryAsLongAsThePolicySays() throws Exception {
        Map<String, String> found = new TreeMap<>();
        Pattern ttl = Pattern.compile(
                "<(?:bpmn:process|decision) id=\"([^\"]+)\"[^>]*camunda:historyTimeToLive=\"([^\"]+)\"");
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn"))
                    .toList()) {
                Matcher m = ttl.matcher(Files.readString(file));
                while (m.find()) {
                    found.put(m.group(1), m.group(2));
                }
            }
        }
        assertThat(found).isEqualTo(RETENTION);
    }

    @Test
    void historyIsCleanedUpAtNightByRemovalTime() {
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }

    @Test
    void ourAuditRecordsSurviveTheEnginesHistoryCleanup() {
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        incidents.open(code, "Printer offline", "low", "finance", "sunli", null);
        String instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
        tasks.complete(
                tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getId(),
                Map.of("resolution", "Cable replaced"));
        assertThat(decisions.forProject(code)).isNotEmpty();

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getRemovalTime())
                .isAfter(Date.from(Instant.now().plus(Duration.ofDays(1824))));

        // five years and a day later the nightly cleanup removes the incident's engine history
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(1830))));
        try {
            management.executeJob(history.cleanUpHistoryAsync(true).getId());
        } finally {
            ClockUtil.reset();
        }

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count())
                .isZero();
        assertThat(decisions.forProject(code))
                .extracting(DecisionLog.Decision::decision)
                .contains("incidentResolved");
        assertThat(verification.verify(code).intact()).isTrue();
    }
}
