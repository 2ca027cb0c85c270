package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 中文 / English switch in the header of our pages, in Chromium with an English browser: a PMO opens the audit
 * trail in English, switches to Chinese there (remembered for the user), finds the audit trail, the KPI dashboard and
 * the process migration page in Chinese — texts the page composes and the figures' format included — and switches
 * back.
 */
@WebTest
class OurPagesLanguageJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "langbrowser-Secret-2026";
    static final String PMO = "langbrowserpmo";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    String code;

    @BeforeEach
    void aProjectAndAPmoWhoAlsoOwnsTheModels() {
        TestUsers.ensure(identity, PMO, PASSWORD, Roles.PMO, Roles.PROCESS_OWNER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of());
    }

    @AfterEach
    void backToTheBrowsersLanguage() {
        chromium.driver().manage().deleteAllCookies();
    }

    @Test
    void theSwitchInThePageHeaderShowsOurPagesInChineseAndBack() {
        new Tasklist(chromium.driver(), port).login(PMO, PASSWORD);

        chromium.driver().get(app("/audit/?project=" + code));
        waitFor("return document.getElementById('integrity').textContent.startsWith('Decision log intact')");
        assertThat(script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");

        switchTo("中文");
        waitFor("return document.documentElement.lang === 'zh-CN'"
                + " && document.getElementById('integrity').textContent.startsWith('决策日志完整')");
        assertThat(chromium.driver().getTitle()).isEqualTo("Rollout · 审计轨迹");
        assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("审计轨迹");
        assertThat(script("return [...document.querySelectorAll('#phase option')].map(o => o.textContent).join('|')"))
                .contains("全部|实施项目|需求调研与签核", "上线与切换");
        assertThat(script("return document.getElementById('types').textContent"))
                .contains("流程", "任务", "决策");
        assertThat(script("return document.getElementById('downloads').textContent"))
                .contains("时间线（CSV）");
        assertThat(text("error")).isEmpty();

        chromium.driver().get(app("/dashboard/"));
        waitFor("return [...document.querySelectorAll('#portfolio .card h2')].some(h => h.textContent === '项目数')");
        assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("KPI 仪表板");
        assertThat(text("error")).isEmpty();

        chromium.driver().get(app("/process-migration/"));
        waitFor("return document.querySelector('#key option[value=\"planningPhase\"]') !== null");
        assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("流程迁移");
        assertThat(script("return document.querySelector('#key option[value=\"planningPhase\"]').textContent"))
                .contains("个版本");
        assertThat(text("error")).isEmpty();

        switchTo("English");
        waitFor("return document.documentElement.lang === 'en'"
                + " && document.querySelector('h1').textContent === 'Process migration'");
        waitFor("return document.querySelector('#key option[value=\"planningPhase\"]') !== null");
        assertThat(script("return document.querySelector('#key option[value=\"planningPhase\"]').textContent"))
                .contains("version(s)");
    }

    private void switchTo(String language) {
        chromium.driver()
                .findElement(By.xpath("//header//span[@class='language']/button[text()='" + language + "']"))
                .click();
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    private String script(String script) {
        return String.valueOf(((JavascriptExecutor) chromium.driver()).executeScript(script));
    }

    private void waitFor(String script) {
        new WebDriverWait(chromium.driver(), PATIENCE, Duration.ofMillis(100))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }
}
