package io.shiftwatch.dashboards;

import io.shiftwatch.dashboards.internal.SyntheticRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UI in headless Debian Chromium (Selenium, /usr/bin/chromedriver): sign in, each page shows the right
 * content, acknowledging writes the audit log; screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardsBrowserIT {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static DashboardFixture fx;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "SKIPPED LOUDLY: /usr/bin/chromedriver missing — apt-get install chromium chromium-driver (scripts/infra/apt.sh does)");
        fx = new DashboardFixture();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SHOTS);
        browser.get(fx.base() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token"))).sendKeys(DashboardFixture.ACK_TOKEN);
        browser.findElement(By.cssSelector("#signin button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (fx != null) fx.close();
    }

    @Test
    @Order(1)
    void theRunsListShowsTheRunWithItsCriticalAlert() throws Exception {
        // When
        browser.get(fx.base() + "/#/");
        boolean shown = wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr.run[data-run='bias-run']"), "1 CRITICAL"));

        // Then
        assertTrue(shown);
        shot("runs-list");
    }

    @Test
    @Order(2)
    void theRunPageFlagsThePlantedConceptAndChartsEveryCheckpoint() throws Exception {
        // When
        browser.get(fx.base() + "/#/run/bias-run");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));

        // Then
        assertEquals(DashboardFixture.CHECKPOINTS, browser.findElements(By.cssSelector("#timeline .cp.ANALYSED")).size());
        WebElement chart = browser.findElement(By.cssSelector("svg.chart[data-metric='tOverlap']"));
        assertEquals(DashboardFixture.CHECKPOINTS, chart.findElements(By.cssSelector("g.tick")).size());
        // the planted concept (CRITICAL) and the specialising one (WARNING) are drawn flagged, nothing else
        assertEquals(java.util.Set.of(Integer.toString(SyntheticRun.PLANTED), "1"), chart.findElements(By.cssSelector("path.flagged"))
                .stream().map(e -> e.getDomAttribute("data-concept")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(browser.findElement(By.cssSelector("a.flagged-concept")).getText().contains("CRITICAL"));
        shot("run-page");
    }

    @Test
    @Order(3)
    void acknowledgingFromTheAlertsFeedWritesTheAuditLog() throws Exception {
        // Given
        browser.get(fx.base() + "/#/run/bias-run");
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form.ack[data-finding='" + fx.run.plantedFindingId() + "']")));
        form.findElement(By.name("who")).sendKeys("auditor-anna");
        form.findElement(By.name("why")).sendKeys("known bias, retraining scheduled");

        // When
        form.findElement(By.tagName("button")).click();

        // Then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr.finding[data-finding='" + fx.run.plantedFindingId() + "'] .acks"), "auditor-anna"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'ACKNOWLEDGED' AND actor = 'auditor-anna'"));
        shot("run-page-acknowledged");
    }

    @Test
    @Order(4)
    void theConceptPageShowsAddedWordsAndTheBoundVerdict() throws Exception {
        // When
        browser.get(fx.base() + "/#/concept/bias-run/person/3/0/" + fx.run.step(DashboardFixture.CHECKPOINTS - 2));
        WebElement words = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("words")));

        // Then
        assertTrue(words.findElements(By.cssSelector(".added")).stream().anyMatch(e -> e.getText().equals("woman")));
        assertTrue(browser.findElement(By.id("bounds")).getText().contains("outside"));
        shot("concept-page");
    }

    @Test
    @Order(5)
    void searchFindsConceptsGroundingAWord() throws Exception {
        // When
        browser.get(fx.base() + "/#/search?word=woman");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.hit")));

        // Then
        assertTrue(browser.findElements(By.cssSelector("tr.hit")).size() > 1);
        shot("search");
    }

    private static void shot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = fx.db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
