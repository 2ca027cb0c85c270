package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI in Chromium, as an integrator opens it after logging in to Tasklist: it runs under Rollout's
 * Content-Security-Policy (no inline code) and lists the endpoints of {@code /api}.
 */
@WebTest
class ApiDescriptionJourneyTests {

    static final String PASSWORD = "swagger-Secret-2026";
    static final String CONSULTANT = "swaggerconsultant";
    // springdoc builds the description on its first request
    static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void aLoggedInUserBrowsesTheApiInSwaggerUi() {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        new Tasklist(chromium.driver(), port).login(CONSULTANT, PASSWORD);

        chromium.driver().get("http://localhost:" + port + "/swagger-ui.html");
        new WebDriverWait(chromium.driver(), PATIENCE, Duration.ofMillis(200))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return document.querySelectorAll('.opblock').length > 0")));

        Object paths = ((JavascriptExecutor) chromium.driver())
                .executeScript(
                        "return [...document.querySelectorAll('.opblock-summary-path')].map(p => p.textContent).join('\\n')");
        assertThat(String.valueOf(paths))
                .contains("/api/projects/{code}/requirements", "/api/session")
                .doesNotContain("/engine-rest", "/actuator");
        assertThat(((JavascriptExecutor) chromium.driver())
                        .executeScript("return document.querySelector('.info .title').textContent"))
                .asString()
                .startsWith("Rollout API");
    }
}
