package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.RolloutApplication;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code oidc} profile with an OpenID Connect provider ({@code mock-oauth2-server}) that logs in whoever it is told
 * to. Its own JVM (Failsafe): Camunda keeps the web apps' settings in static state, which a second application would
 * take from the web tests' context.
 */
class OidcLoginIT {

    private static final String ISSUER = "company";
    private static final String CLIENT = "rollout-app";
    private static final String ADMIN_PASSWORD = "oidc-test-Admin-4711";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
    /** What a browser accepts when it opens a page. */
    private static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static MockOAuth2Server provider;
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        app = new SpringApplicationBuilder(RolloutApplication.class)
                .profiles("oidc")
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:h2:mem:oidc;DB_CLOSE_DELAY=-1",
                        "--rollout.admin.password=" + ADMIN_PASSWORD,
                        "--rollout.migration.store-dir=target/oidc-it/migration",
                        "--ROLLOUT_OIDC_ISSUER_URI=" + provider.issuerUrl(ISSUER),
                        "--ROLLOUT_OIDC_CLIENT_ID=" + CLIENT,
                        "--ROLLOUT_OIDC_CLIENT_SECRET=secret");
        base = "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void tasklistSendsThePersonToTheProviderAndLogsThemInWithTheGroupsOfTheToken() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> tasklist = browser.open("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValue(base + "/oauth2/authorization/rollout");
        HttpResponse<String> toProvider = browser.open("/oauth2/authorization/rollout");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(toProvider.headers().firstValue("Location").orElseThrow())
                .startsWith(provider.issuerUrl(ISSUER) + "/authorize");
        // nothing in the web apps before the login
        assertThat(browser.open("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);

        login(
                browser,
                "pat.pmo",
                Map.of(
                        "preferred_username",
                        "pat.pmo",
                        "given_name",
                        "Pat",
                        "family_name",
                        "Lee",
                        "groups",
                        List.of("pmo", "/dept-finance", "marketing")));

        JsonNode user = JSON.readTree(
                browser.open("/camunda/api/admin/auth/user/default").body());
        assertThat(user.path("userId").asText()).isEqualTo("pat.pmo");
        // the PMO's applications: the groups of the token are the session's groups
        assertThat(texts(user.path("authorizedApps"))).containsExactlyInAnyOrder("welcome", "tasklist", "cockpit");
        assertThat(groupsOf(browser, "pat.pmo")).containsExactlyInAnyOrder("pmo", "dept-finance");
        IdentityService identity = app.getBean(IdentityService.class);
        assertThat(identity.createUserQuery().userId("pat.pmo").singleResult().getFirstName())
                .isEqualTo("Pat");
        assertThat(identity.createUserQuery()
                        .memberOfGroup("dept-finance")
                        .userId("pat.pmo")
                        .count())
                .isOne();

        assertThat(JSON.readTree(browser.open(STATISTICS).body())).isNotEmpty();

        // Rollout's pages and /api run with that login, as after Camunda's own login form
        HttpResponse<String> audit = browser.open("/audit/");
        assertThat(audit.statusCode()).isEqualTo(200);
        HttpResponse<String> session = browser.open("/api/session");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(session.body()).path("userId").asText()).isEqualTo("pat.pmo");

        // logging out of Tasklist ends the single sign-on login of this browser too
        HttpResponse<String> logout =
                browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/logout"))
                        .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                        .POST(BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(browser.open("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
        assertThat(browser.open("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
        assertThat(browser.open("/audit/").headers().firstValue("Location").orElseThrow())
                .endsWith("/camunda/app/welcome/default/#!/login");
    }

    @Test
    void aPersonWithoutARolloutGroupIsRefusedCockpit() throws Exception {
        Browser browser = new Browser();
        login(
                browser,
                "/camunda/app/welcome/default/",
                "nora.nobody",
                Map.of("preferred_username", "nora.nobody", "groups", List.of("marketing")));

        JsonNode user = JSON.readTree(
                browser.open("/camunda/api/admin/auth/user/default").body());
        assertThat(user.path("userId").asText()).isEqualTo("nora.nobody");
        assertThat(texts(user.path("authorizedApps"))).containsExactly("welcome");
        assertThat(groupsOf(browser, "nora.nobody")).isEmpty();
        assertThat(browser.open("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        // Cockpit's data API only needs a login to the engine (Camunda's rule); the engine's authorizations leave it
        // nothing to show, where the PMO sees the deployed processes
        HttpResponse<String> statistics = browser.open(STATISTICS);
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(statistics.body())).isEmpty();
    }

    @Test
    void theProviderCannotMakeAPersonOfItsOwnGroupsOrGiveThemABasicLogin() throws Exception {
        Browser browser = new Browser();
        login(browser, "mallory", Map.of("preferred_username", "mallory", "groups", "process-owner new-admins"));
        JsonNode user = JSON.readTree(
                browser.open("/camunda/api/admin/auth/user/default").body());
        assertThat(texts(user.path("authorizedApps"))).containsExactlyInAnyOrder("welcome", "tasklist", "cockpit");
        assertThat(groupsOf(browser, "mallory")).containsExactly("process-owner");
        IdentityService identity = app.getBean(IdentityService.class);
        assertThat(identity.createGroupQuery().groupId("new-admins").count()).isZero();
        // the single sign-on user has no password anyone knows
        assertThat(basic("/engine-rest/deployment/count", "mallory", "").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenCannotTakeOverTheAdministratorOrAnotherLocalUser() throws Exception {
        IdentityService identity = app.getBean(IdentityService.class);
        String adminPassword =
                identity.createUserQuery().userId("admin").singleResult().getPassword();
        assertThat(adminPassword).isNotBlank();
        Browser browser = new Browser();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER,
                "someone",
                "JWT",
                List.of(CLIENT),
                Map.of("preferred_username", "admin", "groups", List.of("pmo")),
                3600));
        List<String> trail = new ArrayList<>();
        HttpResponse<String> refused = browser.follow("/camunda/app/admin/default/", trail);

        assertThat(refused.statusCode()).as("%s", trail).isEqualTo(401);
        assertThat(refused.body())
                .contains("The login at the identity provider did not succeed")
                .contains("The user admin is a Camunda user of its own");
        assertThat(browser.open("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
        assertThat(identity.createGroupQuery().groupMember("admin").list())
                .extracting(g -> g.getId())
                .containsExactly("camunda-admin");
        assertThat(identity.createUserQuery().userId("admin").singleResult())
                .extracting(u -> u.getPassword())
                .isEqualTo(adminPassword);

        // nor another person of the provider who later bears the same name (another subject)
        login(new Browser(), "first-subject", Map.of("preferred_username", "sam.same", "groups", List.of("pmo")));
        Browser later = new Browser();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER,
                "second-subject",
                "JWT",
                List.of(CLIENT),
                Map.of("preferred_username", "sam.same", "groups", List.of("camunda-admin")),
                3600));
        HttpResponse<String> second = later.follow("/camunda/app/tasklist/default/", new ArrayList<>());
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.body()).contains("The user sam.same is a Camunda user of its own");
        assertThat(identity.createGroupQuery().groupMember("sam.same").list())
                .extracting(g -> g.getId())
                .containsExactly("pmo");
    }

    @Test
    void aCallbackThatTheBrowserDidNotStartIsRefusedWithTheReason() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> callback = browser.open("/login/oauth2/code/rollout?code=stolen&state=forged");
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body())
                .contains("The login at the identity provider did not succeed")
                .contains("authorization_request_not_found");
        assertThat(browser.open("/camunda/api/admin/auth/user/default").statusCode())
                .isEqualTo(401);
    }

    @Test
    void programsKeepBasicAuthenticationOnTheEngineRestApi() throws Exception {
        HttpResponse<String> admin = basic("/engine-rest/user/admin/profile", "admin", ADMIN_PASSWORD);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(admin.body()).path("id").asText()).isEqualTo("admin");
        assertThat(basic("/engine-rest/user/admin/profile", "admin", "wrong-password")
                        .statusCode())
                .isEqualTo(401);
        assertThat(new Browser().open("/engine-rest/user/admin/profile").statusCode())
                .isEqualTo(401);
    }

    @Test
    void inChromiumTasklistAndTheAuditTrailOpenWithTheLoginOfTheProvider() throws Exception {
        Path browserBinary = Path.of("/usr/bin/chromium");
        Path driverBinary = Path.of("/usr/bin/chromedriver");
        assumeTrue(
                Files.isExecutable(browserBinary) && Files.isExecutable(driverBinary),
                "needs Debian's chromium and chromium-driver, as the browser journeys do");
        Path profile = Files.createTempDirectory("rollout-oidc-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000",
                "--lang=en-US");
        ChromeDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driverBinary.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        try {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                    ISSUER,
                    "kim.key",
                    "JWT",
                    List.of(CLIENT),
                    Map.of(
                            "preferred_username",
                            "kim.key",
                            "given_name",
                            "Kim",
                            "family_name",
                            "Key",
                            "groups",
                            List.of("key-user", "auditor")),
                    3600));
            driver.get(base + "/camunda/app/tasklist/default/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            // Tasklist's header names the person of the provider: no Camunda login form on the way
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Kim Key"));
            assertThat(driver.getCurrentUrl()).startsWith(base + "/camunda/app/tasklist/default/");
            assertThat(driver.findElements(By.cssSelector("input[ng-model=username]")))
                    .isEmpty();

            driver.get(base + "/audit/");
            wait.until(d -> d.findElements(By.cssSelector("#type-decision")).size() == 1
                    || !d.getCurrentUrl().startsWith(base + "/audit/"));
            Object session = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/session').then(r => r.json()).then(s => done(s.userId), e => done(String(e)));");
            assertThat(session).isEqualTo("kim.key");
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/audit/");
            assertThat(driver.findElement(By.id("error")).getText()).isEmpty();
        } finally {
            driver.quit();
        }
    }

    /** Logs the browser in at the provider as {@code subject} with {@code claims}, from opening Tasklist. */
    private static void login(Browser browser, String subject, Map<String, Object> claims) throws Exception {
        login(browser, "/camunda/app/tasklist/default/", subject, claims);
    }

    /** Logs the browser in at the provider as {@code subject} with {@code claims}, from opening {@code path}. */
    private static void login(Browser browser, String path, String subject, Map<String, Object> claims)
            throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of(CLIENT), claims, 3600));
        List<String> trail = new ArrayList<>();
        HttpResponse<String> page = browser.follow(path, trail);
        assertThat(page.statusCode()).as("%s", trail).isEqualTo(200);
        assertThat(trail)
                .as("through the provider")
                .anyMatch(address -> address.startsWith(provider.issuerUrl(ISSUER) + "/authorize"));
        assertThat(page.uri().getPath()).isEqualTo(path);
    }

    private static HttpResponse<String> basic(String path, String user, String password) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((user + ":" + password)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        BodyHandlers.ofString());
    }

    /** The groups the web apps show for the user, as Tasklist asks for them. */
    private static List<String> groupsOf(Browser browser, String userId) throws Exception {
        HttpResponse<String> answer =
                browser.open("/camunda/api/engine/engine/default/identity/groups?userId=" + userId);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> groups = new ArrayList<>();
        JSON.readTree(answer.body())
                .path("groups")
                .forEach(group -> groups.add(group.path("id").asText()));
        return groups;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** A browser: one cookie jar; {@link #open} shows each answer, {@link #follow} follows redirects. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient step = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> open(String path) throws IOException, InterruptedException {
            return step.send(request(path).GET().build(), BodyHandlers.ofString());
        }

        /** Opens {@code path} and follows up to ten redirects, to the provider and back; the addresses in {@code trail}. */
        HttpResponse<String> follow(String path, List<String> trail) throws IOException, InterruptedException {
            URI address = URI.create(base + path);
            HttpResponse<String> answer = null;
            for (int i = 0; i < 10; i++) {
                trail.add(address.toString());
                answer = step.send(
                        HttpRequest.newBuilder(address)
                                .timeout(Duration.ofSeconds(30))
                                .header("Accept", PAGE)
                                .GET()
                                .build(),
                        BodyHandlers.ofString());
                if (answer.statusCode() / 100 != 3) {
                    return answer;
                }
                address =
                        address.resolve(answer.headers().firstValue("Location").orElseThrow());
            }
            return answer;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return step.send(request.build(), BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", PAGE);
        }
    }
}
