package ai.paid.demo;

import ai.paid.demo.paid.PaidTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who just ran the demo where to look, once it is ready.
 */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(ReadyBanner.class);

	private final PaidTarget target;

	ReadyBanner(PaidTarget target) {
		this.target = target;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		int port = web.getWebServer().getPort();
		String paid = this.target.embedded() ? "the embedded mock Paid server at " + this.target.baseUrl()
				: "Paid at " + this.target.baseUrl();
		logger.info(String.format("%n%n  AI SDR demo is running: open http://localhost:%d/%n  talking to %s%n"
				+ "  health: http://localhost:%d/actuator/health   metrics: http://localhost:%d/actuator/metrics%n",
				port, paid, port, port));
	}

}
