package io.rollout.browser;

import io.rollout.shared.TestTranslations;
import io.rollout.shared.Translations;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
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
 *
 * <p>Tasklist runs in the browser's language. The steps name filters, tasks, processes and the options they choose
 * by their English names, as Rollout stores them; for a Chinese browser each is looked for as Rollout's translation
 * ({@link TestTranslations}), so a step finds it only when Tasklist shows exactly that translation.
 */
class Tasklist {

    static final String PATH = "/camunda/app/tasklist/default/";

    // generous: on a busy 2-core machine the first load of Tasklist's scripts alone can take half a minute
    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(30);
    // form-js 1.8.7 takes typed text into the form's data this long after the last key stroke
    private static final Duration INPUT_DEBOUNCE = Duration.ofMillis(300);
    /** How often a wait looks again: Tasklist answers most steps within a few tenths of a second. */
    private static final Duration POLL = Duration.ofMillis(100);

    private static final By COMPLETE =
            By.xpath("//div[contains(@class,'form-actions')]/button[@ng-click='complete()']");

    private final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private final Locale language;
    private final Translations translations;
    private By openTask;
    private Consumer<Tasklist> onOpen = t -> {};

    /** Tasklist in an English browser. */
    Tasklist(WebDriver driver, int port) {
        this(driver, port, Locale.US);
    }

    /** Tasklist in a browser of the given language ({@link Chromium#language()}). */
    Tasklist(WebDriver driver, int port, Locale language) {
        this.driver = driver;
        this.language = language;
        this.translations = Translations.chinese(language) ? TestTranslations.chinese() : null;
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, STEP, POLL);
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
        new WebDriverWait(driver, FIRST_LOAD, POLL)
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        // the login form focuses its name field once it is ready: keys typed before may land there, so type until
        // both fields show what was typed
        wait.until(d -> {
            WebElement name = d.findElement(By.cssSelector("input[ng-model=username]"));
            WebElement secret = d.findElement(By.cssSelector("input[ng-model=password]"));
            name.clear();
            name.sendKeys(user);
            secret.clear();
            secret.sendKeys(password);
            return user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"));
        });
        click(By.cssSelector("form button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
        return this;
    }

    /** Chooses a filter by its name ("My tasks", "Open tasks for me", a role's filter such as "Key users"). */
    Tasklist filter(String name) {
        String item =
                "//div[contains(@class,'task-filter')][.//h4/a[normalize-space(text())=" + literal(name(name)) + "]]";
        click(By.xpath(item + "//h4/a"));
        wait.until(ExpectedConditions.attributeContains(By.xpath(item), "class", "active"));
        return this;
    }

    /**
     * Opens a task from the list of the chosen filter — the card with the task's name whose link leads to that
     * task (several projects may have a task of the same name) — and waits for its form.
     */
    Tasklist open(String taskName, String taskId) {
        openCard(taskName, taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        onOpen.accept(this);
        return this;
    }

    /** Clicks the task's card in the list and waits until its header shows the task. */
    private void openCard(String taskName, String taskId) {
        String shown = name(taskName);
        openTask = By.xpath("//li[contains(@class,'task')]//h4/a[normalize-space(.)=" + literal(shown) + "]"
                + "[contains(@href, " + literal("task=" + taskId) + ")]");
        click(openTask);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//section[contains(@class,'task-card')]//h2[normalize-space(.)=" + literal(shown) + "]")));
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
        By display = By.cssSelector("[id$='" + id + "-display']");
        click(display);
        String field = "//div[contains(@class,'fjs-form-field-select')][.//input[substring(@id, string-length(@id) - "
                + (id.length() - 1) + ")=" + literal(id) + "]]";
        By list = By.xpath(field + "//div[contains(@class,'fjs-dropdownlist')]");
        By option = By.xpath(field + "//div[contains(@class,'fjs-dropdownlist-item')][" + shownAs(".", label) + "]");
        // a long list (Chinese labels wrap) at the foot of a form reaches under Tasklist's footer, which takes the
        // click: the option is scrolled into view within the list and pressed as form-js listens for it (mousedown)
        wait.until(d -> {
            List<WebElement> found = d.findElements(option);
            if (found.isEmpty()) {
                if (d.findElements(list).isEmpty()) {
                    d.findElement(display).click();
                }
                return false;
            }
            ((JavascriptExecutor) d)
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'nearest'});"
                                    + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));",
                            found.get(0));
            return true;
        });
        Set<String> shown = labels(label);
        wait.until(d -> shown.contains(d.findElement(By.cssSelector("[id$='" + id + "-display']"))
                .getText()
                .trim()));
        return this;
    }

    /** Chooses the radio button with the given label. */
    Tasklist radio(String componentId, String label) {
        By choice = By.xpath("//label[input[@type='radio'][contains(@id, " + literal("-" + componentId + "-") + ")]]"
                + "[" + shownAs(".", label) + "]/input");
        click(choice);
        wait.until(ExpectedConditions.elementSelectionStateToBe(choice, true));
        return this;
    }

    /** Ticks the option with the given label in a checklist. */
    Tasklist check(String componentId, String label) {
        By option = By.xpath("//label[.//input[@type='checkbox'][contains(@id, " + literal("-" + componentId + "-")
                + ")]][" + shownAs(".", label) + "]//input");
        click(option);
        wait.until(ExpectedConditions.elementSelectionStateToBe(option, true));
        return this;
    }

    /**
     * Enters a date into a date field as a user types it in the format the field asks for with its placeholder (the
     * browser's: en-US mm/dd/yyyy, shown in Chinese as 月/日/年; zh-CN yyyy/mm/dd) and leaves the field, so form-js
     * takes the value.
     */
    Tasklist date(String componentId, Integer row, LocalDate date) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[id$='" + domId(componentId, row) + "-date']")));
        scrollTo(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(
                date.format(DateTimeFormatter.ofPattern(dateFormat(input.getDomProperty("placeholder")))), Keys.ENTER);
        input.sendKeys(Keys.TAB);
        return this;
    }

    /** The pattern of a date field's placeholder: mm/dd/yyyy, yyyy/mm/dd, dd.mm.yyyy or 月/日/年 (month/day/year). */
    static String dateFormat(String placeholder) {
        if (placeholder == null || placeholder.isBlank()) {
            return "MM/dd/yyyy";
        }
        return placeholder
                .replace("月", "MM")
                .replace("日", "dd")
                .replace("年", "yyyy")
                .replace("mm", "MM");
    }

    /**
     * Adds a row to a dynamic list with its "add" button and returns the new row's index. {@code listId} is the
     * list's component id ({@code List_Milestones}); {@code fieldId} a field of its rows, used to count them.
     */
    int addRow(String listId, String fieldId) {
        int before = rows(fieldId);
        click(By.xpath(
                "//div[@role='group'][substring(@aria-labelledby, string-length(@aria-labelledby) - " + listId.length()
                        + ")=" + literal("-" + listId) + "]//button[contains(@class,'fjs-repeat-render-add')]"));
        wait.until(d -> rows(fieldId) == before + 1);
        return before;
    }

    /** How many rows of a dynamic list show the given field. */
    int rows(String fieldId) {
        // one look at the page, not one request per field: lists are long and this is asked for every row
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
            var key = '-' + arguments[0] + '_', rows = new Set();
            document.querySelectorAll('input, textarea').forEach(function (field) {
              var id = field.id || '';
              if (id.indexOf(key) < 0 || id.indexOf('-date') >= 0 || id.indexOf('-search') >= 0) {
                return;
              }
              var row = id.substring(id.lastIndexOf('_') + 1);
              if (/^[0-9]+$/.test(row)) {
                rows.add(row);
              }
            });
            return rows.size;""", fieldId)).intValue();
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
            new WebDriverWait(driver, Duration.ofSeconds(10), POLL)
                    .until(ExpectedConditions.elementToBeClickable(COMPLETE));
        } catch (TimeoutException e) {
            throw new AssertionError("Complete stays disabled; the form shows these errors: "
                    + driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                            .map(WebElement::getText)
                            .filter(t -> !t.isBlank())
                            .toList());
        }
        pressUntilSubmitted(COMPLETE);
        By task = openTask;
        String error = untilClosed((ExpectedCondition<String>) d -> {
            String shown = d.findElements(By.cssSelector(".alert-danger")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(WebElement::getText)
                    .map(String::trim)
                    .filter(t -> t.length() > 1)
                    .collect(Collectors.joining(" | "));
            if (!shown.isEmpty()) {
                return shown;
            }
            return d.findElements(task).isEmpty() ? "" : null;
        });
        if (!error.isEmpty()) {
            throw new AssertionError("Tasklist refused to complete the task: " + error);
        }
    }

    /**
     * Presses a button that submits the form (Complete) and waits until Tasklist has sent the submission; presses
     * again, as a user does when nothing happens, while none was sent. Tasklist reloads the open task now and then
     * (with the list), and a press that meets the reload is lost without a trace; a sent submission is never repeated.
     */
    private void pressUntilSubmitted(By button) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript(WATCH_SUBMISSIONS);
        for (int press = 1; ; press++) {
            click(button);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5), POLL)
                        .until(d -> ((Number) page.executeScript("return window.rolloutSubmissions")).intValue() > 0);
                return;
            } catch (TimeoutException e) {
                boolean enabled = driver.findElements(button).stream().anyMatch(WebElement::isEnabled);
                if (press == 3 || !enabled) {
                    return;
                }
            }
        }
    }

    /** Counts the submissions of a task or start form the page sends from now on. */
    private static final String WATCH_SUBMISSIONS = """
            window.rolloutSubmissions = 0;
            if (!window.rolloutWatching) {
              window.rolloutWatching = true;
              var open = XMLHttpRequest.prototype.open;
              XMLHttpRequest.prototype.open = function (method, url) {
                if (/\\/(submit-form|complete|start|submit)(\\?|$)/.test(String(url))) {
                  window.rolloutSubmissions++;
                }
                return open.apply(this, arguments);
              };
            }""";

    /** Waits for the condition after Complete; when it does not come, fails with what the page shows instead. */
    private String untilClosed(ExpectedCondition<String> closed) {
        try {
            return wait.until(closed);
        } catch (TimeoutException e) {
            List<String> shown =
                    driver.findElements(By.cssSelector(".page-notifications .alert, .fjs-form-field-error")).stream()
                            .map(WebElement::getText)
                            .map(String::trim)
                            .filter(t -> !t.isEmpty())
                            .toList();
            throw new AssertionError(
                    "The task stays listed after Complete; Complete is "
                            + (driver.findElements(COMPLETE).stream().anyMatch(WebElement::isEnabled)
                                    ? "enabled"
                                    : "disabled")
                            + ", the page shows " + shown,
                    e);
        }
    }

    /** Reloads the page as the user would press F5; the chosen filter stays chosen. */
    Tasklist reload() {
        driver.navigate().refresh();
        // a reload loads the whole app again, as the first load does: on a busy machine that takes longer than a step
        new WebDriverWait(driver, FIRST_LOAD, POLL)
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter.active")));
        return this;
    }

    /** Whether the loaded list of the chosen filter shows the given task. */
    boolean lists(String taskId) {
        wait.until(d -> {
            WebElement list = d.findElement(By.cssSelector("[cam-tasks]"));
            boolean loading =
                    list.findElements(By.cssSelector(".loader")).stream().anyMatch(WebElement::isDisplayed);
            boolean shown = !list.findElements(By.cssSelector("li.task")).isEmpty()
                    || list.findElements(By.cssSelector(".well")).stream().anyMatch(WebElement::isDisplayed);
            return !loading && shown;
        });
        return !driver.findElements(By.xpath(
                        "//li[contains(@class,'task')]//h4/a[contains(@href, " + literal("task=" + taskId) + ")]"))
                .isEmpty();
    }

    private WebElement field(String componentId, Integer row) {
        return wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='" + domId(componentId, row) + "']")));
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

    /**
     * Chooses a person (or any option) in a searchable select as a user does: types part of the name into its
     * search box and clicks the option with the given label among those offered.
     */
    Tasklist pick(String componentId, Integer row, String search, String label) {
        String id = domId(componentId, row);
        By input = By.cssSelector("input[id$='" + id + "']");
        By option =
                By.xpath("//div[contains(@class,'fjs-form-field-select')][.//input[substring(@id, string-length(@id) - "
                        + (id.length() - 1) + ")=" + literal(id)
                        + "]]//div[contains(@class,'fjs-dropdownlist-item')][" + shownAs(".", label) + "]");
        Set<String> shownLabels = labels(label);
        wait.until(d -> {
            WebElement field = d.findElement(input);
            if (shownLabels.contains(field.getDomProperty("value"))
                    && d.findElements(option).isEmpty()) {
                return true;
            }
            scrollTo(field);
            field.click();
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            field.sendKeys(search);
            List<WebElement> shown = d.findElements(option);
            if (shown.isEmpty()) {
                return false;
            }
            try {
                shown.get(0).click();
            } catch (ElementClickInterceptedException e) {
                return false;
            }
            return shownLabels.contains(d.findElement(input).getDomProperty("value"));
        });
        return this;
    }

    /** {@link #pick(String, Integer, String, String)} typing the whole label, as the user reads it, into the search box. */
    Tasklist pick(String componentId, Integer row, String label) {
        return pick(componentId, row, name(label), label);
    }

    /** The labels of the options a searchable select offers for the typed text, as the user sees its drop-down. */
    List<String> offered(String componentId, Integer row, String search) {
        String id = domId(componentId, row);
        WebElement field = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("input.fjs-input[id$='" + id + "']")));
        scrollTo(field);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(search);
        By items =
                By.xpath("//div[contains(@class,'fjs-form-field-select')][.//input[substring(@id, string-length(@id) - "
                        + (id.length() - 1) + ")=" + literal(id) + "]]//div[contains(@class,'fjs-dropdownlist-item')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(items));
        List<String> labels = driver.findElements(items).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
        field.sendKeys(Keys.ESCAPE);
        field.sendKeys(Keys.TAB);
        return labels;
    }

    /** The cells of one column of a read-only table component, top to bottom, as the user reads them. */
    List<String> column(String tableId, String columnLabel) {
        By table = By.cssSelector("table.fjs-table[id$='-" + tableId + "']");
        WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(table));
        List<String> headers = found.findElements(By.cssSelector("th.fjs-table-th")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
        Set<String> shown = labels(columnLabel);
        int index = headers.stream()
                .filter(shown::contains)
                .findFirst()
                .map(headers::indexOf)
                .orElse(-1);
        if (index < 0) {
            throw new AssertionError("Table " + tableId + " has no column " + columnLabel + ": " + headers);
        }
        return found.findElements(By.cssSelector("tbody tr.fjs-table-tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("td.fjs-table-td")))
                .map(cells -> cells.size() > index ? cells.get(index).getText().trim() : "")
                .toList();
    }

    /** Leaves a field with Tab as a user moves on: form-js takes a typed text on leaving at the latest. */
    Tasklist leave(String componentId, Integer row) {
        field(componentId, row).sendKeys(Keys.TAB);
        return this;
    }

    /**
     * Picks an option of a searchable select (a people picker) as a user does: types part of the name into its
     * search box and clicks the option whose label contains {@code option}, e.g. "Hao Xu (xuhao)"; {@code row} is
     * the row of a dynamic list, or null.
     */
    Tasklist choose(String componentId, Integer row, String typed, String option) {
        chooseOption("select", componentId, row, typed, shownWith("contains", option));
        return this;
    }

    /**
     * Adds an option to a tag list (several departments, an on-call team) as a user does: types part of its label
     * and clicks the option whose label contains {@code option}; {@code row} is the row of a dynamic list, or null.
     */
    Tasklist tagContaining(String componentId, Integer row, String typed, String option) {
        chooseOption("taglist", componentId, row, typed, shownWith("contains", option));
        return this;
    }

    /**
     * The height of the open task's form in CSS pixels, all of it (what the user scrolls through, not only what the
     * window shows), for checking that a form stays a few screens long.
     */
    long formHeight() {
        Object height = ((JavascriptExecutor) driver)
                .executeScript(
                        "var form = document.querySelector('.fjs-form'); return Math.max(form.scrollHeight, form.clientHeight);");
        return ((Number) height).longValue();
    }

    /**
     * The rows of a read-only table of the form (form-js {@code table} component, e.g. {@code Table_Requirements}) as
     * the user reads them: one list of cell texts per row, in the order shown (the current page, if it pages); none
     * when the table says there is nothing to show.
     */
    List<List<String>> tableRows(String componentId) {
        By rows = By.cssSelector("table[id$='-" + componentId + "'] tbody tr");
        wait.until(ExpectedConditions.presenceOfElementLocated(rows));
        // form-js says "Nothing to show." (暂无数据。in Chinese) in one cell spanning every column
        return driver.findElements(rows).stream()
                .filter(tr -> tr.findElements(By.cssSelector("td[colspan]")).isEmpty())
                .map(tr -> tr.findElements(By.cssSelector("td")).stream()
                        .map(td -> td.getText().trim())
                        .toList())
                .toList();
    }

    /** Adds a tag to a tag list as a user does: types part of its label and chooses it from the list. */
    Tasklist tag(String componentId, Integer row, String search, String optionLabel) {
        chooseOption("taglist", componentId, row, search, shownAs(".", optionLabel));
        return this;
    }

    /**
     * Chooses an option in a searchable select (a people or requirement picker) as a user does: types into its
     * search field and clicks the first option whose label starts with {@code labelStart}. Returns the chosen label.
     */
    String search(String componentId, Integer row, String typed, String labelStart) {
        return chooseOption("select", componentId, row, typed, shownWith("starts-with", labelStart));
    }

    /** Adds the option whose label starts with {@code labelStart} to a tag list (a multiple people picker). */
    Tasklist tag(String componentId, String typed, String labelStart) {
        chooseOption("taglist", componentId, null, typed, shownWith("starts-with", labelStart));
        return this;
    }

    /**
     * Types into the search box of a searchable select or a tag list ({@code kind} "select" or "taglist") and clicks
     * the first option the XPath {@code condition} accepts, as a user chooses from the drop-down; waits until the
     * select shows it or the tag list has it as a tag, and returns its label. A select's box is cleared first; a tag
     * list's is not (Backspace in an empty one removes the last tag).
     */
    private String chooseOption(String kind, String componentId, Integer row, String typed, String condition) {
        String id = domId(componentId, row);
        String field = "//div[contains(@class,'fjs-form-field-" + kind
                + "')][.//input[substring(@id, string-length(@id) - " + (id.length() - 1) + ")=" + literal(id) + "]]";
        WebElement input = field(componentId, row);
        scrollTo(input);
        input.click();
        if (kind.equals("select")) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        input.sendKeys(typed);
        By option = By.xpath(field + "//div[contains(@class,'fjs-dropdownlist-item')][" + condition + "]");
        String label = wait.until(ExpectedConditions.visibilityOfElementLocated(option))
                .getText()
                .trim();
        click(option);
        if (kind.equals("select")) {
            wait.until(d -> label.equals(field(componentId, row).getDomProperty("value")));
        } else {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(field
                    + "//*[contains(@class,'fjs-taglist-tag-label')][normalize-space(.)=" + literal(label) + "]")));
            // leave the drop-down, so it does not cover the next field (not in the start dialog: Escape closes it)
            if (driver.findElements(By.cssSelector(".modal-dialog")).isEmpty()) {
                field(componentId, row).sendKeys(Keys.ESCAPE);
            }
        }
        return label;
    }

    /** The labels of the tags a tag list shows. */
    List<String> tags(String componentId, Integer row) {
        String id = domId(componentId, row);
        return driver
                .findElements(By.xpath("//div[contains(@class,'fjs-form-field-taglist')][.//input[substring(@id, "
                        + "string-length(@id) - " + (id.length() - 1) + ")=" + literal(id) + "]]//*[contains(@class,"
                        + "'fjs-taglist-tag-label')]"))
                .stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
    }

    /**
     * Opens Tasklist's "Start process" dialog, chooses the process by its name and waits for its start form; fill it
     * with the methods of a task's form, then {@link #start()}.
     */
    Tasklist startProcess(String processName) {
        click(By.xpath("//a[@ng-click='open()'][span[contains(@class,'glyphicon-list-alt')]]"));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-header input[ng-model='page.searchValue']")));
        // the dialog searches the names the engine stores (English): a Chinese name finds nothing there, so a
        // Chinese user picks the process from the list
        if (translations == null) {
            search.sendKeys(processName);
        }
        click(By.xpath("//div[contains(@class,'modal-body')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
                + literal(name(processName)) + "]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-body .fjs-form")));
        onOpen.accept(this);
        return this;
    }

    /** Presses Start in the start dialog and waits until it closes; fails with what the dialog shows when refused. */
    void start() {
        By start = By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10), POLL)
                    .until(ExpectedConditions.elementToBeClickable(start));
        } catch (TimeoutException e) {
            throw new AssertionError("Start stays disabled; the form shows these errors: "
                    + driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                            .map(WebElement::getText)
                            .filter(t -> !t.isBlank())
                            .toList());
        }
        click(start);
        String error = wait.until((ExpectedCondition<String>) d -> {
            String shown = d.findElements(By.cssSelector(".modal .alert-danger")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(WebElement::getText)
                    .map(String::trim)
                    .filter(t -> t.length() > 1)
                    .collect(Collectors.joining(" | "));
            if (!shown.isEmpty()) {
                return shown;
            }
            return d.findElements(By.cssSelector(".modal-dialog")).isEmpty() ? "" : null;
        });
        if (!error.isEmpty()) {
            throw new AssertionError("Tasklist refused to start the process: " + error);
        }
    }

    /** The labels a searchable select or tag list offers when the user opens it, e.g. the people a picker offers. */
    List<String> options(String componentId, Integer row) {
        String id = domId(componentId, row);
        WebElement field =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id$='" + id + "']")));
        scrollTo(field);
        field.click();
        if (!String.valueOf(field.getDomProperty("value")).isEmpty()) {
            // a chosen person's name filters the list: clear it to see every option
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        By items = By.xpath("//div[contains(@class,'fjs-form-field')][.//input[substring(@id, string-length(@id) - "
                + (id.length() - 1) + ")=" + literal(id) + "]]//div[contains(@class,'fjs-dropdownlist-item')]");
        List<String> labels = wait.until(d -> {
            List<String> shown = d.findElements(items).stream()
                    .map(WebElement::getText)
                    .map(String::trim)
                    .toList();
            return shown.isEmpty() ? null : shown;
        });
        field.sendKeys(Keys.ESCAPE);
        return labels;
    }

    /** Ticks or unticks a checkbox field; {@code row} is the row of a dynamic list, or null. */
    Tasklist tick(String componentId, Integer row, boolean ticked) {
        By box = By.cssSelector("input[type=checkbox][id$='" + domId(componentId, row) + "']");
        wait.until(d -> {
            WebElement field = d.findElement(box);
            if (field.isSelected() == ticked) {
                return true;
            }
            scrollTo(field);
            field.click();
            return d.findElement(box).isSelected() == ticked;
        });
        return this;
    }

    /** Whether a checkbox field is ticked. */
    boolean ticked(String componentId, Integer row) {
        return field(componentId, row).isSelected();
    }

    /** The date a date field shows, as the user reads it in this browser (en-US: M/d/yyyy); empty when none. */
    String shownDate(String componentId, Integer row) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("input[id$='" + domId(componentId, row) + "-date']")))
                .getDomProperty("value");
    }

    /** The labels of the tags a tag list shows, in a list outside a dynamic list. */
    List<String> tags(String componentId) {
        return tags(componentId, null);
    }

    /**
     * Ticks or clears the option of a checklist whose label starts with {@code labelStart} (a requirement by its id),
     * and returns whether it was ticked before.
     */
    boolean checkStartingWith(String componentId, String labelStart, boolean ticked) {
        By option = By.xpath("//label[.//input[@type='checkbox'][contains(@id, " + literal("-" + componentId + "-")
                + ")]][starts-with(normalize-space(.), " + literal(labelStart) + ")]//input");
        boolean before =
                wait.until(ExpectedConditions.presenceOfElementLocated(option)).isSelected();
        if (before != ticked) {
            click(option);
            wait.until(ExpectedConditions.elementSelectionStateToBe(option, ticked));
        }
        return before;
    }

    /**
     * Opens a task whose form is an embedded HTML form (not a Camunda Form) from the list of the chosen filter and
     * waits until the form shows the element with the given id.
     */
    Tasklist openEmbedded(String taskName, String taskId, String elementId) {
        openCard(taskName, taskId);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("div[cam-tasklist-form-embedded] #" + elementId)));
        onOpen.accept(this);
        return this;
    }

    /** Chooses a file in an embedded form's file input, as a user picks it in the browser's file dialog. */
    Tasklist upload(String inputId, java.nio.file.Path file) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(inputId)));
        wait.until(d -> input.isEnabled());
        input.sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** The text of an embedded form as the user reads it. */
    String embeddedText() {
        return driver.findElement(By.cssSelector("div[cam-tasklist-form-embedded]"))
                .getText();
    }

    /** Waits (reloading the list as a user presses F5) until the chosen filter lists the task, e.g. after a job. */
    Tasklist awaitListed(String taskId) {
        new WebDriverWait(driver, FIRST_LOAD, POLL).until(d -> {
            if (lists(taskId)) {
                return true;
            }
            reload();
            return false;
        });
        return this;
    }

    /**
     * Loads Tasklist and waits for its login form, loading it again when it does not appear within {@code patience}
     * (at most three times): on a busy machine the first load of its scripts alone can take longer than
     * {@link #login} waits, and a first load was seen hanging; the browser then has the scripts cached for the logins
     * that follow.
     */
    Tasklist awaitFirstLoad(Duration patience) {
        By loginForm = By.cssSelector("input[ng-model=username]");
        for (int attempt = 1; ; attempt++) {
            try {
                driver.get(base + PATH);
                new WebDriverWait(driver, patience, POLL)
                        .ignoring(StaleElementReferenceException.class)
                        .until(ExpectedConditions.visibilityOfElementLocated(loginForm));
                return this;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Presses Complete ({@link #complete}) and then also waits until Tasklist has closed the task, failing with the
     * error it shows instead. {@link #complete} alone returns as soon as the task has left the list, which in a filter
     * without claimed tasks ("Open tasks for me") happens already when the task is claimed, before the submission is
     * answered.
     */
    void completeAndAwaitClosed() {
        String title = driver.findElement(By.cssSelector("section.task-card h2"))
                .getText()
                .trim();
        complete();
        By stillOpen =
                By.xpath("//section[contains(@class,'task-card')]//h2[normalize-space(.)=" + literal(title) + "]");
        String error = wait.until((ExpectedCondition<String>) d -> {
            String shown = d.findElements(By.cssSelector(".alert-danger")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(WebElement::getText)
                    .map(String::trim)
                    .filter(t -> t.length() > 1)
                    .collect(Collectors.joining(" | "));
            if (!shown.isEmpty()) {
                return shown;
            }
            return d.findElements(stillOpen).isEmpty() ? "" : null;
        });
        if (!error.isEmpty()) {
            throw new AssertionError("Tasklist refused to complete the task: " + error);
        }
    }

    /** Removes the tag whose label contains {@code option} from a tag list; {@code row} as in {@link #tag}. */
    Tasklist untag(String componentId, Integer row, String option) {
        String id = domId(componentId, row);
        By remove = By.xpath(
                "//div[contains(@class,'fjs-form-field-taglist')][.//input[substring(@id, string-length(@id) - "
                        + (id.length() - 1) + ")=" + literal(id)
                        + "]]//div[contains(concat(' ', @class, ' '), ' fjs-taglist-tag ')]"
                        + "[.//span[contains(normalize-space(.), " + literal(option)
                        + ")]]//button[contains(@class,'fjs-taglist-tag-remove')]");
        click(remove);
        wait.until(ExpectedConditions.numberOfElementsToBe(remove, 0));
        return this;
    }

    /** Removes the last row of a dynamic list with its remove button; {@code fieldId} as in {@link #addRow}. */
    Tasklist removeLastRow(String listId, String fieldId) {
        int before = rows(fieldId);
        click(By.xpath("(//div[@role='group'][substring(@aria-labelledby, string-length(@aria-labelledby) - "
                + listId.length() + ")=" + literal("-" + listId)
                + "]//button[contains(@class,'fjs-repeat-row-remove')])[last()]"));
        wait.until(d -> rows(fieldId) == before - 1);
        return this;
    }

    /**
     * Types into a field like {@link #type} and then pauses as a person does before the next field. form-js 1.8.7
     * takes typed text into the form only after a 300 ms debounce; when the next field of a list row changes
     * within that time (a picker chosen right after typing, as only a script is fast enough to do), the text
     * typed into a row that was empty is lost.
     */
    Tasklist enter(String componentId, Integer row, String text) {
        wait.until(d -> {
            type(componentId, row, text);
            try {
                Thread.sleep(INPUT_DEBOUNCE.toMillis() + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return text.equals(field(componentId, row).getDomProperty("value"));
        });
        return this;
    }

    /** Closes Tasklist's error notifications (a refused completion), which lie over the form's buttons, as a user does. */
    Tasklist dismissErrors() {
        By close = By.cssSelector(".page-notifications .alert-danger button[ng-click^='removeNotification']");
        driver.findElements(close).stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
        wait.until(d -> d.findElements(close).stream().noneMatch(WebElement::isDisplayed));
        return this;
    }

    /** The language the browser runs Tasklist in. */
    Locale language() {
        return language;
    }

    /** What to do each time a task's or a start form is open and shown, e.g. scanning what the user reads. */
    Tasklist onOpen(Consumer<Tasklist> action) {
        this.onOpen = action;
        return this;
    }

    /** A name Rollout stores in English (task, process, filter) as Tasklist shows it in the browser's language. */
    String name(String english) {
        return translations == null ? english : translations.text(english, language);
    }

    /**
     * The texts a form option or column stored in English may be shown as: an option of the form file is a form text,
     * one a form variable offers is a stored name (the department "Procurement" is 采购部, the module 采购管理).
     */
    Set<String> labels(String english) {
        if (translations == null) {
            return Set.of(english);
        }
        return new LinkedHashSet<>(
                List.of(translations.formText(english, language), translations.text(english, language)));
    }

    /** An XPath condition: the normalised text of {@code node} is one of {@link #labels}. */
    private String shownAs(String node, String english) {
        return labels(english).stream()
                .map(label -> "normalize-space(" + node + ")=" + literal(label))
                .collect(Collectors.joining(" or "));
    }

    /**
     * An XPath condition: the normalised text of the node {@code function}s ({@code contains}, {@code starts-with})
     * one of {@link #labels} — a person's label "周明 (walkpmo)" reads 周明（walkpmo） in Chinese.
     */
    private String shownWith(String function, String english) {
        return labels(english).stream()
                .map(label -> function + "(normalize-space(.), " + literal(label) + ")")
                .collect(Collectors.joining(" or "));
    }

    /** One text a person reads on the page and the kind of element it is in ("form label", "filters", …). */
    record Shown(String element, String text) {}

    /**
     * Every text the user reads on the page of the open task or start form: the task header, Tasklist's filters, list,
     * navigation and buttons, the form's labels, descriptions, option labels, table headers, buttons and placeholders,
     * and — with {@code withData} — its text views, table cells and chosen tags, which show data (a summary, a
     * requirement) among Rollout's texts.
     * Values of fields are never read.
     */
    @SuppressWarnings("unchecked")
    List<Shown> shownTexts(boolean withData) {
        List<List<String>> found =
                (List<List<String>>) ((JavascriptExecutor) driver).executeScript(SHOWN_TEXTS, withData);
        List<Shown> shown = new ArrayList<>();
        found.forEach(pair -> shown.add(new Shown(pair.get(0), pair.get(1))));
        return shown;
    }

    /** The name of the open task, or the title of the start dialog, as shown. */
    String shownTitle() {
        List<WebElement> title = driver.findElements(By.cssSelector(".modal-dialog .modal-header h3"));
        if (title.isEmpty()) {
            title = driver.findElements(By.cssSelector("section.task-card h2"));
        }
        return title.isEmpty() ? "" : title.get(0).getText().trim();
    }

    private static final String SHOWN_TEXTS = """
            var withData = arguments[0], found = [], seen = new Set();
            var dialog = document.querySelector('.modal-dialog');
            var form = dialog ? '.modal-dialog .fjs-form' : 'section.task-card .fjs-form';
            var embedded = 'div[cam-tasklist-form-embedded]';
            function visible(e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length); }
            function add(kind, selector, text) {
              document.querySelectorAll(selector).forEach(function (e) {
                var t = (text ? text(e) : e.innerText || '').trim();
                if (t && visible(e) && !seen.has(kind + '|' + t)) { seen.add(kind + '|' + t); found.push([kind, t]); }
              });
            }
            var chrome = {
              'header': '[cam-widget-header]',
              'filters': '.task-filter',
              'task list': '[cam-tasks]',
              'task header': 'section.task-card header .names',
              'task meta': 'section.task-card header [cam-tasklist-task-meta]',
              'task tabs': 'section.task-card .nav-tabs',
              'task buttons': 'section.task-card .form-actions button',
              'start dialog title': '.modal-dialog .modal-header h3',
              'start dialog buttons': '.modal-dialog .modal-footer button'
            };
            Object.keys(chrome).forEach(function (kind) {
              if (!dialog || kind.indexOf('start dialog') === 0) { add(kind, chrome[kind]); }
            });
            add('form label', form + ' label, ' + form + ' legend, ' + form + ' .fjs-form-field-label');
            add('form description', form + ' .fjs-form-field-description');
            add('table header', form + ' th');
            add('form button', form + ' button');
            add('placeholder', form + ' input[placeholder], ' + form + ' textarea[placeholder]', function (e) {
              return e.value ? '' : e.getAttribute('placeholder');
            });
            add('embedded form label', embedded + ' label, ' + embedded + ' legend, ' + embedded + ' th, '
              + embedded + ' button, ' + embedded + ' h1, ' + embedded + ' h2, ' + embedded + ' h3, '
              + embedded + ' h4, ' + embedded + ' .help-block');
            if (withData) {
              add('text view', form + ' .fjs-form-field-text');
              add('chosen option', form + ' .fjs-taglist-tag-label');
              add('table cell', form + ' td');
              add('embedded form text', embedded + ' p');
            }
            return found;""";
}
