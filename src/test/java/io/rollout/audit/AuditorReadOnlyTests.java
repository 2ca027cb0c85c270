package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auditors read and change nothing: every writing endpoint of Rollout's API (found from the application's own
 * request mappings, so a new one is covered without touching this test) and the engine's writing REST calls answer
 * 403 to an auditor, and nothing is started. Only their own settings (the language they read in) are theirs to set.
 */
@WebTest
class AuditorReadOnlyTests {

    static final String PASSWORD = "auditor-ro-Secret-2026";
    static final Set<RequestMethod> WRITES =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    /** The person's own settings, not a project's: an auditor chooses the language they read in like anyone. */
    static final Set<String> OWN_SETTINGS = Set.of("PUT /api/me/language");

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
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyWriteOfRolloutsApiIsForbiddenToAnAuditor() {
        TestUsers.ensure(identity, "roauditor", PASSWORD, Roles.AUDITOR);
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of("customers"));
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (!WRITES.contains(method)) {
                        continue;
                    }
                    String path = pattern.replace("{code}", code).replaceAll("\\{[^}]+}", "1");
                    Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
                    HttpEntity<?> body = body(consumes);
                    int status = rest.withBasicAuth("roauditor", PASSWORD)
                            .exchange(path, HttpMethod.valueOf(method.name()), body, String.class)
                            .getStatusCode()
                            .value();
                    if (OWN_SETTINGS.contains(method + " " + pattern)) {
                        assertThat(status).as("%s %s", method, path).isLessThan(300);
                        continue;
                    }
                    assertThat(status).as("%s %s", method, path).isEqualTo(403);
                    checked.add(method + " " + pattern);
                }
            }
        }
        assertThat(checked)
                .hasSizeGreaterThan(15)
                .contains("POST /api/projects/{code}/change-requests", "POST /api/projects/{code}/cancellation");
    }

    @Test
    void theEnginesWritesAreForbiddenToAnAuditorToo() {
        TestUsers.ensure(identity, "roauditor", PASSWORD, Roles.AUDITOR);
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of(), List.of());
        runtime.startProcessInstanceByKey("goLive", code, Map.of("projectCode", code));
        String task = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getId();
        String instance = tasks.createTaskQuery()
                .processInstanceBusinessKey(code)
                .singleResult()
                .getProcessInstanceId();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);

        for (String[] call : List.of(
                new String[] {"POST", "/engine-rest/process-definition/key/implementationProject/start"},
                new String[] {"POST", "/engine-rest/task/" + task + "/complete"},
                new String[] {"POST", "/engine-rest/task/" + task + "/claim"},
                new String[] {"POST", "/engine-rest/process-instance/" + instance + "/variables"},
                new String[] {"DELETE", "/engine-rest/process-instance/" + instance})) {
            String body = call[1].endsWith("/claim") ? "{\"userId\": \"roauditor\"}" : "{}";
            int status = rest.withBasicAuth("roauditor", PASSWORD)
                    .exchange(call[1], HttpMethod.valueOf(call[0]), new HttpEntity<>(body, json), String.class)
                    .getStatusCode()
                    .value();
            assertThat(status).as("%s %s", call[0], call[1]).isEqualTo(403);
        }
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
                .isNull();
    }

    private static HttpEntity<?> body(Set<MediaType> consumes) {
        HttpHeaders headers = new HttpHeaders();
        if (consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes)) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("file", new ByteArrayResource("a,b\n1,2\n".getBytes()) {
                @Override
                public String getFilename() {
                    return "file.csv";
                }
            });
            return new HttpEntity<>(parts, headers);
        }
        if (!consumes.isEmpty() && consumes.stream().noneMatch(MediaType.APPLICATION_JSON::includes)) {
            MediaType type = consumes.iterator().next();
            headers.setContentType(type.isWildcardType() || type.isWildcardSubtype() ? MediaType.TEXT_PLAIN : type);
            return new HttpEntity<>("a,b\n1,2\n".getBytes(), headers);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>("{}", headers);
    }
}
