package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What another site can make a logged-in browser send, and what it gets: requests to {@code /api} and
 * {@code /engine-rest} that carry the user's basic credentials (as a browser repeats a cached basic login) or the web
 * apps' session cookie, but come from another origin, are refused with 403 and change nothing; programs (no
 * {@code Origin}) and Rollout's own pages (same origin, session with its CSRF token) keep working.
 */
@WebTest
class CrossSiteRequestWebTests {

    static final String PASSWORD = "crosssite-Secret-2026";
    static final String PMO = "crosspmo";
    static final String OWNER = "crossowner";
    static final String EVIL = "https://evil.example";
    static final String CSV = "reqId,department,title,priority\nREQ-FIN-001,finance,Expense claims,must\n";
    static final String DEPLOYMENT = "cross-site-test";
    static final String BPMN = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://rollout.io/test">
          <process id="crossSiteTestDeployment" name="Cross-site test" isExecutable="true"
                   camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Started" name="Started"/>
          </process>
        </definitions>
        """;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DelegatingFilterProxyRegistrationBean securityFilterChainRegistration;

    final ObjectMapper json = new ObjectMapper();
    String code;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO);
        TestUsers.ensure(identity, OWNER, PASSWORD, Roles.PROCESS_OWNER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
    }

    @AfterEach
    void cleanUp() {
        repository
                .createDeploymentQuery()
                .deploymentName(DEPLOYMENT)
                .list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void aRequirementImportWithBasicCredentialsFromAnotherSiteIsRefusedAndImportsNothing() throws Exception {
        HttpResponse<String> fromOrigin = importAs(Http.as(port, PMO, PASSWORD).header("Origin", EVIL));
        assertThat(fromOrigin.statusCode()).as(Http.describe(fromOrigin)).isEqualTo(403);
        assertThat(errors(fromOrigin)).singleElement().asString().contains("https://evil.example");

        HttpResponse<String> crossSite = importAs(Http.as(port, PMO, PASSWORD).header("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).as(Http.describe(crossSite)).isEqualTo(403);
        HttpResponse<String> nullOrigin = importAs(Http.as(port, PMO, PASSWORD).header("Origin", "null"));
        assertThat(nullOrigin.statusCode()).as(Http.describe(nullOrigin)).isEqualTo(403);
        // a browser that sends no Origin on a form post still names the page it came from
        HttpResponse<String> referred = importAs(Http.as(port, PMO, PASSWORD).header("Referer", EVIL + "/prize.html"));
        assertThat(referred.statusCode()).as(Http.describe(referred)).isEqualTo(403);
        // a lookalike of our own host on another port or scheme is another origin
        HttpResponse<String> otherPort =
                importAs(Http.as(port, PMO, PASSWORD).header("Origin", "http://localhost:" + (port + 1)));
        assertThat(otherPort.statusCode()).as(Http.describe(otherPort)).isEqualTo(403);
        assertThat(requirements()).isZero();

        HttpResponse<String> sameOrigin = importAs(Http.as(port, PMO, PASSWORD)
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin"));
        assertThat(sameOrigin.statusCode()).as(Http.describe(sameOrigin)).isEqualTo(200);
        assertThat(requirements()).isEqualTo(1);
    }

    @Test
    void aProgramWithoutOriginStillImports() throws Exception {
        HttpResponse<String> program = importAs(Http.as(port, PMO, PASSWORD));

        assertThat(program.statusCode()).as(Http.describe(program)).isEqualTo(200);
        assertThat(json.readTree(program.body()).get("imported").asInt()).isEqualTo(1);
    }

    @Test
    void aDeploymentFromAnotherSiteIsRefusedAndDeploysNothing() {
        HttpResponse<String> fromOrigin =
                deployAs(Http.as(port, OWNER, PASSWORD).header("Origin", EVIL));
        assertThat(fromOrigin.statusCode()).as(Http.describe(fromOrigin)).isEqualTo(403);
        assertThat(fromOrigin.body()).contains("https://evil.example");
        HttpResponse<String> crossSite =
                deployAs(Http.as(port, OWNER, PASSWORD).header("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).as(Http.describe(crossSite)).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentName(DEPLOYMENT).count())
                .isZero();

        // Camunda Modeler deploys from its own process, without a browser's Origin
        HttpResponse<String> modeler = deployAs(Http.as(port, OWNER, PASSWORD));
        assertThat(modeler.statusCode()).as(Http.describe(modeler)).isEqualTo(200);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("crossSiteTestDeployment")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSessionRequestWithoutItsCsrfTokenIsRefusedAndImportsNothing() throws Exception {
        Http cookieOnly = Http.webappSession(port, PMO, PASSWORD).withoutCsrfToken();
        HttpResponse<String> forged = importAs(cookieOnly);
        assertThat(forged.statusCode()).as(Http.describe(forged)).isEqualTo(403);
        assertThat(errors(forged)).singleElement().asString().contains("X-XSRF-TOKEN");
        HttpResponse<String> wrongToken =
                importAs(Http.webappSession(port, PMO, PASSWORD).withCsrfToken("0123456789ABCDEF0123456789ABCDEF"));
        assertThat(wrongToken.statusCode()).as(Http.describe(wrongToken)).isEqualTo(403);
        assertThat(requirements()).isZero();

        // Rollout's own pages: the session of the web apps with its token, no password
        HttpResponse<String> page =
                importAs(Http.webappSession(port, PMO, PASSWORD).header("Origin", "http://localhost:" + port));
        assertThat(page.statusCode()).as(Http.describe(page)).isEqualTo(200);
        assertThat(requirements()).isEqualTo(1);
    }

    @Test
    void thePagesUseTheWebAppsLoginAndItsCsrfToken() throws Exception {
        Http session = Http.webappSession(port, PMO, PASSWORD);

        HttpResponse<String> me = session.get("/api/session");
        assertThat(me.statusCode()).as(Http.describe(me)).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("userId").asText()).isEqualTo(PMO);
        assertThat(json.readTree(me.body()).get("csrfToken").asText()).isEqualTo(session.csrfToken());
        // a program with basic credentials needs no token and gets none
        assertThat(json.readTree(
                                Http.as(port, PMO, PASSWORD).get("/api/session").body())
                        .get("csrfToken")
                        .isNull())
                .isTrue();
        HttpResponse<String> projects = session.get("/api/projects");
        assertThat(projects.statusCode()).isEqualTo(200);
        // the session stays Camunda's: a new id would log out Tasklist's requests under way in the same browser
        assertThat(projects.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        assertThat(session.get("/audit/").statusCode()).isEqualTo(200);

        // not logged in: a page sends the browser to the web apps' login, a script call gets 401 without a prompt
        HttpResponse<String> page = Http.anonymous(port).get("/audit/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/camunda/app/welcome/default/#!/login"));
        HttpResponse<String> script =
                Http.anonymous(port).header("Sec-Fetch-Mode", "cors").get("/api/projects");
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(errors(script)).isNotEmpty();
        // a program is still asked for its basic credentials
        assertThat(Http.anonymous(port).get("/engine-rest/deployment").headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void ourPagesCarryFrameContentTypeContentSecurityAndReferrerHeaders() {
        Http session = Http.webappSession(port, PMO, PASSWORD);
        for (String path : List.of(
                "/audit/", "/dashboard/", "/process-migration/", "/task-sheet/", "/audit/audit.js", "/api/projects")) {
            HttpResponse<String> response = session.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("SAMEORIGIN");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("same-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"));
        }
    }

    @Test
    void aDownloadLinkOfOurPagesOpensWithTheSessionAloneButNotFromAnotherSite() {
        String csv = "/api/projects/" + code + "/timeline.csv";
        HttpResponse<String> link = Http.webappSession(port, PMO, PASSWORD)
                .withoutCsrfToken()
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Site", "same-origin")
                .get(csv);
        assertThat(link.statusCode()).as(Http.describe(link)).isEqualTo(200);

        HttpResponse<String> otherSite = Http.webappSession(port, PMO, PASSWORD)
                .withoutCsrfToken()
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Site", "cross-site")
                .get(csv);
        assertThat(otherSite.statusCode()).as(Http.describe(otherSite)).isEqualTo(403);
        HttpResponse<String> script = Http.webappSession(port, PMO, PASSWORD)
                .withoutCsrfToken()
                .header("Sec-Fetch-Mode", "cors")
                .header("Sec-Fetch-Site", "same-origin")
                .get(csv);
        assertThat(script.statusCode()).as(Http.describe(script)).isEqualTo(403);
    }

    @Test
    void theWebAppsKeepTheirOwnHeadersAndTheEngineRestApiTakesNoSession() {
        Http session = Http.webappSession(port, PMO, PASSWORD);

        HttpResponse<String> tasklist = session.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        // Camunda's own policy (with its script nonce), not ours
        assertThat(tasklist.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("'nonce-", "frame-ancestors 'none'"));
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1);
        // the engine REST API is for programs: the web apps' session opens nothing there
        assertThat(session.get("/engine-rest/deployment").statusCode()).isEqualTo(401);
    }

    @Test
    void theSecurityLayerRunsWhereTheRestAuthenticationRanBeforeTheTaskQueryGuard() {
        // spring.security.filter.order in application.yaml must stay WebSecurity.ORDER
        assertThat(securityFilterChainRegistration.getOrder())
                .isEqualTo(WebSecurity.ORDER)
                .isLessThan(TaskQueryExpressionGuardConfiguration.ORDER);
    }

    private HttpResponse<String> importAs(Http http) {
        // text/plain: the body a form on another site can post without asking the server first
        return http.send("POST", "/api/projects/" + code + "/requirements/import", "text/plain", CSV);
    }

    private HttpResponse<String> deployAs(Http http) {
        return http.postMultipart(
                "/engine-rest/deployment/create", Map.of("deployment-name", DEPLOYMENT), "cross-site-test.bpmn", BPMN);
    }

    private int requirements() {
        return jdbc.sql("select count(*) from requirement where project_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    private List<String> errors(HttpResponse<String> response) throws Exception {
        return json.readerForListOf(String.class)
                .readValue(json.readTree(response.body()).get("errors"));
    }
}
