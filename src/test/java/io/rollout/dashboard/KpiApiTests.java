package io.rollout.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.Translations;
import io.rollout.shared.WebTest;
import io.rollout.training.TrainingCurricula;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The KPIs of a project computed from what the phases stored, as the PMO's dashboard reads them. */
@WebTest
class KpiApiTests {

    static final String PASSWORD = "kpi-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    Translations translations;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrainingCurricula curricula;

    String code;

    @BeforeEach
    void aProjectWithResults() {
        TestUsers.ensure(identity, "kpipmo", PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, "kpikeyuser", PASSWORD, Roles.KEY_USER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        for (String[] c :
                List.of(new String[] {"TC-1", "fail", "pass"}, new String[] {"TC-2", "pass", "fail"}, new String[] {
                    "TC-3", "pass", null
                })) {
            sql(
                    "insert into test_case (project_code, case_id, title, priority, updated_at) values (?, ?, 'Case', 'high', "
                            + "current_timestamp)",
                    code,
                    c[0]);
            for (int round = 1; round <= 2; round++) {
                if (c[round] != null) {
                    sql(
                            "insert into test_result (project_code, case_id, round, result, recorded_at) values (?, ?, ?, ?, "
                                    + "current_timestamp)",
                            code,
                            c[0],
                            round,
                            c[round]);
                }
            }
        }
        sql(
                "insert into risk (project_code, title, probability, impact, score, owner, status) values (?, 'Key user leaves', "
                        + "4, 5, 20, 'zhangwei', 'open')",
                code);
        sql(
                "insert into risk (project_code, title, probability, impact, score, owner, status) values (?, 'Late licence', "
                        + "2, 2, 4, 'zhangwei', 'open')",
                code);
        sql(
                "insert into risk (project_code, title, probability, impact, score, owner, status) values (?, 'Old one', "
                        + "5, 5, 25, 'zhangwei', 'closed')",
                code);
        sql(
                "insert into log_entry (project_code, kind, title, status, raised_by, raised_at) values (?, 'issue', "
                        + "'Printer', 'open', 'zhangwei', current_timestamp)",
                code);
        sql(
                "insert into incident (project_code, id, title, severity, reporter, status, opened_at, resolved_at) values "
                        + "(?, 1, 'Login fails', 'high', 'sunli', 'resolved', timestamp '2026-11-20 08:00:00', "
                        + "timestamp '2026-11-20 11:00:00')",
                code);
        sql(
                "insert into incident (project_code, id, title, severity, reporter, status, opened_at, resolved_at) values "
                        + "(?, 2, 'Slow report', 'low', 'sunli', 'resolved', timestamp '2026-11-20 08:00:00', "
                        + "timestamp '2026-11-20 09:00:00')",
                code);
        sql(
                "insert into incident (project_code, id, title, severity, reporter, status, opened_at) values "
                        + "(?, 3, 'Label printer', 'medium', 'sunli', 'open', timestamp '2026-11-21 08:00:00')",
                code);
        sql(
                "insert into milestone (project_code, name, owner, due_date, phase, status) values (?, 'Go-live', 'zhangwei', "
                        + "date '2020-01-31', 'go-live', 'open')",
                code);
        sql(
                "insert into milestone (project_code, name, owner, due_date, phase, status) values (?, 'Operations', "
                        + "'zhangwei', date '2999-01-31', 'operations', 'open')",
                code);
        for (String[] t : List.of(
                new String[] {"E1", "操作员", "90"}, new String[] {"E2", "操作员", "50"}, new String[] {"E3", "管理层", "75"})) {
            sql(
                    "insert into trainee (project_code, employee_id, name, department, role) values (?, ?, ?, 'finance', ?)",
                    code,
                    t[0],
                    "Name " + t[0],
                    t[1]);
            sql(
                    "insert into training_attendance (project_code, employee_id, course, session_date, attended, score, "
                            + "recorded_at) values (?, ?, ?, date '2026-11-01', true, ?, current_timestamp)",
                    code,
                    t[0],
                    t[1].equals("管理层") ? "Reports" : "Hands-on",
                    Integer.valueOf(t[2]));
        }
        curricula.plan(
                code,
                List.of(
                        new TrainingCurricula.Planned("Hands-on", "操作员", null, 60, null),
                        new TrainingCurricula.Planned("Reports", "管理层", null, 70, null)));
    }

    @Test
    void theProjectsKpisComeFromWhatItsPhasesStored() {
        ResponseEntity<Map> response =
                rest.withBasicAuth("kpipmo", PASSWORD).getForEntity("/api/projects/" + code + "/kpis", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> kpis = response.getBody();
        assertThat(kpis)
                .containsEntry("uatCases", 3)
                .containsEntry("uatPassed", 2)
                .containsEntry("uatPassRate", 66.7)
                .containsEntry("openRisks", 2)
                .containsEntry("openHighRisks", 1)
                .containsEntry("openIssues", 1)
                .containsEntry("incidents", 3)
                .containsEntry("openIncidents", 1)
                .containsEntry("incidentResolutionHours", 2.0)
                .containsEntry("milestonesLate", 1)
                .containsEntry("milestonesPending", 1)
                .containsEntry("milestonesOnTime", 0);
        assertThat((List<Map<String, Object>>) kpis.get("trainingCoverage"))
                .containsExactly(
                        Map.of("role", "操作员", "trained", 1, "planned", 2, "percent", 50.0),
                        Map.of("role", "管理层", "trained", 1, "planned", 1, "percent", 100.0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChineseReaderGetsTheDashboardsTextsAndItsStoredNamesInChinese() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        ResponseEntity<Map> page = rest.withBasicAuth("kpipmo", PASSWORD)
                .exchange("/api/pages/dashboard/texts", HttpMethod.GET, new HttpEntity<>(headers), Map.class);
        assertThat(page.getBody()).containsEntry("language", "zh-CN");
        assertThat((Map<String, String>) page.getBody().get("texts"))
                .containsEntry("dashboard.heading", "KPI 仪表板")
                .containsEntry("dashboard.card.uatPassRate", "平均用户验收测试通过率")
                .containsEntry("common.language", "语言");
        String html = rest.withBasicAuth("kpipmo", PASSWORD)
                .exchange("/dashboard/", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
        assertThat(html)
                .contains("<html lang=\"zh-CN\">", "<title>Rollout · KPI 仪表板</title>", "<th>里程碑</th>")
                .doesNotContain(">Milestones<", "data-text=");

        ResponseEntity<Map> kpis = rest.withBasicAuth("kpipmo", PASSWORD)
                .exchange("/api/projects/" + code + "/kpis", HttpMethod.GET, new HttpEntity<>(headers), Map.class);
        assertThat((List<Map<String, Object>>) kpis.getBody().get("milestones"))
                .extracting(m -> m.get("name"), m -> m.get("phase"))
                .containsExactlyInAnyOrder(
                        tuple(translations.text("Go-live", Translations.CHINESE), "go-live"),
                        tuple(translations.text("Operations", Translations.CHINESE), "operations"));
        assertThat((List<Map<String, Object>>) kpis.getBody().get("milestones"))
                .allSatisfy(m -> assertThat((String) m.get("name")).containsPattern("\\p{IsHan}"));
        // an English reader gets the names as stored
        assertThat((List<Map<String, Object>>) rest.withBasicAuth("kpipmo", PASSWORD)
                        .getForEntity("/api/projects/" + code + "/kpis", Map.class)
                        .getBody()
                        .get("milestones"))
                .extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("Go-live", "Operations");
    }

    @Test
    void theDashboardIsForThePmoSteeringCommitteeAndAuditors() {
        ResponseEntity<Map> all = rest.withBasicAuth("kpipmo", PASSWORD).getForEntity("/api/kpis", Map.class);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) all.getBody().get("projects"))
                .anySatisfy(p -> assertThat(p).containsEntry("code", code));
        assertThat(rest.withBasicAuth("kpikeyuser", PASSWORD)
                        .getForEntity("/api/kpis", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/kpis", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("kpipmo", PASSWORD)
                        .getForEntity("/api/projects/NO-SUCH/kpis", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    void sql(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }
}
