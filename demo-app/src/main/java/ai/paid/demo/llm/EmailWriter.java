package ai.paid.demo.llm;

import ai.paid.demo.crm.Contact;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.stereotype.Component;

/**
 * Writes the agent's outreach emails with a Spring AI {@link ChatModel}. Nothing here knows about Paid: the starter
 * captures each call's token usage from Spring AI's observations and bills it to the current {@code PaidContext}.
 */
@Component
public class EmailWriter {

	private final ChatModel chat;

	EmailWriter(ChatModel chat) {
		this.chat = chat;
	}

	/**
	 * Writes the body of an email to the contact.
	 * @param contact who the email is for
	 * @param subject its subject
	 * @return the body
	 */
	public String write(Contact contact, String subject) {
		return this.chat.call("You are an SDR. Write a three-sentence outreach email to " + contact.getFullName()
				+ (contact.getTitle() != null ? ", " + contact.getTitle() : "") + " at "
				+ contact.getAccount().getName() + " with the subject '" + subject + "'. Plain text, no greeting line.");
	}

}
