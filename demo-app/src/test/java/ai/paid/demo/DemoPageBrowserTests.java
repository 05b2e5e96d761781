package ai.paid.demo;

import java.time.Duration;

import ai.paid.demo.crm.CrmService;
import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.signal.SignalOutboxWriter;
import ai.paid.spring.test.MockPaidServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

	@Autowired
	private MockPaidServer paid;

	@Autowired
	private CrmService crm;

	@Autowired
	private OutboxQueries outbox;

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
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts tr[data-id]")));

		browser.findElement(By.id("new-account-name")).sendKeys("Globex Corporation");
		browser.findElement(By.id("new-account-email")).sendKeys("billing@globex.example");
		browser.findElement(By.id("create-account")).click();

		By globexSync = By.xpath("//tbody[@id='accounts']/tr[@data-name='Globex Corporation']//span[contains(@class,'sync ')]");
		wait.until(ExpectedConditions.textToBe(globexSync, "synced"));
		WebElement row = browser.findElement(By.xpath("//tbody[@id='accounts']/tr[@data-name='Globex Corporation']"));
		String paidId = row.findElement(By.cssSelector(".sync-cell .id")).getText();
		assertThat(paidId).startsWith("cus_");
		assertThat(this.paid.customer(paidId)).hasValueSatisfying(
				(customer) -> assertThat(customer).containsEntry("name", "Globex Corporation"));
	}

	@Test
	void thePageShowsTheProductDeclaredInApplicationYmlWithItsThreePrices() {
		WebDriver browser = chromium.driver();
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		By prices = By.cssSelector("#products .product[data-id='ai-sdr-pro'] tr.price");
		wait.until(ExpectedConditions.numberOfElementsToBe(prices, 3));
		assertThat(browser.findElements(prices)).extracting(WebElement::getText)
			.containsExactly("Platform fee $500 per month recurring", "Usage pricing $0.10 per email_sent activity",
					"Outcome pricing $50 per meeting_booked outcome");
		assertThat(browser.findElement(By.cssSelector("#products .product h3")).getText()).startsWith("AI SDR")
			.contains("prod_");
	}

	@Test
	void renamingAnAccountOnThePageRenamesThePaidCustomer() {
		WebDriver browser = chromium.driver();
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		String id = this.crm.createAccount("Initech", null, null, null, "USD").getId();
		By row = By.xpath("//tbody[@id='accounts']/tr[@data-id='" + id + "']");
		wait.until(ExpectedConditions.textToBe(By.xpath("//tbody[@id='accounts']/tr[@data-id='" + id
				+ "']//span[contains(@class,'sync ')]"), "synced"));

		wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(row).findElement(By.cssSelector("button[data-action='rename']")).click();
			return true;
		});
		WebElement field = browser.findElement(By.cssSelector("#accounts input.rename"));
		field.clear();
		field.sendKeys("Initrode");
		browser.findElement(By.cssSelector("#accounts button[data-action='save']")).click();

		wait.until(ExpectedConditions.attributeToBe(row, "data-name", "Initrode"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.paid.customerByExternalId(id))
				.hasValueSatisfying((customer) -> assertThat(customer).containsEntry("name", "Initrode")));
	}

	@Test
	void bookingAMeetingOnThePageSendsAMeetingBookedSignal() {
		WebDriver browser = chromium.driver();
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts"), "John Doe"));
		// the seed's own signals wait for their customer to reach Paid: count from after they arrived
		await().atMost(Duration.ofSeconds(30)).until(() -> this.outbox.pendingChanges(0, 1000)
			.stream()
			.noneMatch((change) -> SignalOutboxWriter.ENTITY_TYPE.equals(change.entityType())));
		long before = meetingsBooked();

		By bookMeeting = By
			.xpath("//tbody[@id='contacts']/tr[contains(., 'John Doe')]//button[@data-action='meeting']");
		// a click lands on the element found; if the table was re-rendered in between, find the new one
		wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(bookMeeting).click();
			return true;
		});

		await().atMost(Duration.ofSeconds(30)).until(() -> meetingsBooked() == before + 1);
	}

	@Test
	void creditsDepletedButtonPausesTheAgentShownOnThePageUntilResumed() {
		WebDriver browser = chromium.driver();
		String id = this.crm.createAccount("Vandelay Industries", null, null, null, "USD").getId();
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		By option = By.cssSelector("#billing-account option[value='" + id + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(option));
		wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(option).click();
			return true;
		});
		browser.findElement(By.id("deplete-credits")).click();

		By paused = By.xpath("//tbody[@id='paused-agents']/tr[@data-id='" + id + "']");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(paused, "Credits depleted"));
		assertThat(browser.findElement(paused).getText()).contains("Vandelay Industries")
			.contains("billing-credits-depleted:");
		wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(paused).findElement(By.cssSelector("button[data-action='resume']")).click();
			return true;
		});
		wait.until(ExpectedConditions.invisibilityOfElementLocated(paused));
	}

	private long meetingsBooked() {
		return this.paid.signals().stream().filter((signal) -> "meeting_booked".equals(signal.get("eventName"))).count();
	}

}
