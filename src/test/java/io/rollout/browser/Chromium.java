package io.rollout.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through the system chromedriver for the tests of one class
 * ({@code @RegisterExtension static final Chromium chromium = new Chromium();}). Both binaries are named
 * explicitly, so Selenium Manager is never asked to find or download anything (the machine has no
 * network). Without them the class is skipped with the reason, before the application starts: a developer
 * machine may lack them, while {@code .ci/run} installs both. When a test fails, the page as the user saw it is kept as
 * {@code target/browser-screenshots/<class>.<test>.png} and {@code .html}.
 */
public class Chromium
        implements ExecutionCondition,
                BeforeAllCallback,
                BeforeEachCallback,
                AfterTestExecutionCallback,
                AfterAllCallback {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private ChromeDriver driver;
    private Path profile;

    /** The browser of the running class. */
    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("Chromium is not running: register the extension as a static field");
        }
        return driver;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // decided before Spring starts the application for the class: a skipped class costs nothing
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        return ConditionEvaluationResult.disabled(
                "Browser tests skipped: they need Debian's chromium and " + "chromium-driver (" + BROWSER + ", "
                        + DRIVER + "); apt-get install chromium chromium-driver, as .ci/run does");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // a driver path given as system property or executable keeps Selenium Manager out of the way
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        profile = Files.createTempDirectory("rollout-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // every test logs in as its own user: no session of the previous one may remain
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        Files.createDirectories(SCREENSHOTS);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (WebDriverException e) {
            // the browser itself broke: the test's own failure says more than a missing screenshot
            context.publishReportEntry("screenshot", "not taken: " + e.getMessage());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (UncheckedIOException e) {
                // Chromium may still be releasing its profile; the temp directory is cleaned by the OS
            }
            profile = null;
        }
    }

    // the browser's language: Tasklist picks its locale from navigator.languages, Rollout from Accept-Language
    private final String language;
    private final String acceptLanguages;

    /** An English browser ({@code en-US}), as the journeys use it. */
    public Chromium() {
        this("en-US", "en-US,en");
    }

    /** A browser whose language is {@code language} ({@code zh-CN}) and which asks for {@code acceptLanguages}. */
    public Chromium(String language, String acceptLanguages) {
        this.language = language;
        this.acceptLanguages = acceptLanguages;
    }

    /**
     * A browser in the given language ({@code Translations.CHINESE}), asking pages for the language and then its
     * generic form ({@code zh-CN,zh}).
     */
    public Chromium(Locale language) {
        this(language.toLanguageTag(), language.toLanguageTag() + "," + language.getLanguage());
    }

    /** The language the browser runs in, for the journeys that read or type what depends on it. */
    public Locale language() {
        return Locale.forLanguageTag(language);
    }
}
