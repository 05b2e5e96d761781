package ai.paid.demo.margin;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The prices the margin view uses, in USD: what the AI SDR product charges per signal, and what the LLM charges per
 * million tokens (gpt-4o-mini's list prices by default). Paid prices both itself; the demo computes them only to show
 * the margin on its page.
 *
 * @param emailSent Price of one email_sent signal.
 * @param meetingBooked Price of one meeting_booked signal.
 * @param inputPerMillion LLM price per million input tokens not read from a cache.
 * @param cachedInputPerMillion LLM price per million input tokens read from the prompt cache.
 * @param outputPerMillion LLM price per million output tokens.
 */
@ConfigurationProperties("demo.pricing")
public record DemoPricing(@DefaultValue("0.10") BigDecimal emailSent, @DefaultValue("5.00") BigDecimal meetingBooked,
		@DefaultValue("0.15") BigDecimal inputPerMillion, @DefaultValue("0.075") BigDecimal cachedInputPerMillion,
		@DefaultValue("0.60") BigDecimal outputPerMillion) {

}
