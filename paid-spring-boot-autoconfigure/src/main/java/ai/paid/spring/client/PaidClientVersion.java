package ai.paid.spring.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The starter's version for the {@code User-Agent}: from a resource written by the build, else the jar manifest's
 * {@code Implementation-Version}, else {@code dev}.
 */
final class PaidClientVersion {

	static final String PRODUCT = "paid-spring-boot-starter";

	private static final String VERSION = resolve();

	private PaidClientVersion() {
	}

	static String version() {
		return VERSION;
	}

	static String userAgent() {
		return PRODUCT + "/" + VERSION;
	}

	private static String resolve() {
		try (InputStream in = PaidClientVersion.class.getResourceAsStream("paid-client.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				String version = properties.getProperty("version");
				if (version != null && !version.isBlank() && !version.startsWith("@")) {
					return version.trim();
				}
			}
		}
		catch (IOException ex) {
			// fall through
		}
		String version = PaidClientVersion.class.getPackage().getImplementationVersion();
		return (version != null && !version.isBlank()) ? version : "dev";
	}

}
