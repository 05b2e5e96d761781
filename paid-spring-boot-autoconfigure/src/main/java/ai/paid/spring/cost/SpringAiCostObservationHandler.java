package ai.paid.spring.cost;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.model.observation.ModelObservationContext;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.signal.PaidAttribution;
import ai.paid.spring.signal.PaidContext;

/**
 * Turns Spring AI's own chat and embedding observations into usage costs: every {@code ChatModel} or
 * {@code EmbeddingModel} call that Spring AI observes (its {@code gen_ai.*} conventions: provider, request and
 * response model, token usage) becomes one usage cost for the customer and product of the {@link PaidContext} the
 * call was made in.
 * <p>
 * The context is taken when the observation starts, on the calling (or, for a stream, the subscribing) thread, and
 * the cost is recorded when it stops, with the usage of the response: for a stream, Spring AI's aggregate of the
 * chunks, whose usage comes from the final chunk. A call made outside any {@code PaidContext} is billed to nobody: it
 * is counted ({@code paid.costs.unattributed}) and, when asked, logged. A failed call has no response and records
 * nothing. Nothing here ever fails the model call: a problem is logged and the call goes on.
 * <p>
 * Token mapping: {@code inputTokens} are the prompt tokens not read from a cache (for OpenAI-style providers, whose
 * prompt tokens include cached ones, prompt minus cache-read tokens; Anthropic reports them apart already),
 * {@code outputTokens} the completion tokens, {@code cacheReadInputTokens} and {@code cacheCreationInputTokens} as
 * Spring AI reports them.
 */
public final class SpringAiCostObservationHandler implements ObservationHandler<ModelObservationContext<?, ?>> {

	private static final Log logger = LogFactory.getLog(SpringAiCostObservationHandler.class);

	private static final Class<PaidAttribution> ATTRIBUTION = PaidAttribution.class;

	private final Supplier<PaidCosts> costs;

	private final Supplier<CostObserver> observer;

	private final boolean logUnattributed;

	/**
	 * Creates the handler.
	 * @param costs where the costs go
	 * @param observer notified of calls outside any {@code PaidContext}
	 * @param logUnattributed whether to log each call made outside any {@code PaidContext}
	 */
	public SpringAiCostObservationHandler(PaidCosts costs, CostObserver observer, boolean logUnattributed) {
		this(() -> costs, () -> observer, logUnattributed);
	}

	/**
	 * Creates the handler with its collaborators looked up on first use; the auto-configuration does this, since the
	 * observation registry that holds the handler is itself a dependency of the Paid client (through WebClient's
	 * observations).
	 * @param costs supplies where the costs go; called once per call, should cache
	 * @param observer supplies what is notified of calls outside any {@code PaidContext}; should cache
	 * @param logUnattributed whether to log each call made outside any {@code PaidContext}
	 */
	public SpringAiCostObservationHandler(Supplier<PaidCosts> costs, Supplier<CostObserver> observer,
			boolean logUnattributed) {
		this.costs = costs;
		this.observer = observer;
		this.logUnattributed = logUnattributed;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext || context instanceof EmbeddingModelObservationContext;
	}

	@Override
	public void onStart(ModelObservationContext<?, ?> context) {
		PaidAttribution attribution = PaidContext.current();
		if (attribution != null) {
			context.put(ATTRIBUTION, attribution);
		}
	}

	@Override
	public void onStop(ModelObservationContext<?, ?> context) {
		try {
			record(context);
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the cost of a " + context.getOperationMetadata().operationType()
					+ " call to " + context.getOperationMetadata().provider() + "; the call itself is unaffected", ex);
		}
	}

	private void record(ModelObservationContext<?, ?> context) {
		Measured measured = measure(context);
		if (measured == null) {
			return;
		}
		PaidAttribution attribution = context.get(ATTRIBUTION);
		SignalCustomer customer = (attribution != null) ? attribution.customer() : null;
		String vendor = context.getOperationMetadata().provider();
		if (attribution == null || customer == null) {
			this.observer.get().unattributed(vendor, measured.model());
			if (this.logUnattributed) {
				logger.info("A " + context.getOperationMetadata().operationType() + " call to " + vendor + " ("
						+ measured.model() + ", " + measured.usage() + ") was made outside any PaidContext; its cost "
						+ "is not billed to any customer");
			}
			return;
		}
		Map<String, Object> metadata = CostBuilder.withScope(null, attribution, customer);
		this.costs.get().record(Cost.usage(customer, attribution.product(), Instant.now(), metadata, vendor,
				measured.model(), measured.usage()));
	}

	private static @Nullable Measured measure(ModelObservationContext<?, ?> context) {
		String provider = context.getOperationMetadata().provider();
		if (context instanceof ChatModelObservationContext chat) {
			ChatResponse response = chat.getResponse();
			if (response == null) {
				return null;
			}
			ChatOptions options = chat.getRequest().getOptions();
			String model = firstText(response.getMetadata().getModel(), (options != null) ? options.getModel() : null);
			return measured(provider, model, response.getMetadata().getUsage());
		}
		if (context instanceof EmbeddingModelObservationContext embedding) {
			EmbeddingResponse response = embedding.getResponse();
			if (response == null) {
				return null;
			}
			EmbeddingOptions options = embedding.getRequest().getOptions();
			String model = firstText(response.getMetadata().getModel(),
					(options != null) ? options.getModel() : null);
			return measured(provider, model, response.getMetadata().getUsage());
		}
		return null;
	}

	private static @Nullable Measured measured(String provider, @Nullable String model, @Nullable Usage usage) {
		if (usage == null || model == null) {
			return null;
		}
		long prompt = value(usage.getPromptTokens());
		long completion = value(usage.getCompletionTokens());
		Long cacheRead = usage.getCacheReadInputTokens();
		Long cacheWrite = usage.getCacheWriteInputTokens();
		if (prompt == 0 && completion == 0 && cacheRead == null && cacheWrite == null) {
			return null;
		}
		long input = cachedIncludedInPrompt(provider) && cacheRead != null ? Math.max(0, prompt - cacheRead) : prompt;
		return new Measured(model, new TokenUsage(input, completion, cacheRead, cacheWrite, null));
	}

	private static boolean cachedIncludedInPrompt(String provider) {
		return !provider.toLowerCase(Locale.ROOT).contains("anthropic");
	}

	private static long value(@Nullable Integer tokens) {
		return (tokens != null) ? tokens : 0;
	}

	private static @Nullable String firstText(@Nullable String first, @Nullable String second) {
		if (first != null && !first.isBlank()) {
			return first;
		}
		return (second != null && !second.isBlank()) ? second : null;
	}

	private record Measured(String model, TokenUsage usage) {
	}

}
