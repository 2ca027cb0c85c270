package io.rollout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A person with a Chinese browser meets Tasklist in Chinese, without Camunda's vendor banner, and switches it to
 * English with the language switch in the header; the choice is remembered for the next page.
 */
@WebTest
class TasklistLanguageJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium("zh-CN", "zh-CN,zh");

    static final String USER = "browserlanguage";
    static final String PASSWORD = "browser-Secret-2026";

    private static final By HEADER = By.cssSelector("[cam-widget-header]");
    private static final By SEARCH = By.cssSelector("[cam-widget-search] input.main-field");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void aBusinessOwnerWhoHasNotChosenALanguage() {
        TestUsers.ensure(identity, USER, PASSWORD, Roles.BUSINESS_OWNER, Roles.departmentGroup("finance"));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        rest.withBasicAuth(USER, PASSWORD)
                .exchange(
                        "/api/me/language", HttpMethod.PUT, new HttpEntity<>("{\"language\":null}", json), Void.class);
    }

    @Test
    void chineseBrowserSeesTasklistInChineseAndSwitchesToEnglish() {
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        new Tasklist(driver, port).login(USER, PASSWORD);

        wait.until(d -> d.findElement(HEADER).getText().contains("启动流程"));
        assertThat(driver.findElement(HEADER).getText())
                .contains("Rollout 任务列表", "创建任务", "中文", "English")
                .doesNotContain("Start process", "Create task");
        assertThat(driver.findElement(SEARCH).getDomAttribute("placeholder")).isEqualTo("过滤任务");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);

        driver.findElement(By.cssSelector(".rollout-language a[data-locale=en]"))
                .click();
        wait.until(d -> d.findElement(HEADER).getText().contains("Start process"));
        assertThat(driver.findElement(HEADER).getText())
                .contains("Rollout Tasklist", "Create task")
                .doesNotContain("启动流程");
        wait.until(d -> "en"
                .equals(rest.withBasicAuth(USER, PASSWORD)
                        .getForObject("/api/me/language", Map.class)
                        .get("language")));

        // the next page of the same person follows the choice, not the browser
        driver.navigate().refresh();
        wait.until(d -> d.findElement(HEADER).getText().contains("Start process"));
        // the search field takes its placeholder once, when Tasklist draws it
        assertThat(driver.findElement(SEARCH).getDomAttribute("placeholder")).isEqualTo("Filter Tasks");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    }
}
