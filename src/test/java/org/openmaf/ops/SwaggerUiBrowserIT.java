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
import org.openqa.selenium.StaleElementReferenceException;
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
 * stakeholders (refused), authorizes with a maf-admin token, and lists them again (200); an integrator opening a MAF
 * operation sees what it answers, its body and its errors with their RSCs. Chromium and chromedriver are Debian's,
 * installed by deploy/install-test-tools.sh, which the build runs before the integration tests.
 */
@QuarkusTest
@WithTestResource(value = MafTestEnvironment.class, scope = TestResourceScope.GLOBAL)
class SwaggerUiBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "swagger-ui-admin.png");
    static final Path MAF_OPERATION_SCREENSHOT = Path.of("target", "swagger-ui-symmKeyReg.png");

    @Test
    void aMafOperationShowsItsCreatedBodyAndItsErrorsWithTheirRscs() throws Exception {
        assertThat(CHROMIUM).as("Chromium; install it with deploy/install-test-tools.sh").exists();
        assertThat(CHROMEDRIVER).as("chromedriver; install it with deploy/install-test-tools.sh").exists();
        Path profile = Files.createTempDirectory("maf-chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, headlessChromium(profile, "1280,4000"));
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(MafClients.baseUri() + "/q/swagger-ui");

            // Only the MAF key registration tag open, so that the operation is what the screenshot shows.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-tag")));
            for (WebElement tag : browser.findElements(By.cssSelector(".opblock-tag-section.is-open .opblock-tag"))) {
                if (!"MAF key registration".equals(tag.getDomAttribute("data-tag"))) {
                    tag.click();
                }
            }
            WebElement summary = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".opblock-post .opblock-summary-path[data-path='/maf/symmKeyRegs']")));
            summary.click();
            WebElement operation = summary.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' opblock ')]"));
            WebElement created = wait.until(d -> operation.findElement(By.cssSelector(".responses-table tr.response[data-code='201']")));

            // The 201 answer: its description with the RSC, the Content-Location header, and the body's schema.
            assertThat(created.findElement(By.cssSelector(".response-col_description")).getText())
                    .contains("X-M2M-RSC 2001 CREATED", "Content-Location", "X-M2M-RSC", "X-M2M-RI");
            created.findElement(By.cssSelector("button.tablinks[data-name='model']")).click();
            WebElement model = wait.until(d -> created.findElement(By.cssSelector(".model-box")));
            assertThat(model.getText()).contains("SymmKeyRegResponse");
            // Expand the schema down to the attributes (Swagger UI's JSON Schema 2020-12 view: "Expand all").
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                created.findElements(By.cssSelector("button.json-schema-2020-12-expand-deep-button")).stream()
                        .filter(button -> button.getText().contains("Expand")).forEach(WebElement::click);
                return created.getText().contains("relativeKeyID");
            });
            assertThat(created.getText()).contains("m2m:symmKeyReg", "SymmKeyReg", "relativeKeyID", "keyIdentifier", "targetIDs");

            // The errors, each with its RSC and the m2m:dbg body.
            for (String[] error : new String[][] { { "400", "4000" }, { "403", "4103" }, { "403", "4106" }, { "409", "4105" },
                    { "415", "4015" }, { "500", "5000" } }) {
                WebElement row = operation.findElement(By.cssSelector(".responses-table tr.response[data-code='" + error[0] + "']"));
                assertThat(row.getText()).as("answer " + error[0]).contains("X-M2M-RSC " + error[1], "m2m:dbg");
            }
            // mutual TLS, not a token, is how a MAF client gets in.
            assertThat(operation.findElements(By.cssSelector(".authorization__btn"))).as("a lock: the operation is secured").isNotEmpty();

            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true)", operation);
            Files.createDirectories(MAF_OPERATION_SCREENSHOT.getParent());
            Files.write(MAF_OPERATION_SCREENSHOT, operation.getScreenshotAs(OutputType.BYTES));
            assertThat(Files.size(MAF_OPERATION_SCREENSHOT)).isPositive();
        } catch (RuntimeException | AssertionError failure) {
            // What the browser showed when it went wrong, for whoever reads the failure.
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "swagger-ui-symmKeyReg-failure.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw failure;
        } finally {
            browser.quit();
            service.stop();
            deleteRecursively(profile);
        }
    }

    @Test
    void anOperatorAuthorizesWithATokenAndListsTheStakeholders() throws Exception {
        assertThat(CHROMIUM).as("Chromium; install it with deploy/install-test-tools.sh").exists();
        assertThat(CHROMEDRIVER).as("chromedriver; install it with deploy/install-test-tools.sh").exists();
        Path profile = Files.createTempDirectory("maf-chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, headlessChromium(profile, "1400,2000"));
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

    private static ChromeOptions headlessChromium(Path profile, String windowSize) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--ignore-certificate-errors", "--user-data-dir=" + profile, "--window-size=" + windowSize);
        options.setAcceptInsecureCerts(true);
        return options;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
