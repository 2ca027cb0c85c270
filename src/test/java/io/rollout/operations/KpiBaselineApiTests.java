package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The PMO captures the KPI baseline at planning over REST; bad values are refused naming each field. */
@WebTest
class KpiBaselineApiTests {

    static final String PASSWORD = "baseline-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    String code;

    @BeforeEach
    void aProject() {
        TestUsers.ensure(identity, "blpmo", PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, "blkeyuser", PASSWORD, Roles.KEY_USER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
    }

    @Test
    void theBaselineIsCapturedAndReadBack() {
        Map<String, Object> body = baseline();
        ResponseEntity<Map> saved = put("blpmo", body);

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("blkeyuser", PASSWORD)
                        .getForEntity("/api/projects/" + code + "/kpi-baseline", Map.class)
                        .getBody())
                .containsEntry("satisfaction", 3)
                .containsEntry("plannedGoLive", "2026-09-30");
    }

    @Test
    void aDecimalSatisfactionKeepsWhatWasTypedAndMoreDecimalsThanKeptAreRefused() {
        Map<String, Object> body = baseline();
        body.put("satisfaction", 2.8);
        assertThat(put("blpmo", body).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("blkeyuser", PASSWORD)
                        .getForEntity("/api/projects/" + code + "/kpi-baseline", Map.class)
                        .getBody())
                .containsEntry("satisfaction", 2.8)
                .containsEntry("errorRatePct", 6.5);

        body.put("satisfaction", 2.845);
        ResponseEntity<Map> refused = put("blpmo", body);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) refused.getBody().get("errors"))
                .containsExactly("The baseline field \"satisfaction\" takes at most 2 decimals, not \"2.845\".");
    }

    @Test
    void badValuesAreRefusedNamingEachFieldAndOnlyThePmoCaptures() {
        Map<String, Object> body = baseline();
        body.put("errorRatePct", 120);
        body.put("satisfaction", 9);
        body.put("plannedGoLive", "30.09.2026");
        body.remove("projectCost");

        ResponseEntity<Map> refused = put("blpmo", body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) refused.getBody().get("errors"))
                .containsExactly(
                        "The baseline field \"errorRatePct\" must be a number from 0 to 100, not \"120\".",
                        "The baseline field \"satisfaction\" must be a number from 1 to 5, not \"9\".",
                        "The planned go-live must be a date (2026-09-30), not \"30.09.2026\".",
                        "For the ROI give both the hourly rate and the project cost, or neither.");
        assertThat(rest.withBasicAuth("blpmo", PASSWORD)
                        .getForEntity("/api/projects/" + code + "/kpi-baseline", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(put("blkeyuser", baseline()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    ResponseEntity<Map> put(String user, Map<String, Object> body) {
        return rest.withBasicAuth(user, PASSWORD)
                .exchange("/api/projects/" + code + "/kpi-baseline", HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }

    static Map<String, Object> baseline() {
        Map<String, Object> body = new HashMap<>();
        body.put("manualHoursPerMonth", 400);
        body.put("errorRatePct", 6.5);
        body.put("satisfaction", 3);
        body.put("resolutionHours", 12);
        body.put("targetActiveUsersPct", 80);
        body.put("plannedGoLive", "2026-09-30");
        body.put("hourlyRate", 150);
        body.put("projectCost", 500000);
        return body;
    }
}
