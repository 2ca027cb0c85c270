package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/** Baselining and re-baselining the specification, the way a change request will (issue 5). */
// shares the process tests' Spring context; it starts no process
@ProcessTest
class SpecificationTests {

    @Autowired
    Specification specification;

    @Autowired
    RequirementRepository requirements;

    @Autowired
    RequirementImport importer;

    @Autowired
    ProjectRepository projects;

    @Autowired
    DecisionLog decisions;

    String code;

    @BeforeEach
    void setUp() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        String csv = "reqId,department,title,priority,acceptanceCriterion,solutionMatch\n"
                + "REQ-FIN-001,finance,Expense claims approved online,must,≤ 2 days,configuration\n"
                + "REQ-FIN-002,finance,Cost centre report,should,,standard\n";
        assertThat(importer.importCsv(code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "c1")
                        .ok())
                .isTrue();
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void rebaselineAppliesTheChangesAsTheNextBaselinedVersionWithItsReason() {
        int v1 = specification.freeze(code, DecisionLog.SYSTEM, null);
        specification.baseline(code, v1, DecisionLog.SYSTEM);
        assertThat(specification.baselinedVersion(code)).contains(1);

        Requirement changed = requirements.findByProject(code).get(0);
        changed = new Requirement(
                code,
                "req-fin-001",
                "finance",
                changed.title(),
                null,
                null,
                null,
                "must",
                "≤ 1 day",
                "customisation",
                null,
                null,
                null);
        Requirement added = new Requirement(
                code,
                "REQ-FIN-003",
                "finance",
                "Mobile approval",
                null,
                null,
                null,
                "could",
                null,
                null,
                null,
                null,
                null);
        Requirement withdrawn = requirements.findByProject(code).get(1).with("REQ-FIN-002", Requirement.WITHDRAWN);
        int v2 = specification.rebaseline(
                code, "CR-007: approvals within one day", "pmo1", List.of(changed, added, withdrawn));

        assertThat(v2).isEqualTo(2);
        assertThat(specification.baselinedVersion(code)).contains(2);
        assertThat(requirements.version(code, 2)).hasValueSatisfying(v -> {
            assertThat(v.frozenBy()).isEqualTo("pmo1");
            assertThat(v.baselinedBy()).isEqualTo("pmo1");
            assertThat(v.reason()).isEqualTo("CR-007: approvals within one day");
            assertThat(v.contentHash())
                    .isNotEqualTo(requirements.version(code, 1).orElseThrow().contentHash());
        });
        assertThat(requirements.snapshot(code, 2))
                .extracting(Requirement::reqId, Requirement::acceptanceCriterion, Requirement::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REQ-FIN-001", "≤ 1 day", Requirement.BASELINED),
                        org.assertj.core.groups.Tuple.tuple("REQ-FIN-002", null, Requirement.WITHDRAWN),
                        org.assertj.core.groups.Tuple.tuple("REQ-FIN-003", null, Requirement.BASELINED));
        assertThat(requirements.snapshot(code, 1))
                .extracting(Requirement::acceptanceCriterion)
                .containsExactly("≤ 2 days", null);
        Decision decision = decisions.latest(code, Specification.REBASELINE).orElseThrow();
        assertThat(decision.subject()).isEqualTo("specification v2");
        assertThat(decision.decidedBy()).isEqualTo("pmo1");
        assertThat(decision.findings()).containsExactly("CR-007: approvals within one day");
        assertThat(decision.inputs()).startsWith("from v1; changed REQ-FIN-001,REQ-FIN-003,REQ-FIN-002; hash ");
        assertThat(specification.history(code))
                .extracting(Specification.VersionHistory::version)
                .containsExactly(1, 2);
    }

    @Test
    void rebaselineIsRefusedBeforeABaselineWithoutReasonAndWithInvalidChanges() {
        assertThatThrownBy(() -> specification.rebaseline(code, "CR-1", "pmo1", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no baselined version");
        int v1 = specification.freeze(code, DecisionLog.SYSTEM, null);
        specification.baseline(code, v1, DecisionLog.SYSTEM);
        Requirement bad = new Requirement(
                code, "REQ-SAL-001", "sales", null, null, null, null, "urgent", null, null, null, null, null);
        assertThatThrownBy(() -> specification.rebaseline(code, " ", "pmo1", List.of(bad)))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage(String.join(
                        "\n",
                        "The field \"reason\" is required.",
                        "Row 1: the field \"title\" is required.",
                        "Row 1: the field \"priority\" must be one of must/should/could, not \"urgent\".",
                        "Row 1: department \"sales\" is not in the scope of project " + code
                                + "; departments in scope: finance."));
        assertThat(requirements.latestVersion(code))
                .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(requirements.findByProject(code)).hasSize(2);
    }

    @Test
    void aBaselinedSpecificationRefusesTheImport() {
        specification.baseline(code, specification.freeze(code, DecisionLog.SYSTEM, null), DecisionLog.SYSTEM);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        String csv = "reqId,department,title,priority\nREQ-FIN-009,finance,New,could\n";
        assertThat(importer.importCsv(code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "c1")
                        .errors())
                .containsExactly("项目 " + code + " 的需求规格说明书 v1 已基线化：需求只能通过变更申请修改。");
        assertThat(requirements.findByProject(code)).hasSize(2).allMatch(r -> Requirement.BASELINED.equals(r.status()));
    }
}
