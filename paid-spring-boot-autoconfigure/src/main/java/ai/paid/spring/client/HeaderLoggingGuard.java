package ai.paid.spring.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Knows which loggers of an HTTP connector write request headers at DEBUG (Jetty's sender and generator,
 * HttpComponents' header and wire logs, the JDK client's {@code jdk.httpclient.HttpClient.log=headers}), so the
 * client can refuse to hand the key to a connector that would log it. Reactor Netty logs headers only with a wiretap,
 * which an application turns on in code, never by a log level.
 */
final class HeaderLoggingGuard {

	private static final Log logger = LogFactory.getLog(WebClientPaidClient.class);

	private static final String JDK_LOG_PROPERTY = "jdk.httpclient.HttpClient.log";

	private final List<String> loggerNames;

	private final List<Log> loggers;

	private final boolean jdk;

	private final AtomicBoolean warned = new AtomicBoolean();

	private HeaderLoggingGuard(List<String> loggerNames, boolean jdk) {
		this.loggerNames = loggerNames;
		this.loggers = loggerNames.stream().map(LogFactory::getLog).toList();
		this.jdk = jdk;
	}

	static HeaderLoggingGuard of(ClientHttpConnector connector) {
		// by name: a connector class may not be loadable without its HTTP library
		return switch (connector.getClass().getName()) {
			case "org.springframework.http.client.reactive.JettyClientHttpConnector" -> new HeaderLoggingGuard(
					List.of("org.eclipse.jetty.client.transport.HttpSender", "org.eclipse.jetty.http.HttpGenerator"),
					false);
			case "org.springframework.http.client.reactive.HttpComponentsClientHttpConnector" -> new HeaderLoggingGuard(
					List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire"), false);
			case "org.springframework.http.client.reactive.JdkClientHttpConnector" -> new HeaderLoggingGuard(List.of(),
					true);
			default -> new HeaderLoggingGuard(List.of(), false);
		};
	}

	/**
	 * The setting that would write the key to the log right now, or {@code null} when sending it is safe. Warns once
	 * each time the setting turns on.
	 */
	@Nullable String keyWouldBeLoggedBy() {
		String culprit = culprit();
		if (culprit == null) {
			this.warned.set(false);
			return null;
		}
		if (this.warned.compareAndSet(false, true)) {
			logger.warn(refusal(culprit));
		}
		return culprit;
	}

	private @Nullable String culprit() {
		for (int i = 0; i < this.loggers.size(); i++) {
			if (this.loggers.get(i).isDebugEnabled()) {
				return "logger " + this.loggerNames.get(i) + " at DEBUG";
			}
		}
		if (this.jdk) {
			String jdkLog = System.getProperty(JDK_LOG_PROPERTY, "");
			if (jdkLog.contains("headers") || jdkLog.contains("all")) {
				return "system property " + JDK_LOG_PROPERTY + "=" + jdkLog;
			}
		}
		return null;
	}

	static String refusal(String culprit) {
		return "Not calling Paid: " + culprit + " would write the Paid API key to the log with the request headers; "
				+ "raise the logger to INFO or remove the setting, and calls resume.";
	}

}
