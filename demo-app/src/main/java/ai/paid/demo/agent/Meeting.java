package ai.paid.demo.agent;

import java.time.Instant;

/**
 * A meeting the agent booked with a contact.
 *
 * @param accountId the account (the Paid customer the {@code meeting_booked} signal is billed to)
 * @param contactId who the meeting is with
 * @param startsAt when it starts
 */
public record Meeting(String accountId, String contactId, Instant startsAt) {

}
