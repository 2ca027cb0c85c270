package io.rollout.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
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

    private static final By COMPLETE = By.xpath("//div[contains(@class,'form-actions')]/button[@ng-click='complete()']");

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

    /**
     * Opens Tasklist, logs in with its login form and waits for the user's filters. A session of a user logged in
     * before is ended first, as when one user hands the browser to the next.
     */
    Tasklist login(String user, String password) {
        driver.manage().deleteAllCookies();
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
        // form-js may render a row again while the user types (its errors change): type again until it shows
        wait.until(d -> {
            WebElement field = field(componentId, row);
            if (text.equals(field.getDomProperty("value"))) {
                return true;
            }
            scrollTo(field);
            field.click();
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            field.sendKeys(text);
            return text.equals(field(componentId, row).getDomProperty("value"));
        });
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

    /** Ticks the option with the given label in a checklist. */
    Tasklist check(String componentId, String label) {
        By option = By.xpath("//label[.//input[@type='checkbox'][contains(@id, " + literal("-" + componentId + "-")
            + ")]][normalize-space(.)=" + literal(label) + "]//input");
        click(option);
        wait.until(ExpectedConditions.elementSelectionStateToBe(option, true));
        return this;
    }

    /**
     * Enters a date into a date field as a user types it in the browser's format (this browser runs en-US:
     * MM/dd/yyyy) and leaves the field, so form-js takes the value.
     */
    Tasklist date(String componentId, Integer row, LocalDate date) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("input[id$='" + domId(componentId, row) + "-date']")));
        scrollTo(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.ENTER);
        input.sendKeys(Keys.TAB);
        return this;
    }

    /**
     * Adds a row to a dynamic list with its "add" button and returns the new row's index. {@code listId} is the
     * list's component id ({@code List_Milestones}); {@code fieldId} a field of its rows, used to count them.
     */
    int addRow(String listId, String fieldId) {
        int before = rows(fieldId);
        click(By.xpath("//div[@role='group'][substring(@aria-labelledby, string-length(@aria-labelledby) - "
            + listId.length() + ")=" + literal("-" + listId) + "]//button[contains(@class,'fjs-repeat-render-add')]"));
        wait.until(d -> rows(fieldId) == before + 1);
        return before;
    }

    /** How many rows of a dynamic list show the given field. */
    int rows(String fieldId) {
        return driver.findElements(By.xpath("//*[contains(@id, " + literal("-" + fieldId + "_") + ")]"
            + "[self::input or self::textarea][not(contains(@id, '-date'))][not(contains(@id, '-search'))]")).stream()
            .map(e -> e.getDomAttribute("id")).map(id -> id.substring(id.lastIndexOf('_') + 1))
            .filter(n -> n.chars().allMatch(Character::isDigit)).distinct().toList().size();
    }

    /** Whether Tasklist's Complete button can be pressed, as the user sees it. */
    boolean canComplete() {
        return driver.findElement(COMPLETE).isEnabled();
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
     * Presses Complete and waits until the task has left the list. Fails with what the user sees when Complete
     * stays disabled (with the form's own error messages, if any) or when Tasklist shows an error instead (a
     * refused submission names its reason there).
     */
    void complete() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(COMPLETE));
        } catch (TimeoutException e) {
            throw new AssertionError("Complete stays disabled; the form shows these errors: " + driver.findElements(
                By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList());
        }
        click(COMPLETE);
        By task = openTask;
        String error = wait.until((ExpectedCondition<String>) d -> {
            String shown = d.findElements(By.cssSelector(".alert-danger")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).map(String::trim).filter(t -> t.length() > 1).collect(Collectors.joining(" | "));
            if (!shown.isEmpty()) {
                return shown;
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

    // --- starting processes and pickers (governance) -------------------------------------------------------------

    private static final By START_DIALOG = By.cssSelector(".modal-dialog");
    private static final By START_BUTTON = By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");

    /**
     * Opens Tasklist's "Start process" dialog, looks the process up by its name, chooses it and waits for its start
     * form, as a user starts a process from the header of Tasklist.
     */
    Tasklist startProcess(String processName) {
        click(By.cssSelector(".start-process-action a"));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".modal-header input[ng-model='page.searchValue']")));
        search.sendKeys(processName);
        click(By.xpath("//ul[contains(@class,'processes')]/li/a[normalize-space(.)=" + literal(processName) + "]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
        return this;
    }

    /**
     * Presses Start in the "Start process" dialog and waits until the dialog has closed. Fails with what the user
     * sees when Start stays disabled or Tasklist shows an error in the dialog (a refused start names its reason).
     */
    void start() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(START_BUTTON));
        } catch (TimeoutException e) {
            throw new AssertionError("Start stays disabled; the form shows these errors: " + driver.findElements(
                By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList());
        }
        click(START_BUTTON);
        String error = wait.until((ExpectedCondition<String>) d -> {
            String shown = d.findElements(By.cssSelector(".modal-body .alert-danger")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).map(String::trim).filter(t -> t.length() > 1).collect(Collectors.joining(" | "));
            if (!shown.isEmpty()) {
                return shown;
            }
            return d.findElements(START_DIALOG).isEmpty() ? "" : null;
        });
        if (!error.isEmpty()) {
            throw new AssertionError("Tasklist refused to start the process: " + error);
        }
    }

    /**
     * Chooses a person (or any option) in a searchable select as a user does: types part of the label into the
     * select's search box and clicks the option with the whole label. {@code row} is the row of a dynamic list, or
     * null. (form-js gives a searchable select's search box the field's own id.)
     */
    Tasklist pick(String componentId, Integer row, String typed, String label) {
        WebElement input = searchBox(componentId, row);
        clearAndFocus(input);
        input.sendKeys(typed);
        click(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//input[@id=" + literal(input.getDomAttribute("id"))
            + "]]//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(label) + "]"));
        wait.until(d -> label.equals(searchBox(componentId, row).getDomProperty("value")));
        return this;
    }

    /** The options a searchable select offers before the user types, as the user sees them. */
    List<String> options(String componentId, Integer row) {
        WebElement input = searchBox(componentId, row);
        clearAndFocus(input);
        String id = input.getDomAttribute("id");
        List<String> shown = wait.until(d -> {
            List<String> items = d.findElements(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//input[@id="
                + literal(id) + "]]//div[contains(@class,'fjs-dropdownlist-item')]")).stream()
                .map(WebElement::getText).map(String::trim).toList();
            return items.isEmpty() ? null : items;
        });
        input.sendKeys(Keys.ESCAPE);
        return shown;
    }

    private WebElement searchBox(String componentId, Integer row) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("input.fjs-input[id$='" + domId(componentId, row) + "']")));
    }

    private void clearAndFocus(WebElement input) {
        scrollTo(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }

    /** The cells of a read-only table component of the open form, row by row (header excluded). */
    List<List<String>> table(String componentId) {
        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("table[id$='-" + componentId + "']")));
        return table.findElements(By.cssSelector("tbody tr")).stream()
            .map(tr -> tr.findElements(By.cssSelector("td")).stream().map(WebElement::getText).map(String::trim).toList())
            .filter(cells -> !(cells.size() == 1 && cells.get(0).equals("Nothing to show."))).toList();
    }

    /** The height of the open task's form in pixels, all of it, also the part the user has to scroll to. */
    long formHeight() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
            "return document.querySelector('.fjs-form').scrollHeight")).longValue();
    }

    /**
     * Adds a value to a tag list as a user does: types part of its label into the tag list's search box and clicks
     * the option with the whole label. {@code row} is the row of a dynamic list, or null.
     */
    Tasklist tag(String componentId, Integer row, String typed, String label) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("input.fjs-taglist-input[id$='" + domId(componentId, row) + "']")));
        String id = input.getDomAttribute("id");
        scrollTo(input);
        input.click();
        input.sendKeys(typed);
        By taglist = By.xpath("//div[contains(@class,'fjs-form-field-taglist')][.//input[@id=" + literal(id) + "]]");
        click(By.xpath("//div[contains(@class,'fjs-form-field-taglist')][.//input[@id=" + literal(id) + "]]"
            + "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(label) + "]"));
        wait.until(d -> d.findElement(taglist).findElements(By.cssSelector(".fjs-taglist-tag-label")).stream()
            .anyMatch(t -> label.equals(t.getText().trim())));
        return this;
    }

    /** Ticks a single checkbox (not a checklist); {@code row} is the row of a dynamic list, or null. */
    Tasklist checkbox(String componentId, Integer row) {
        By box = By.cssSelector("input[type=checkbox][id$='" + domId(componentId, row) + "']");
        if (!driver.findElement(box).isSelected()) {
            click(box);
        }
        wait.until(ExpectedConditions.elementSelectionStateToBe(box, true));
        return this;
    }
}
