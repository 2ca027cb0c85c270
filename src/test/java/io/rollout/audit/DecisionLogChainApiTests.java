package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The decision log is hash-chained: records written by the application verify, and a record changed,
 * removed or added directly in the database is found and named by the verification endpoint.
 */
@WebTest
class DecisionLogChainApiTests {

    static final String PASSWORD = "audit-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    DecisionLog log;

    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, "chainauditor", PASSWORD, Roles.AUDITOR);
        TestUsers.ensure(identity, "chainkeyuser", PASSWORD, Roles.KEY_USER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
        log.record(new Decision(
                code, "requirementSignOff", "specification v1", "passed", List.of(), "v1", "system", null));
        log.record(new Decision(
                code,
                "uatGate",
                "round 1",
                "failed",
                List.of("REQ-FIN-001 not covered", "#3 TC-002 open"),
                "8/10 passed",
                "system",
                null));
        log.record(new Decision(
                code,
                "goLiveDecision",
                "waves",
                "go",
                List.of("All criteria met"),
                "recommendation=go",
                "huangjun",
                null));
    }

    @Test
    void recordsWrittenByTheApplicationAreIntact() {
        Map<String, Object> result = body(verify("chainauditor"));

        assertThat(result)
                .containsEntry("projectCode", code)
                .containsEntry("records", 3)
                .containsEntry("intact", true);
        assertThat((String) result.get("headHash")).hasSize(64);
        assertThat(jdbc.sql("select chain_seq from decision_log where project_code = ? order by id")
                        .param(code)
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRecordEditedInTheDatabaseIsFound() {
        jdbc.sql("update decision_log set outcome = 'passed' where project_code = ? and chain_seq = 2")
                .param(code)
                .update();

        Map<String, Object> result = body(verify("chainauditor"));

        assertThat(result).containsEntry("intact", false).containsEntry("brokenSeq", 2);
        assertThat((String) result.get("problem"))
                .startsWith("Record 2 (id ")
                .contains("was changed after it was written");
    }

    @Test
    void aRecordDeletedFromTheMiddleOrTheEndIsFound() {
        jdbc.sql("delete from decision_log where project_code = ? and chain_seq = 3")
                .param(code)
                .update();
        assertThat(body(verify("chainauditor")))
                .containsEntry("intact", false)
                .containsEntry(
                        "problem",
                        "The project records a chain of 3 records but 2 were found: records at the end "
                                + "were removed or added.");

        jdbc.sql("delete from decision_log where project_code = ? and chain_seq = 1")
                .param(code)
                .update();
        assertThat(body(verify("chainauditor")))
                .containsEntry("intact", false)
                .containsEntry("brokenSeq", 2)
                .containsEntry(
                        "problem",
                        "The chain expects record 1 next but finds record 2: a record was removed or " + "inserted.");
    }

    @Test
    void aRecordInsertedOutsideTheApplicationIsFound() {
        jdbc.sql("""
                insert into decision_log (project_code, decision, subject, outcome, decided_by, decided_at)
                values (?, 'goLiveDecision', 'big-bang', 'go', 'intruder', current_timestamp)""").param(code).update();

        assertThat(body(verify("chainauditor")))
                .containsEntry("intact", false)
                .hasEntrySatisfying(
                        "problem", p -> assertThat((String) p).contains("was added outside the application"));
    }

    @Test
    void onlyAuditorsPmoAndSteeringCommitteeVerify() {
        assertThat(verify("chainkeyuser").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/projects/" + code + "/audit/verification", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("chainauditor", PASSWORD)
                        .getForEntity("/api/projects/NO-SUCH/audit/verification", Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<List> all =
                rest.withBasicAuth("chainauditor", PASSWORD).getForEntity("/api/audit/verification", List.class);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody())
                .anySatisfy(r ->
                        assertThat(body(r)).containsEntry("projectCode", code).containsEntry("intact", true));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Object response) {
        return (Map<String, Object>) (response instanceof ResponseEntity<?> entity ? entity.getBody() : response);
    }

    ResponseEntity<Map> verify(String user) {
        return rest.withBasicAuth(user, PASSWORD)
                .getForEntity("/api/projects/" + code + "/audit/verification", Map.class);
    }
}
