package io.rollout.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 as a user works with it: log in, choose a filter, open a task from the list, claim
 * it, fill its Camunda Form and complete it. The selectors are those of Tasklist's AngularJS markup and of
 * form-js, which renders a field as {@code id="fjs-form-<form>-<component id>"} and, inside a dynamic list,
 * {@code ...-<component id>_<row>}: the form files' component ids ({@code Field_Result}) are the stable
 * handles. Every step waits explicitly for what the user would wait to see.
 */
class Tasklist {

    static final String PATH = "/camunda/app/tasklist/default/";

    // generous: on a busy 2-core machine the first load of Tasklist's scripts alone can take half a minute
    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private By openTask;

    Tasklist(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, STEP);
        // AngularJS re-renders the list and the notifications while a condition looks at them: look again
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens Tasklist, logs in with its login form and waits for the user's filters. */
    Tasklist login(String user, String password) {
        driver.get(base + PATH);
        WebElement name = new WebDriverWait(driver, FIRST_LOAD)
            .ignoring(StaleElementReferenceException.class).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        name.sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        click(By.cssSelector("form button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
        return this;
    }

    /** Chooses a filter by its name ("My tasks", "Open tasks for me", a role's filter such as "Key users"). */
    Tasklist filter(String name) {
        String item = "//div[contains(@class,'task-filter')][.//h4/a[normalize-space(text())=" + literal(name) + "]]";
        click(By.xpath(item + "//h4/a"));
        wait.until(ExpectedConditions.attributeContains(By.xpath(item), "class", "active"));
        return this;
    }

    /**
     * Opens a task from the list of the chosen filter — the card with the task's name whose link leads to that
     * task (several projects may have a task of the same name) — and waits for its form.
     */
    Tasklist open(String taskName, String taskId) {
        openTask = By.xpath("//li[contains(@class,'task')]//h4/a[normalize-space(.)=" + literal(taskName) + "]"
            + "[contains(@href, " + literal("task=" + taskId) + ")]");
        click(openTask);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
            "//section[contains(@class,'task-card')]//h2[normalize-space(.)=" + literal(taskName) + "]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        return this;
    }

    /** Claims the open task and waits until Tasklist shows an assignee with the unclaim button. */
    Tasklist claim() {
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.assignee button.unclaim")));
        return this;
    }

    /** The assignee shown in the open task's header (empty when nobody has claimed it). */
    String assignee() {
        List<WebElement> assignee = driver.findElements(By.cssSelector("section.task-card li.assignee .view-value"));
        return assignee.isEmpty() ? "" : assignee.get(0).getText().trim();
    }

    /** Types into a text field or text area of the form; {@code row} is the row of a dynamic list, or null. */
    Tasklist type(String componentId, Integer row, String text) {
        WebElement field = field(componentId, row);
        scrollTo(field);
        field.click();
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses the option with the given label in a select field (form-js draws its own drop-down list). */
    Tasklist select(String componentId, Integer row, String label) {
        String id = domId(componentId, row);
        click(By.cssSelector("[id$='" + id + "-display']"));
        By option = By.xpath("//div[contains(@class,'fjs-form-field-select')][.//input[substring(@id, string-length(@id) - "
            + (id.length() - 1) + ")=" + literal(id) + "]]//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)="
            + literal(label) + "]");
        click(option);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[id$='" + id + "-display']"), label));
        return this;
    }

    /** Chooses the radio button with the given label. */
    Tasklist radio(String componentId, String label) {
        By choice = By.xpath("//label[input[@type='radio'][contains(@id, " + literal("-" + componentId + "-") + ")]]"
            + "[normalize-space(.)=" + literal(label) + "]/input");
        click(choice);
        wait.until(ExpectedConditions.elementSelectionStateToBe(choice, true));
        return this;
    }

    /** The value a field shows (read-only fields of a prefilled list included). */
    String value(String componentId, Integer row) {
        return field(componentId, row).getDomProperty("value");
    }

    /** The row of a dynamic list whose read-only key field shows the given value, e.g. the row of a test case. */
    int row(String keyComponentId, String value) {
        List<WebElement> keys = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
            By.cssSelector("input[id*='-" + keyComponentId + "_']")));
        for (int i = 0; i < keys.size(); i++) {
            if (value.equals(field(keyComponentId, i).getDomProperty("value"))) {
                return i;
            }
        }
        throw new AssertionError("No row shows " + value + " in " + keyComponentId + " (" + keys.size() + " rows)");
    }

    /** The text of the open task's form as the user reads it (labels and text blocks, not field values). */
    String formText() {
        return driver.findElement(By.cssSelector(".fjs-form")).getText();
    }

    /**
     * Presses Complete and waits until the task has left the list. If Tasklist shows an error instead (a refused
     * submission names its reason there), fails with that message.
     */
    void complete() {
        By complete = By.xpath("//div[contains(@class,'form-actions')]/button[@ng-click='complete()']");
        click(complete);
        By task = openTask;
        String error = wait.until((ExpectedCondition<String>) d -> {
            for (WebElement alert : d.findElements(By.cssSelector(".alert-danger"))) {
                if (alert.isDisplayed() && !alert.getText().isBlank()) {
                    return alert.getText();
                }
            }
            return d.findElements(task).isEmpty() ? "" : null;
        });
        if (!error.isEmpty()) {
            throw new AssertionError("Tasklist refused to complete the task: " + error);
        }
    }

    /** Reloads the page as the user would press F5; the chosen filter stays chosen. */
    Tasklist reload() {
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter.active")));
        return this;
    }

    /** Whether the loaded list of the chosen filter shows the given task. */
    boolean lists(String taskId) {
        wait.until(d -> {
            WebElement list = d.findElement(By.cssSelector("[cam-tasks]"));
            boolean loading = list.findElements(By.cssSelector(".loader")).stream().anyMatch(WebElement::isDisplayed);
            boolean shown = !list.findElements(By.cssSelector("li.task")).isEmpty()
                || list.findElements(By.cssSelector(".well")).stream().anyMatch(WebElement::isDisplayed);
            return !loading && shown;
        });
        return !driver.findElements(By.xpath("//li[contains(@class,'task')]//h4/a[contains(@href, "
            + literal("task=" + taskId) + ")]")).isEmpty();
    }

    private WebElement field(String componentId, Integer row) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[id$='" + domId(componentId, row) + "']")));
    }

    private static String domId(String componentId, Integer row) {
        return "-" + componentId + (row == null ? "" : "_" + row);
    }

    /**
     * Clicks the element once it is visible and enabled. Found again on every try: the filters refresh the list
     * now and then, and a notification may lie over the element for a moment.
     */
    private void click(By locator) {
        wait.until(d -> {
            WebElement element = d.findElement(locator);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            scrollTo(element);
            try {
                element.click();
            } catch (ElementClickInterceptedException e) {
                return false;
            }
            return true;
        });
    }

    private void scrollTo(WebElement element) {
        // Tasklist's footer covers the lower edge of long lists and forms
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + String.join("', \"'\", '", text.split("'", -1)) + "')";
    }
}
