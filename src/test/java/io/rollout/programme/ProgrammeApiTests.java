package io.rollout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A programme of three ERP phases over REST: the first project starts at once, each next one only when the
 * previous project reaches operations; incidents are reported over REST too.
 */
@WebTest
class ProgrammeApiTests {

    static final String PASSWORD = "programme-Secret-2026";
    static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 10_000));

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RuntimeService runtime;

    String programme;
    List<String> phases;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "prgpmo", PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, "prgkeyuser", PASSWORD, Roles.KEY_USER);
        for (String department : List.of("procurement", "warehouse", "production", "finance")) {
            TestUsers.ensure(
                    identity,
                    "prgowner" + department,
                    PASSWORD,
                    Roles.BUSINESS_OWNER,
                    Roles.departmentGroup(department));
        }
        int n = NEXT.incrementAndGet();
        programme = "PRG-" + n;
        phases = List.of("ERP-P1-" + n, "ERP-P2-" + n, "ERP-P3-" + n);
    }

    @Test
    void eachPhaseStartsOnlyWhenThePreviousProjectReachesOperations() {
        ResponseEntity<Map> created = rest.withBasicAuth("prgpmo", PASSWORD)
                .postForEntity(
                        "/api/programmes",
                        Map.of(
                                "code",
                                programme,
                                "name",
                                "ERP in three phases",
                                "customer",
                                "East China Precision Manufacturing",
                                "phases",
                                List.of(
                                        phase(
                                                phases.get(0),
                                                "ERP phase 1: procurement and inventory",
                                                List.of("procurement", "warehouse"),
                                                List.of("procurement", "inventory")),
                                        phase(
                                                phases.get(1),
                                                "ERP phase 2: production planning",
                                                List.of("production"),
                                                List.of("production")),
                                        phase(
                                                phases.get(2),
                                                "ERP phase 3: finance",
                                                List.of("finance"),
                                                List.of("finance")))),
                        Map.class);

        assertThat(created.getStatusCode())
                .as(String.valueOf(created.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        assertThat(projects.exists(phases.get(0))).isTrue();
        assertThat(projects.exists(phases.get(1))).isFalse();
        assertThat(statuses()).containsExactly("running", "planned", "planned");

        reachOperations(phases.get(0));
        assertThat(projects.exists(phases.get(1))).isTrue();
        assertThat(projects.exists(phases.get(2))).isFalse();
        assertThat(statuses()).containsExactly("in-operations", "running", "planned");

        reachOperations(phases.get(1));
        reachOperations(phases.get(2));
        assertThat(statuses()).containsExactly("in-operations", "in-operations", "in-operations");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("programme")
                        .processInstanceBusinessKey(programme)
                        .count())
                .isZero();
    }

    @Test
    void aProgrammeWithABadPhaseIsRefusedAndStartsNothing() {
        ResponseEntity<Map> refused = rest.withBasicAuth("prgpmo", PASSWORD)
                .postForEntity(
                        "/api/programmes",
                        Map.of(
                                "code",
                                programme,
                                "name",
                                "ERP",
                                "phases",
                                List.of(
                                        phase(phases.get(0), "Phase 1", List.of("procurement"), List.of("procurement")),
                                        phase("x", "Phase 2", List.of(), List.of()))),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) refused.getBody().get("errors"))
                .containsExactly(
                        "Phase 2: the project code X is not valid, appears twice or belongs to an existing project.",
                        "Phase 2 needs a project name, departments and modules.");
        assertThat(projects.exists(phases.get(0))).isFalse();
        assertThat(rest.withBasicAuth("prgkeyuser", PASSWORD)
                        .postForEntity("/api/programmes", Map.of("code", programme), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void incidentsAreReportedAndListedOverRest() {
        rest.withBasicAuth("prgpmo", PASSWORD)
                .postForEntity(
                        "/api/programmes",
                        Map.of(
                                "code",
                                programme,
                                "name",
                                "ERP",
                                "phases",
                                List.of(
                                        phase(phases.get(0), "Phase 1", List.of("procurement"), List.of("procurement")),
                                        phase(phases.get(1), "Phase 2", List.of("finance"), List.of("finance")))),
                        Map.class);

        ResponseEntity<Map> bad = rest.withBasicAuth("prgkeyuser", PASSWORD)
                .postForEntity(
                        "/api/projects/" + phases.get(0) + "/incidents",
                        Map.of("title", " ", "severity", "urgent", "module", "payroll"),
                        Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) bad.getBody().get("errors")).hasSize(3);

        ResponseEntity<Map> created = rest.withBasicAuth("prgkeyuser", PASSWORD)
                .postForEntity(
                        "/api/projects/" + phases.get(0) + "/incidents",
                        Map.of("title", "Approval mail missing", "severity", "medium", "module", "procurement"),
                        Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<List> listed = rest.withBasicAuth("prgpmo", PASSWORD)
                .getForEntity("/api/projects/" + phases.get(0) + "/incidents", List.class);
        assertThat((List<Map<String, Object>>) listed.getBody())
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("severity", "medium")
                        .containsEntry("reporter", "prgkeyuser")
                        .containsEntry("status", "open"));
    }

    @Test
    void thePmoStartsAProgrammeFromTasklistsStartForm() throws Exception {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String phasesJson = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(List.of(
                        Map.of(
                                "projectCode",
                                phases.get(0),
                                "projectName",
                                "Phase 1",
                                "departments",
                                "procurement, warehouse",
                                "modules",
                                "procurement"),
                        Map.of(
                                "projectCode",
                                phases.get(1),
                                "projectName",
                                "Phase 2",
                                "departments",
                                "finance",
                                "modules",
                                "finance")));
        ResponseEntity<String> started = rest.withBasicAuth("prgpmo", PASSWORD)
                .postForEntity(
                        "/engine-rest/process-definition/key/programme/submit-form",
                        new HttpEntity<>(
                                Map.of(
                                        "variables",
                                        Map.of(
                                                "programmeCode",
                                                Map.of("value", programme),
                                                "programmeName",
                                                Map.of("value", "ERP in phases"),
                                                "phases",
                                                Map.of("value", phasesJson, "type", "Json"))),
                                json),
                        String.class);

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(projects.exists(phases.get(0))).isTrue();
        assertThat(statuses()).containsExactly("running", "planned");
        assertThat(rest.withBasicAuth("prgkeyuser", PASSWORD)
                        .postForEntity(
                                "/engine-rest/process-definition/key/programme/submit-form",
                                new HttpEntity<>("{}", json),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    // the implementation project calls its operations phase when it goes live
    private void reachOperations(String project) {
        runtime.startProcessInstanceByKey("operationsPhase", project, Map.of("projectCode", project));
    }

    private List<String> statuses() {
        return ((List<Map<String, Object>>) rest.withBasicAuth("prgpmo", PASSWORD)
                        .getForEntity("/api/programmes/" + programme, Map.class)
                        .getBody()
                        .get("phases"))
                .stream().map(p -> (String) p.get("status")).toList();
    }

    private static Map<String, Object> phase(String code, String name, List<String> departments, List<String> modules) {
        return Map.of("projectCode", code, "projectName", name, "departments", departments, "modules", modules);
    }
}
