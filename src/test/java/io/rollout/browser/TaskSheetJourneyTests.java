package io.rollout.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.requirements.RequirementImport;
import io.rollout.shared.TestProjects;
import io.rollout.shared.TestUsers;
import io.rollout.shared.WebTest;
import io.rollout.tasksheet.Workbooks;
import io.rollout.uat.TestCaseImport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchFrameException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Excel from inside a task, in the real Tasklist: the form's iframe shows the page {@code /task-sheet/}; a user
 * uploads a workbook built from the customer's file there, sees its rows in the form, completes the task and the rows
 * are stored; a bad file shows its row errors in the form and nothing changes; the download lands as a workbook.
 */
@WebTest
class TaskSheetJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String PASSWORD = "sheet-browser-Secret-2026";
    static final String CONSULTANT = "sheetbrowserconsultant";
    static final String KEY_USER = "sheetbrowserkeyuser";
    static final Path ERP = Path.of("src/test/resources/erp-case");
    static final List<String> ERP_DEPARTMENTS = List.of("procurement", "warehouse", "production", "finance", "sales");
    static final Duration STEP = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ProjectRepository projects;

    @Autowired
    RequirementImport requirementImport;

    @Autowired
    TestCaseImport testCaseImport;

    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void aProjectOfTheErpCase() {
        TestUsers.ensure(identity, CONSULTANT, PASSWORD, Roles.CONSULTANT);
        TestUsers.ensure(identity, KEY_USER, PASSWORD, Roles.KEY_USER);
        code = TestProjects.newCode();
        TestProjects.create(projects, code, ERP_DEPARTMENTS, List.of(), List.of());
    }

    @Test
    void consultantLoadsTheCustomersRequirementsFromExcelInClarifyRequirementsAndCompletesTheTask() throws IOException {
        ProcessInstance phase = runtime.createProcessInstanceByKey("requirementsPhase")
                .businessKey(code)
                .setVariable("projectCode", code)
                .startBeforeActivity("UserTask_ClarifyRequirements")
                .execute();
        Task clarify = task(phase, "UserTask_ClarifyRequirements");
        Path workbook = Workbooks.file("requirements.xlsx", Workbooks.fromCsv(ERP.resolve("requirements.csv")));

        Tasklist tasklist = new Tasklist(driver(), port)
                .login(CONSULTANT, PASSWORD)
                .filter("Consultants")
                .open("Clarify requirements", clarify.getId())
                .claim();
        assertThat(inSheet(() -> text(By.id("download")))).isEqualTo("Download as Excel");
        upload(workbook);

        waitForRows("Field_ClarifyRequirement_ReqId", 20);
        assertThat(inSheet(() -> text(By.id("status"))))
                .isEqualTo("20 rows loaded from requirements.xlsx: review them below and complete the task.");
        assertThat(tasklist.value("Field_ClarifyRequirement_ReqId", 0)).isEqualTo("REQ-PUR-001");
        assertThat(tasklist.value("Field_ClarifyRequirement_Title", 19)).isEqualTo("销售报表");
        assertThat(jdbc.sql("select count(*) from requirement where project_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        // the rows are the form's: the user may still change them before completing
        tasklist.type("Field_ClarifyRequirement_Title", 19, "Sales reports for the management");

        Path downloads = Files.createTempDirectory("rollout-downloads-");
        ((ChromeDriver) driver())
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        inSheet(() -> {
            driver().findElement(By.id("download")).click();
            return true;
        });
        Path downloaded = new WebDriverWait(driver(), STEP).until(d -> xlsxIn(downloads));
        assertThat(downloaded.getFileName().toString()).isEqualTo("requirements-" + code + ".xlsx");
        List<List<String>> sheet = Workbooks.read(Files.readAllBytes(downloaded));
        assertThat(sheet).hasSize(21);
        assertThat(sheet.get(1)).startsWith("REQ-PUR-001", "procurement", "采购申请线上审批");

        tasklist.complete();
        assertThat(jdbc.sql("select req_id || ' ' || status from requirement where project_code = ? order by req_id")
                        .param(code)
                        .query(String.class)
                        .list())
                .hasSize(20)
                .contains("REQ-PUR-001 clarified");
        assertThat(jdbc.sql("select title from requirement where project_code = ? and req_id = 'REQ-SAL-004'")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("Sales reports for the management");
    }

    @Test
    void keyUserSeesTheRowErrorsOfABadFileInTheFormThenLoadsTheTestCasesOverASavedDraft() throws IOException {
        try (InputStream in = Files.newInputStream(ERP.resolve("requirements.csv"))) {
            assertThat(requirementImport.importCsv(code, in, CONSULTANT).ok()).isTrue();
        }
        testCaseImport.importCsv(
                code,
                new ByteArrayInputStream(
                        "caseId,title,requirementIds,priority\nTC-OLD,An earlier case,REQ-PUR-001,low\n"
                                .getBytes(UTF_8)),
                KEY_USER);
        ProcessInstance uat =
                runtime.startProcessInstanceByKey("userAcceptanceTest", code, Map.of("projectCode", code));
        Task prepare = task(uat, "UserTask_PrepareTestCases");
        List<List<String>> cases = Workbooks.rows(Files.readString(ERP.resolve("uat-test-cases.csv")));
        List<List<String>> broken = Workbooks.rows(Files.readString(ERP.resolve("uat-test-cases.csv")));
        broken.get(3).set(2, "REQ-XYZ-999");
        broken.get(5).set(5, "urgent");

        Tasklist tasklist = new Tasklist(driver(), port)
                .login(KEY_USER, PASSWORD)
                .filter("Key users")
                .open(prepare.getName(), prepare.getId())
                .claim();
        // a change saved as a draft in Tasklist
        assertThat(tasklist.value("Field_CaseId", 0)).isEqualTo("TC-OLD");
        tasklist.type("Field_CaseTitle", 0, "Typed before the upload");
        new WebDriverWait(driver(), STEP)
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    WebElement save = d.findElement(
                            By.xpath("//div[contains(@class,'form-actions')]/button[@ng-click='save($event)']"));
                    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
                    save.click();
                    return true;
                });
        new WebDriverWait(driver(), STEP)
                .until(d -> ((JavascriptExecutor) d)
                                .executeScript(
                                        "return localStorage.getItem('camunda-form:' + arguments[0])", prepare.getId())
                        != null);
        Object before = tasks.getVariable(prepare.getId(), "testCases").toString();

        upload(Workbooks.file("test-cases.xlsx", Workbooks.of(broken)));
        List<String> errors = inSheet(() -> new WebDriverWait(driver(), STEP).until(d -> {
            List<String> items = d.findElements(By.cssSelector("#errors li")).stream()
                    .map(WebElement::getText)
                    .toList();
            return items.isEmpty() ? null : items;
        }));
        assertThat(errors)
                .containsExactly(
                        "Row 4: requirement REQ-XYZ-999 does not exist in this project.",
                        "Row 6: the field \"Priority\" must be one of high/medium/low, not \"urgent\".");
        assertThat(inSheet(() -> text(By.id("status")))).isEqualTo("test-cases.xlsx was not loaded, nothing changed:");
        assertThat(tasklist.value("Field_CaseTitle", 0)).isEqualTo("Typed before the upload");
        assertThat(tasks.getVariable(prepare.getId(), "testCases").toString()).isEqualTo(before);

        upload(Workbooks.file("test-cases.xlsx", Workbooks.of(cases)));
        waitForRows("Field_CaseId", 20);
        assertThat(tasklist.value("Field_CaseId", 0)).isEqualTo("TC-001");
        assertThat(tasklist.value("Field_RequirementIds", 0)).isEqualTo("REQ-PUR-001");
        tasklist.complete();

        assertThat(jdbc.sql("select case_id from test_case where project_code = ? order by case_id")
                        .param(code)
                        .query(String.class)
                        .list())
                .hasSize(21)
                .startsWith("TC-001")
                .contains("TC-OLD");
        // the saved draft was never submitted, and is gone
        assertThat(jdbc.sql("select title from test_case where project_code = ? and case_id = 'TC-OLD'")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("An earlier case");
    }

    private WebDriver driver() {
        return chromium.driver();
    }

    /** Chooses the file in the page inside the form's iframe, which uploads it at once. */
    private void upload(Path file) {
        inSheet(() -> {
            driver().findElement(By.id("file")).sendKeys(file.toString());
            return true;
        });
    }

    /** Runs the step inside the form's Excel iframe, looking again when Tasklist draws the form anew meanwhile. */
    private <T> T inSheet(Supplier<T> step) {
        return new WebDriverWait(driver(), STEP)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchFrameException.class)
                .until(d -> {
                    d.switchTo().defaultContent();
                    WebElement frame = ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.fjs-iframe"))
                            .apply(d);
                    if (frame == null) {
                        return null;
                    }
                    d.switchTo().frame(frame);
                    try {
                        return step.get();
                    } finally {
                        d.switchTo().defaultContent();
                    }
                });
    }

    private String text(By element) {
        String text = driver().findElement(element).getText();
        return text.isBlank() ? null : text;
    }

    private void waitForRows(String keyComponentId, int rows) {
        new WebDriverWait(driver(), STEP)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("input[id*='-" + keyComponentId + "_']"))
                                .size()
                        == rows);
    }

    private Task task(ProcessInstance instance, String activity) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activity)
                .singleResult();
    }

    private static Path xlsxIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
