package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rollout's pages and another site, in Chromium. A user logged in to Tasklist opens the audit trail, the KPI
 * dashboard and the process migration page without a second login; a page served from another origin
 * ({@code http://127.0.0.1:<port>}, while the application is {@code http://localhost:<port>}) that makes the same
 * browser post to {@code /api} and {@code /engine-rest} changes nothing, even when the browser holds the user's
 * basic credentials (as it did when our pages asked for them).
 */
@WebTest
class CrossSiteJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "crossbrowser-Secret-2026";
    static final String PMO = "crossbrowserpmo";
    static final String DEPLOYMENT = "cross-site-browser";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    String code;
    HttpServer otherSite;

    @BeforeEach
    void aProjectAndAPmoWhoAlsoOwnsTheModels() {
        // a PMO who is also process owner: Tasklist shows the PMO's filters, the migration page needs the owner
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO, Roles.PROCESS_OWNER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
    }

    @AfterEach
    void stopTheOtherSite() {
        if (otherSite != null) {
            otherSite.stop(0);
        }
        ((ChromeDriver) chromium.driver())
                .executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        repository
                .createDeploymentQuery()
                .deploymentName(DEPLOYMENT)
                .list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void ourPagesOpenWithTheTasklistLoginAndShowTheirData() {
        new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);

        chromium.driver().get(app("/audit/"));
        waitFor("return document.querySelector('#project option[value=\"" + code + "\"]') !== null");
        ((JavascriptExecutor) chromium.driver())
                .executeScript("document.getElementById('project').value = arguments[0]", code);
        chromium.driver()
                .findElement(By.cssSelector("#filters button[type=submit]"))
                .click();
        waitFor("return document.getElementById('integrity').textContent.startsWith('Decision log intact')");
        assertThat(text("error")).isEmpty();

        chromium.driver().get(app("/dashboard/"));
        // Chart.js draws under the page's content security policy (no inline code)
        waitFor("return document.querySelectorAll('#portfolio .card').length > 0 && !!Chart.getChart('phaseDays')");
        assertThat(text("error")).isEmpty();

        chromium.driver().get(app("/process-migration/"));
        waitFor("return document.querySelector('#key option[value=\"planningPhase\"]') !== null");
        assertThat(text("error")).isEmpty();
        assertThat(chromium.driver().getCurrentUrl()).isEqualTo(app("/process-migration/"));
    }

    @Test
    void aPageOnAnotherSiteCannotImportRequirementsOrDeployAModel() throws IOException {
        new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);
        // the browser repeats the user's basic login with every request to the application, as a browser does that
        // once answered a basic-auth prompt (Chromium's own credential cache cannot be filled from a test)
        ((ChromeDriver) chromium.driver()).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) chromium.driver())
                .executeCdpCommand(
                        "Network.setExtraHTTPHeaders",
                        Map.of(
                                "headers",
                                Map.of(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((PMO + ":" + PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))));
        String prize = otherSite(attackPage());

        chromium.driver().get(prize);
        waitFor("return document.title === 'sent'");

        assertThat(requirements()).isZero();
        assertThat(repository.createDeploymentQuery().deploymentName(DEPLOYMENT).count())
                .isZero();
        // the same browser on our own origin still works with that login: the refusal is about the other site
        assertThat(sameOriginImport()).isEqualTo(200);
        assertThat(requirements()).isEqualTo(1);
    }

    /** Imports one requirement from a page of the application itself, with the basic login the browser holds. */
    private long sameOriginImport() {
        chromium.driver().get(app("/task-sheet/"));
        Object status = ((JavascriptExecutor) chromium.driver())
                .executeAsyncScript(
                        """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: arguments[1]})
              .then(r => done(r.status), e => done(String(e)));""",
                        "/api/projects/" + code + "/requirements/import",
                        "reqId,department,title,priority\nREQ-FIN-001,finance,Expense claims,must\n");
        return (Long) status;
    }

    /** What the other site's page does as soon as it is open: a form post and two scripted posts. */
    private String attackPage() {
        String importUrl = app("/api/projects/" + code + "/requirements/import");
        String deployUrl = app("/engine-rest/deployment/create");
        return """
            <!DOCTYPE html>
            <html><head><title>You won</title></head><body>
            <iframe name="sink" hidden></iframe>
            <form id="import" method="post" enctype="text/plain" target="sink" action="%1$s">
              <input type="hidden" name="reqId,department,title,priority&#10;REQ-FIN-666,finance,Form" value="post,must&#10;">
            </form>
            <script>
            const bpmn = '<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" '
              + 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://evil.example">'
              + '<process id="crossSiteBrowser" isExecutable="true" camunda:historyTimeToLive="P1D">'
              + '<startEvent id="StartEvent_Started"/></process></definitions>';
            const deployment = new FormData();
            deployment.append('deployment-name', '%3$s');
            deployment.append('data', new Blob([bpmn], {type: 'application/octet-stream'}), 'cross-site.bpmn');
            document.getElementById('import').submit();
            Promise.allSettled([
              fetch('%1$s', {method: 'POST', mode: 'no-cors', credentials: 'include',
                headers: {'Content-Type': 'text/plain'},
                body: 'reqId,department,title,priority\\nREQ-FIN-667,finance,Scripted post,must\\n'}),
              fetch('%2$s', {method: 'POST', mode: 'no-cors', credentials: 'include', body: deployment})
            ]).then(() => setTimeout(() => { document.title = 'sent'; }, 1000));
            </script>
            </body></html>
            """.formatted(importUrl, deployUrl, DEPLOYMENT);
    }

    /** Serves the page on 127.0.0.1 at a free port: another origin (and site) than the application's localhost. */
    private String otherSite(String page) throws IOException {
        otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        otherSite.createContext("/prize.html", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        otherSite.start();
        return "http://127.0.0.1:" + otherSite.getAddress().getPort() + "/prize.html";
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    private void waitFor(String script) {
        new WebDriverWait(chromium.driver(), PATIENCE, Duration.ofMillis(100))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

    private int requirements() {
        return jdbc.sql("select count(*) from requirement where project_code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }
}
