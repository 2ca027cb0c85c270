package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.JsonRows;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.Translations;
import io.rollout.shared.WebTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A project's timeline as an auditor reads it: the engine's history (phase started, task created and completed
 * by whom, variables set) merged with the decision log, filtered, and as CSV.
 */
@WebTest
class TimelineApiTests {

    static final String PASSWORD = "timeline-Secret-2026";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    Translations translations;

    String code;

    @BeforeEach
    void goLiveDecidedThroughTheRestApi() {
        TestUsers.ensure(identity, "tlauditor", PASSWORD, Roles.AUDITOR);
        TestUsers.ensure(identity, "tlsteering", PASSWORD, Roles.STEERING_COMMITTEE);
        TestUsers.ensure(identity, "tlkeyuser", PASSWORD, Roles.KEY_USER);
        TestUsers.ensure(identity, "tlops", PASSWORD, Roles.IT_OPERATIONS);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of(), List.of());
        runtime.startProcessInstanceByKey("goLive", code, Map.of("projectCode", code));
        Task plan = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        tasks.complete(
                plan.getId(),
                Map.of(
                        "cutoverStrategy",
                        "big-bang",
                        "strategyReason",
                        "一次性切换 ok",
                        "runbook",
                        JsonRows.of(List.of(Map.of(
                                "stepNo",
                                "1",
                                "title",
                                "Switch",
                                "owner",
                                "tlops",
                                "plannedMinutes",
                                "60",
                                "dependsOn",
                                "")))));
        Task decide = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> submitted = rest.withBasicAuth("tlsteering", PASSWORD)
                .postForEntity(
                        "/engine-rest/task/" + decide.getId() + "/submit-form",
                        new HttpEntity<>("""
                {"variables": {"goLiveDecision": {"value": "no-go"},
                               "decisionReason": {"value": "=HYPERLINK(\\"http://x\\") UAT first"}}}""", headers),
                        String.class);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theTimelineMergesEngineHistoryWithTheDecisionLogInTimeOrder() {
        List<Map<String, Object>> events = timeline("tlauditor", "");

        assertThat(events)
                .extracting(e -> e.get("type") + " " + e.get("event") + " " + e.get("subject"))
                .containsSubsequence(
                        "process started Go-live and cutover",
                        "decision goLiveReadiness go-live",
                        "task created Steering committee: decide go / no-go for " + code,
                        "decision goLiveDecision big-bang",
                        "task completed Steering committee: decide go / no-go for " + code,
                        "task created Resolve the go-live issues of " + code);
        assertThat(events)
                .filteredOn(e -> "completed".equals(e.get("event"))
                        && ("Steering committee: decide go / no-go for " + code).equals(e.get("subject")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e).containsEntry("person", "tlsteering").containsEntry("phase", "goLive");
                });
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("type", "variable")
                        .containsEntry("subject", "goLiveDecision")
                        .containsEntry("detail", "no-go"));
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("type", "decision")
                        .containsEntry("event", "goLiveReadiness")
                        .containsEntry("phase", "goLive")
                        .containsEntry("person", "system"));
    }

    @Test
    void filtersByTypePersonPhaseAndTime() {
        assertThat(timeline("tlauditor", "?type=decision"))
                .extracting(e -> e.get("event"))
                .containsExactly("cutoverPlan", "goLiveReadiness", "goLiveDecision");
        assertThat(timeline("tlauditor", "?person=tlsteering"))
                .extracting(e -> e.get("type") + " " + e.get("event"))
                .containsExactly("decision goLiveDecision", "task completed");
        assertThat(timeline("tlauditor", "?phase=requirementsPhase")).isEmpty();
        assertThat(timeline("tlauditor", "?from=2999-01-01")).isEmpty();
        assertThat(timeline("tlauditor", "?to=2000-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void aBadFilterIsRefusedNamingIt() {
        ResponseEntity<Map> badType = rest.withBasicAuth("tlauditor", PASSWORD)
                .getForEntity("/api/projects/" + code + "/timeline?type=decision,gossip", Map.class);
        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badType.getBody())
                .isEqualTo(
                        Map.of(
                                "errors",
                                List.of(
                                        "Unknown event type gossip: use one or more of process, task, variable, incident, decision.")));
        ResponseEntity<Map> badDate = rest.withBasicAuth("tlauditor", PASSWORD)
                .getForEntity("/api/projects/" + code + "/timeline?from=23.11.2026", Map.class);
        assertThat(badDate.getBody())
                .isEqualTo(Map.of(
                        "errors",
                        List.of("The filter from must be a date (2026-11-23) "
                                + "or an instant (2026-11-23T08:00:00Z), not 23.11.2026.")));
    }

    @Test
    void theCsvDownloadDefusesFormulas() {
        ResponseEntity<byte[]> csv = rest.withBasicAuth("tlauditor", PASSWORD)
                .getForEntity("/api/projects/" + code + "/timeline.csv?type=decision", byte[].class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo(code + "-timeline.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFat,type,event,phase,subject,person,detail,processInstanceId");
        assertThat(text.lines().toList()).hasSize(4);
        assertThat(text)
                .contains("goLiveDecision")
                .doesNotContain(",=HYPERLINK")
                .doesNotContain("\"=HYPERLINK");
    }

    @Test
    void theGateDecisionsDownloadAsAPdfWithTheHashOfItsContent() throws Exception {
        ResponseEntity<byte[]> pdf = rest.withBasicAuth("tlauditor", PASSWORD)
                .getForEntity("/api/projects/" + code + "/timeline.pdf?type=decision", byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo(code + "-decisions.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Gate decisions",
                            "Project: " + code,
                            "for tlauditor",
                            "3 entries",
                            "cutoverPlan",
                            "goLiveReadiness",
                            "goLiveDecision",
                            "tlsteering",
                            "一次性切换 ok");
            assertThat(text).containsPattern("Content hash \\(SHA-256[^)]*\\):\\s+[0-9a-f]{64}");
        }
    }

    @Test
    void onlyAuditorsPmoAndSteeringCommitteeReadTimelines() {
        assertThat(rest.withBasicAuth("tlkeyuser", PASSWORD)
                        .getForEntity("/api/projects/" + code + "/timeline", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/projects/" + code + "/timeline", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("tlauditor", PASSWORD)
                        .getForEntity("/api/projects/NO-SUCH/timeline", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChineseReaderGetsThePageTheTimelineAndItsDownloadsInChinese() throws Exception {
        Map<String, Object> page = chinese("/api/pages/audit/texts", Map.class).getBody();
        assertThat(page).containsEntry("language", "zh-CN");
        assertThat((Map<String, String>) page.get("texts"))
                .containsEntry("audit.heading", "审计轨迹")
                .containsEntry("audit.column.subject", "对象")
                .containsEntry("common.phase.goLive", "上线与切换")
                .doesNotContainKey("dashboard.heading");

        List<Map<String, Object>> events =
                chinese("/api/projects/" + code + "/timeline", List.class).getBody();
        String taskName = "Steering committee: decide go / no-go for " + code;
        assertThat(events)
                .filteredOn(e -> "completed".equals(e.get("event")) && "tlsteering".equals(e.get("person")))
                .singleElement()
                .satisfies(e -> assertThat((String) e.get("subject"))
                        .isEqualTo(translations.text(taskName, Translations.CHINESE))
                        .contains(code)
                        .containsPattern("\\p{IsHan}"));
        assertThat(events)
                .filteredOn(e -> "process".equals(e.get("type")))
                .first()
                .satisfies(e -> assertThat(e).containsEntry("event", "started").containsEntry("detail", "版本 1"));

        String csv = new String(
                chinese("/api/projects/" + code + "/timeline.csv?type=decision", byte[].class)
                        .getBody(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFF时间,类型,动作,阶段,对象,执行人,详情,流程实例 ID");
        // the machine columns stay as they are: ISO instants, the codes the filters take
        assertThat(csv.lines().skip(1).toList())
                .allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT[^,]+Z,decision,.*"));

        byte[] pdf = chinese("/api/projects/" + code + "/timeline.pdf?type=decision", byte[].class)
                .getBody();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("关口决策", "项目：" + code, "生成人 tlauditor", "共 3 条记录", "决策 | goLiveDecision", "第 1 页")
                    .containsPattern("内容哈希[^：]*：\\s+[0-9a-f]{64}")
                    .doesNotContain("Gate decisions", "Project:", "entries");
        }
    }

    <T> ResponseEntity<T> chinese(String path, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9");
        ResponseEntity<T> response = rest.withBasicAuth("tlauditor", PASSWORD)
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> timeline(String user, String query) {
        ResponseEntity<List> response = rest.withBasicAuth(user, PASSWORD)
                .getForEntity("/api/projects/" + code + "/timeline" + query, List.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
