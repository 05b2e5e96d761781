package ai.paid.demo.paid;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Makes the in-process mock Paid fail for a while (503 to every request), so the page shows changes piling up as
 * pending, the outbox retrying, and everything arriving once it recovers. Refused against real Paid.
 */
@RestController
@RequestMapping("/api/paid")
class OutageController {

	private static final Duration LONGEST = Duration.ofMinutes(5);

	private final ObjectProvider<EmbeddedPaid> embedded;

	OutageController(ObjectProvider<EmbeddedPaid> embedded) {
		this.embedded = embedded;
	}

	@PostMapping("/outage")
	Outage startOutage(@RequestParam(defaultValue = "30") int seconds) {
		EmbeddedPaid mock = this.embedded.getIfAvailable();
		if (mock == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"The demo talks to real Paid (PAID_API_KEY is set); outages can only be simulated on the embedded mock");
		}
		Duration duration = Duration.ofSeconds(seconds);
		if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "seconds must be between 1 and 300");
		}
		return new Outage(503, mock.failFor(duration, 503));
	}

	record Outage(int status, Instant until) {
	}

}
