package ai.paid.demo;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo page in a real (headless) browser: the app runs as the README starts it (H2, the embedded mock Paid), and
 * what a person does on the page reaches Paid.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoPageBrowserTests {

	private static HeadlessChromium chromium;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		String missing = HeadlessChromium.missing();
		if (missing != null) {
			fail(missing);
		}
		chromium = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void accountCreatedOnThePageBecomesSyncedWithItsPaidId() {
		WebDriver browser = chromium.driver();
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"), "Acme Ltd"));

		browser.findElement(By.id("new-account-name")).sendKeys("Globex Corporation");
		browser.findElement(By.id("new-account-email")).sendKeys("billing@globex.example");
		browser.findElement(By.id("create-account")).click();

		By globexSync = By.xpath("//tbody[@id='accounts']/tr[@data-name='Globex Corporation']//span[contains(@class,'sync ')]");
		wait.until(ExpectedConditions.textToBe(globexSync, "synced"));
		WebElement row = browser.findElement(By.xpath("//tbody[@id='accounts']/tr[@data-name='Globex Corporation']"));
		assertThat(row.findElement(By.cssSelector(".sync-cell .id")).getText()).isNotBlank();
	}

}
