package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Customisation;
import io.rollout.build.BuildRules.Demo;
import io.rollout.build.CustomisationRules.Decision;
import io.rollout.build.CustomisationRules.Development;
import io.rollout.build.IterationPlanRules.IterationPlan;
import io.rollout.build.VendorBaselineRules.Baseline;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.WebTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET /api/projects/{code}/build} over HTTP with basic authentication. */
@WebTest
class BuildApiTests {

    static final String PASSWORD = "build-Secret-2026";
    static final Instant AT = Instant.parse("2026-05-10T08:00:00Z");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    BuildRepository builds;

    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void setUp() {
        if (identity.createUserQuery().userId("buildauditor").count() == 0) {
            User user = identity.newUser("buildauditor");
            user.setFirstName("Build");
            user.setLastName("Auditor");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership("buildauditor", Roles.AUDITOR);
        }
        code = TestProjects.newCode();
        TestProjects.create(
                projects, code, List.of("procurement", "warehouse"), List.of("inventory", "procurement"), List.of());
        for (String[] r : List.of(new String[] {"REQ-P1", "configuration"}, new String[] {"REQ-P2", "customisation"})) {
            jdbc.sql("""
                    insert into requirement (project_code, req_id, department, title, priority, solution_match, updated_at)
                    values (?, ?, 'procurement', 'Title', 'must', ?, ?)""").params(code, r[0], r[1], Timestamp.from(AT)).update();
        }
    }

    @Test
    void showsEveryModuleWithItsIterationsItemsCustomisationsAndUpgradeRisk() {
        builds.startIteration(
                code,
                "procurement",
                1,
                new IterationPlan(
                        "Requisitions",
                        "procurement",
                        List.of("REQ-P1", "REQ-P2"),
                        LocalDate.of(2026, 5, 4),
                        LocalDate.of(2026, 5, 15),
                        true),
                "consultant",
                AT);
        builds.addConfigurationItems(
                code,
                "procurement",
                1,
                List.of(new ConfigurationItem(
                        "field-mapping", "REQ-P1", "LIFNR", "supplier.code", null, null, null, null, null)));
        builds.recordBaseline(
                code,
                "procurement",
                new Baseline("ERP", "8.1.0", LocalDate.of(2026, 1, 15), "OPS-7"),
                "consultant",
                AT);
        builds.propose(
                code,
                "procurement",
                1,
                List.of(
                        new Customisation("report", "Comparison", "Audit", 4, "REQ-P2"),
                        new Customisation("plugin", "Portal", "Nice to have", 20, "REQ-P1")),
                c -> c.effortDays() > 10 ? Roles.STEERING_COMMITTEE : Roles.PMO);
        List<Long> ids = jdbc.sql("select id from customisation where project_code = ? order by id")
                .param(code)
                .query(Long.class)
                .list();
        builds.decide(new Decision(ids.get(0), true, "Audit needs it"), "pmo", AT);
        builds.decide(new Decision(ids.get(1), false, "Standard portal"), "steering", AT);
        builds.recordDevelopment(new Development(ids.get(0), true, "git: erp-ext", null), "developer", AT);
        builds.recordDemo(code, "procurement", 1, new Demo("Requisitions", "key users", "Fine"), "consultant", AT);
        builds.recordAcceptance(code, "procurement", 1, true, null, "owner", AT);

        ResponseEntity<List> response = rest.withBasicAuth("buildauditor", PASSWORD)
                .getForEntity("/api/projects/" + code + "/build", List.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> modules = response.getBody();
        assertThat(modules)
                .extracting(m -> m.get("module"), m -> m.get("department"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("inventory", "warehouse"),
                        org.assertj.core.groups.Tuple.tuple("procurement", "procurement"));
        Map<String, Object> procurement = modules.get(1);
        assertThat((Map<String, Object>) procurement.get("upgradeRisk"))
                .isEqualTo(Map.of("requirements", 2, "customised", 1, "sharePercent", 50, "customisationDays", 4));
        List<Map<String, Object>> iterations = (List<Map<String, Object>>) procurement.get("iterations");
        assertThat(iterations).hasSize(1);
        assertThat(iterations.get(0))
                .containsEntry("goal", "Requisitions")
                .containsEntry("plannedStart", "2026-05-04")
                .containsEntry("scope", List.of("REQ-P1", "REQ-P2"));
        assertThat((Map<String, Object>) iterations.get(0).get("acceptance")).containsEntry("accepted", true);
        assertThat((Map<String, Object>) iterations.get(0).get("demo")).containsEntry("feedback", "Fine");
        assertThat((List<Map<String, Object>>) procurement.get("configurationItems"))
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("iteration", 1)
                        .containsEntry("type", "field-mapping")
                        .containsEntry("sourceField", "LIFNR")
                        .containsEntry("targetField", "supplier.code"));
        assertThat((List<Map<String, Object>>) procurement.get("customisations"))
                .extracting(c -> c.get("description"), c -> c.get("status"), c -> c.get("approvalBoard"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Comparison", "developed", "pmo"),
                        org.assertj.core.groups.Tuple.tuple("Portal", "rejected", "steering-committee"));
        assertThat((Map<String, Object>) ((Map<String, Object>) procurement.get("baseline")).get("baseline"))
                .containsEntry("version", "8.1.0")
                .containsEntry("backupLocation", "OPS-7");
        assertThat(modules.get(0).get("iterations")).isEqualTo(List.of());
        assertThat(modules.get(0).get("baseline")).isNull();
    }

    @Test
    void unknownProjectsAndMissingCredentialsAreRefused() {
        ResponseEntity<Map> unknown =
                rest.withBasicAuth("buildauditor", PASSWORD).getForEntity("/api/projects/NO-SUCH/build", Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).isEqualTo(Map.of("errors", List.of("No project with code NO-SUCH.")));
        assertThat(rest.getForEntity("/api/projects/" + code + "/build", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
