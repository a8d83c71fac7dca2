package io.facetrail.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.runtime.testing.Skips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver, at a laptop's window size, with the
 * browser console kept so a test can check that no script failed and no Content-Security-Policy
 * rule was broken. Screenshots go to {@code target/console-screenshots/}.
 */
public final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  /**
   * A failed request the page expects and handles: signed out (401), a missing endpoint (404), the
   * live endpoint asked why it refused a stream (406, 503 with events off), a refused upload (422).
   * Not a fault.
   */
  private static final Pattern EXPECTED_HTTP_ERROR =
      Pattern.compile(
          "Failed to load resource: the server responded with a status of (401|404|406|422|503)");

  private final ChromeDriver driver;
  private final ChromeDriverService service;

  private ConsoleBrowser(ChromeDriver driver, ChromeDriverService service) {
    this.driver = driver;
    this.service = service;
  }

  /** Starts Chromium, or skips (fails under CI) when Debian's chromium packages are missing. */
  public static ConsoleBrowser start() {
    Skips.unless(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium (Debian packages chromium and chromium-driver: "
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + ")");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1366,768",
        "--lang=en-GB",
        "--disable-extensions",
        "--no-first-run");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new ConsoleBrowser(driver, service);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits up to {@code seconds} for the condition, then fails saying what it waited for. */
  public <T> T await(int seconds, String what, ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(seconds))
          .withMessage(what)
          .until(condition);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "waited "
              + seconds
              + " s for "
              + what
              + " at "
              + driver.getCurrentUrl()
              + "; the page shows:\n"
              + driver.findElement(By.tagName("body")).getText()
              + "\nbrowser console:\n"
              + String.join("\n", consoleMessages()),
          e);
    }
  }

  /** The element, once it is displayed. */
  public WebElement visible(String css) {
    return await(
        20,
        css + " to be visible",
        d ->
            d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
  }

  /** Waits for the text of the element at css to contain text. */
  public WebElement showing(String css, String text) {
    return await(
        20,
        css + " to show '" + text + "'",
        d ->
            d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  /** Saves the page as {@code target/console-screenshots/NAME.png} and returns the file. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a script in the page (reading state only: the console has no test hooks). */
  public Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  /**
   * Fails when the browser console holds an error since the last call: an uncaught exception, a
   * Content-Security-Policy violation, a request that failed for another reason than the expected
   * statuses.
   */
  public void assertNoConsoleErrors() {
    List<String> errors =
        consoleMessages().stream().filter(m -> !EXPECTED_HTTP_ERROR.matcher(m).find()).toList();
    assertThat(errors).as("errors in the browser console").isEmpty();
  }

  /** Warnings and errors the browser console received since the last call. */
  private List<String> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  public void clearCookies() {
    driver.manage().deleteAllCookies();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
