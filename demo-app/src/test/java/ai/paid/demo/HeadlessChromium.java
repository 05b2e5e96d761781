package ai.paid.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven by Selenium, with nothing downloaded: the browser and driver come from the
 * {@code chromium} and {@code chromium-driver} packages, Selenium Manager and its statistics are kept out, and every
 * session gets a fresh profile directory.
 */
final class HeadlessChromium implements AutoCloseable {

	static final File BROWSER = new File("/usr/bin/chromium");

	static final File DRIVER = new File("/usr/bin/chromedriver");

	private static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

	private final Path profile;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
		this.profile = profile;
		this.service = service;
		this.driver = driver;
	}

	/**
	 * Why this machine cannot run the browser tests, or {@code null} when it can.
	 */
	static @Nullable String missing() {
		return missing(BROWSER, DRIVER);
	}

	static @Nullable String missing(File browser, File driver) {
		if (!browser.canExecute() || !driver.canExecute()) {
			return "The browser tests need Debian's Chromium and its driver at " + browser + " and " + driver
					+ ", and at least one is missing. Install them with: " + INSTALL
					+ " (.ci/run does this before running the tests).";
		}
		return null;
	}

	static HeadlessChromium start() {
		System.setProperty("SE_AVOID_STATS", "true");
		System.setProperty("webdriver.chrome.driver", DRIVER.getPath());
		Path profile;
		try {
			profile = Files.createTempDirectory("demo-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new HeadlessChromium(profile, service, driver);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			try {
				FileSystemUtils.deleteRecursively(this.profile);
			}
			catch (IOException ex) {
				// a leftover temp profile is harmless
			}
		}
	}

}
