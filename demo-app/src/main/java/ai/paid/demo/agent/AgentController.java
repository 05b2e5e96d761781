package ai.paid.demo.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API for the agent's activity: send an email, book a meeting.
 */
@RestController
@RequestMapping("/api/contacts/{contactId}")
class AgentController {

	private final SdrAgent agent;

	AgentController(SdrAgent agent) {
		this.agent = agent;
	}

	@PostMapping("/emails")
	@ResponseStatus(HttpStatus.CREATED)
	ActivityView sendEmail(@PathVariable String contactId, @RequestBody(required = false) EmailRequest request) {
		String subject = (request != null && request.subject() != null) ? request.subject() : "Following up";
		AgentActivity sent = this.agent.sendEmail(contactId, subject);
		return new ActivityView(sent.getSignal(), sent.getAccountId(), sent.getContactId(), sent.getDetail());
	}

	@PostMapping("/meetings")
	@ResponseStatus(HttpStatus.CREATED)
	Meeting bookMeeting(@PathVariable String contactId, @RequestBody(required = false) MeetingRequest request) {
		Instant startsAt = (request != null && request.startsAt() != null) ? request.startsAt()
				: Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		return this.agent.bookMeeting(contactId, startsAt);
	}

	record EmailRequest(@Nullable String subject) {
	}

	record MeetingRequest(@Nullable Instant startsAt) {
	}

	record ActivityView(String signal, String accountId, String contactId, String detail) {
	}

}
