package io.rollout.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Http;
import io.rollout.identity.Roles;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} as a scraper meets it: request timings, the job executor's counters and the open
 * incidents for a member of {@code monitoring} or {@code camunda-admin}; refused to everyone else; the health probe
 * open to anyone, without details.
 */
@WebTest
class PrometheusWebTests {

    static final String PASSWORD = "monitoring-Secret-2026";
    static final String SCRAPER = "promscraper";
    static final String PMO = "prompmo";
    static final String MONITORING = "monitoring";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void setUp() {
        if (identity.createGroupQuery().groupId(MONITORING).count() == 0) {
            identity.saveGroup(identity.newGroup(MONITORING));
        }
        TestUsers.ensure(identity, SCRAPER, PASSWORD, MONITORING);
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
    }

    @Test
    void aMemberOfMonitoringScrapesRequestTimingsJobExecutorAndIncidents() {
        Http scraper = Http.as(port, SCRAPER, PASSWORD);
        // one request through Spring MVC, so its timing is there to scrape
        scraper.get("/api/session");

        HttpResponse<String> scrape = scraper.get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/session\"")
                .contains("camunda_jobs_acquired_total")
                .contains("camunda_jobs_executed_total{outcome=\"successful\"}")
                .contains("camunda_jobs_executed_total{outcome=\"failed\"}")
                .contains("camunda_jobs_rejected_total")
                .contains("camunda_incidents_open{type=\"failedJob\"}")
                .contains("camunda_incidents_open{type=\"failedExternalTask\"}");
    }

    @Test
    void theAdministratorMayScrapeToo() {
        assertThat(Http.as(port, "admin", "test-admin-Secret-2026")
                        .get("/actuator/prometheus")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void nobodyElseScrapes() {
        assertThat(Http.anonymous(port).get("/actuator/prometheus").statusCode())
                .isEqualTo(401);
        assertThat(Http.as(port, SCRAPER, "wrong-password")
                        .get("/actuator/prometheus")
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.as(port, PMO, PASSWORD).get("/actuator/prometheus").statusCode())
                .isEqualTo(403);
    }

    @Test
    void healthIsOpenAndTellsNoDetails() {
        HttpResponse<String> health = Http.anonymous(port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
    }
}
