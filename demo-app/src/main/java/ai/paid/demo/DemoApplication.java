package ai.paid.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An AI SDR product billed through Paid: accounts, contacts and subscriptions mirrored into Paid by the starter, and
 * the agent's emails and meetings sent as signals. Without {@code PAID_API_KEY} it runs against an in-process mock
 * Paid server.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
