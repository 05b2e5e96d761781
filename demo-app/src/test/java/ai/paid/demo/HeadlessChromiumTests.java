package ai.paid.demo;

import java.io.File;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A machine without Chromium gets told how to install it, instead of a skipped browser test.
 */
class HeadlessChromiumTests {

	@Test
	void missingBrowserOrDriverIsExplainedWithTheInstallCommand() {
		File absent = new File("/nonexistent/chromium");
		assertThat(HeadlessChromium.missing(absent, HeadlessChromium.DRIVER)).contains("/nonexistent/chromium")
			.contains("apt-get update && apt-get install -y chromium chromium-driver");
		assertThat(HeadlessChromium.missing(HeadlessChromium.BROWSER, new File("/nonexistent/chromedriver")))
			.contains("/nonexistent/chromedriver");
	}

	@Test
	void debiansChromiumAndDriverAreFoundWhereTheBrowserTestLooks() {
		assertThat(HeadlessChromium.missing()).isNull();
	}

}
