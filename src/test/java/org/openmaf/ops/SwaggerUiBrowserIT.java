package org.openmaf.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafTestEnvironment;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI UI works for a person: in headless Chromium, without a client certificate, an operator lists the
 * stakeholders (refused), authorizes with a maf-admin token, and lists them again (200). Chromium and chromedriver are
 * Debian's, installed by deploy/install-test-tools.sh, which the build runs before the integration tests.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class SwaggerUiBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "swagger-ui-admin.png");

    @Test
    void anOperatorAuthorizesWithATokenAndListsTheStakeholders() throws Exception {
        assertThat(CHROMIUM).as("Chromium; install it with deploy/install-test-tools.sh").exists();
        assertThat(CHROMEDRIVER).as("chromedriver; install it with deploy/install-test-tools.sh").exists();
        Path profile = Files.createTempDirectory("maf-chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, headlessChromium(profile));
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(MafClients.baseUri() + "/q/swagger-ui");

            WebElement listing = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".opblock-get .opblock-summary-path[data-path='/admin/stakeholders']")));
            listing.click();
            WebElement operation = listing.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' opblock ')]"));
            wait.until(d -> operation.findElement(By.cssSelector(".try-out__btn"))).click();
            assertThat(execute(operation, wait)).as("without a token").startsWith("401");

            browser.findElement(By.cssSelector(".scheme-container .auth-wrapper .authorize")).click();
            WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux input[type=text]")));
            token.sendKeys(AdminTokens.admin());
            browser.findElement(By.cssSelector(".modal-ux .auth-btn-wrapper .authorize")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-ux .btn-done"))).click();

            assertThat(execute(operation, wait)).as("with a maf-admin token").startsWith("200");
            wait.until(d -> operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText()
                    .contains(MafTestEnvironment.ADMIN_FQDN));

            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true)", operation);
            Files.createDirectories(SCREENSHOT.getParent());
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(SCREENSHOT)).isPositive();
        } finally {
            browser.quit();
            service.stop();
            deleteRecursively(profile);
        }
    }

    /** Clicks Execute and returns the status cell of the live response once it shows the new answer. */
    private static String execute(WebElement operation, WebDriverWait wait) {
        operation.findElements(By.cssSelector(".btn-clear")).forEach(WebElement::click);
        wait.until(d -> operation.findElements(By.cssSelector(".live-responses-table")).isEmpty());
        operation.findElement(By.cssSelector(".execute")).click();
        return wait.until(d -> {
            var cells = operation.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"));
            return cells.isEmpty() || cells.get(0).getText().isBlank() ? null : cells.get(0).getText().strip();
        });
    }

    private static ChromeOptions headlessChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--ignore-certificate-errors", "--user-data-dir=" + profile, "--window-size=1400,2000");
        options.setAcceptInsecureCerts(true);
        return options;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
