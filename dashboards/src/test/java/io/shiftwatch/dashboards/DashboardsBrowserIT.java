package io.shiftwatch.dashboards;

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
 * The UI in headless Debian Chromium (Selenium, /usr/bin/chromedriver) over a real analysed testbed run
 * ({@link RealRun}): sign in, each page shows the right content, acknowledging writes the audit log;
 * screenshots go to target/screenshots/.
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
    void theRunsListShowsTheRunWithItsOpenAlerts() throws Exception {
        // When
        browser.get(fx.base() + "/#/");
        // Then (the page re-renders when live events arrive, so elements are re-located until it settles)
        settled(() -> {
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.run[data-run='" + RealRun.RUN + "']")));
            assertTrue(row.getText().contains(RealRun.CHECKPOINTS + " (" + RealRun.CHECKPOINTS + ")"), row.getText());
            assertTrue(row.findElements(By.cssSelector(".sev")).size() > 0, row.getText());
        });
        shot("runs-list");
    }

    @Test
    @Order(2)
    void theRunPageFlagsThePlantedConceptAndChartsEveryCheckpoint() throws Exception {
        // When
        browser.get(fx.base() + "/#/run/" + RealRun.RUN);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));

        // Then
        settled(() -> {
            assertEquals(RealRun.CHECKPOINTS, browser.findElements(By.cssSelector("#timeline .cp.ANALYSED")).size());
            WebElement chart = browser.findElement(By.cssSelector("svg.chart[data-metric='tOverlap']"));
            assertEquals(RealRun.CHECKPOINTS, chart.findElements(By.cssSelector("g.tick")).size());
            String planted = fx.biasConcept.substring(fx.biasConcept.lastIndexOf('/') + 1);
            assertTrue(chart.findElements(By.cssSelector("path.flagged")).stream().anyMatch(e -> planted.equals(e.getDomAttribute("data-concept"))));
            assertTrue(browser.findElements(By.cssSelector("a.flagged-concept")).stream()
                    .anyMatch(e -> e.getDomAttribute("href").endsWith("/" + fx.biasConcept)), "planted concept listed as flagged");
        });
        shot("run-page");
    }

    @Test
    @Order(3)
    void acknowledgingFromTheAlertsFeedWritesTheAuditLog() throws Exception {
        // Given
        browser.get(fx.base() + "/#/run/" + RealRun.RUN);
        // When (filled and sent in one go, again if a live re-render replaced the form meanwhile)
        settled(() -> {
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("form.ack[data-finding='" + fx.biasFinding + "']")));
            form.findElement(By.name("who")).sendKeys("auditor-anna");
            form.findElement(By.name("why")).sendKeys("planted bias of the demo scenario");
            form.findElement(By.tagName("button")).click();
        });

        // Then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr.finding[data-finding='" + fx.biasFinding + "'] .acks"), "auditor-anna"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'ACKNOWLEDGED' AND actor = 'auditor-anna'"));
    }

    @Test
    @Order(4)
    void theConceptPageShowsTheBiasFindingAndTheRealProbeImages() throws Exception {
        // When
        browser.get(fx.base() + "/#/concept/" + fx.biasConceptPage());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("words")));

        // Then
        settled(() -> assertTrue(browser.findElement(By.id("app")).getText().contains("BIAS_ABSORBING")));
        wait.until(d -> !d.findElements(By.cssSelector(".imgs img")).isEmpty() && d.findElements(By.cssSelector(".imgs img")).stream()
                .allMatch(e -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth === 32", e))));
        shot("concept-page");
    }

    @Test
    @Order(5)
    void searchFindsConceptsGroundingAWord() throws Exception {
        // When
        browser.get(fx.base() + "/#/search?word=woman");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.hit")));

        // Then
        settled(() -> assertTrue(browser.findElements(By.cssSelector("tr.hit")).size() > 1));
        shot("search");
    }

    /** Runs {@code check} again (up to 10 times, 300 ms apart) while a live re-render leaves its elements stale. */
    private static void settled(Runnable check) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                check.run();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 10) throw e;
                Thread.sleep(300);
            }
        }
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
