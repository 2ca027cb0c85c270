package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description of {@code /api} (springdoc): served to a logged-in user, by HTTP basic or the web apps'
 * session, with Rollout's real endpoints and both logins described; refused without a login.
 */
@WebTest
class ApiDescriptionWebTests {

    static final String PASSWORD = "apidocs-Secret-2026";
    static final String CONSULTANT = "apidocsconsultant";
    /** springdoc builds the description on its first request: seconds, more on a busy machine. */
    static final Duration FIRST_DESCRIPTION = Duration.ofMinutes(2);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
    }

    @Test
    void aLoggedInUserReadsTheDescriptionOfRolloutsApi() throws Exception {
        Http consultant = Http.as(port, CONSULTANT, PASSWORD).timeout(FIRST_DESCRIPTION);

        HttpResponse<String> docs = consultant.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = json.readTree(docs.body());
        assertThat(api.at("/info/title").asText()).isEqualTo("Rollout API");
        assertThat(api.at("/info/version").asText()).isNotBlank();
        assertThat(names(api.get("paths")))
                .contains(
                        "/api/projects",
                        "/api/projects/{code}/requirements",
                        "/api/projects/{code}/timeline",
                        "/api/projects/{code}/build",
                        "/api/session")
                .allMatch(path -> path.startsWith("/api/"));
        assertThat(api.at("/paths/~1api~1projects~1{code}~1requirements/get/parameters/0/name")
                        .asText())
                .isEqualTo("code");
        assertThat(names(api.at("/components/securitySchemes")))
                .containsExactlyInAnyOrder(ApiDescription.BASIC, ApiDescription.SESSION, ApiDescription.CSRF);
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void theWebAppsSessionReadsTheDescriptionToo() {
        Http session = Http.webappSession(port, CONSULTANT, PASSWORD).timeout(FIRST_DESCRIPTION);

        assertThat(session.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(session.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutALoginTheDescriptionIsRefused() {
        Http anonymous = Http.anonymous(port);

        assertThat(anonymous.get("/v3/api-docs").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs/swagger-config").statusCode()).isEqualTo(401);
        // Swagger UI is a page: to the web apps' login
        HttpResponse<String> ui = anonymous.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(ui.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(WebSecurity.LOGIN));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
