package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The token counts of a usage {@link Cost}. Every count is optional.
 *
 * @param inputTokens input tokens not read from a cache (Anthropic's meaning; for OpenAI, prompt tokens minus cached
 * tokens)
 * @param outputTokens output tokens
 * @param cacheReadInputTokens input tokens read from the provider's prompt cache
 * @param cacheCreationInputTokens input tokens written to the provider's prompt cache
 * @param reasoningOutputTokens output tokens spent on reasoning
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenUsage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadInputTokens,
		@Nullable Long cacheCreationInputTokens, @Nullable Long reasoningOutputTokens) {

	/**
	 * Input and output tokens only.
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the usage
	 */
	public static TokenUsage of(long inputTokens, long outputTokens) {
		return new TokenUsage(inputTokens, outputTokens, null, null, null);
	}

}
