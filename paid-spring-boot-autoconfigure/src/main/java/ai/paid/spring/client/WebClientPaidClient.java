package ai.paid.spring.client;

// Why this class is long: about 600 lines, in two parts that are each under 350. One short method per Paid route of
// PaidClient (customers, contacts, orders, signals, products, users, credits, costs, webhooks) around one exchange();
// and the public nested Builder, which stays nested because applications already write WebClientPaidClient.builder()
// and WebClientPaidClient.Builder. The machinery both use lives in its own classes: PaidErrorParser, PaidRetryPolicy,
// BearerTokenConnector, ConnectorProxy, HeaderLoggingGuard.

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link PaidClient} on Spring's {@link WebClient} and Jackson 3.
 * <p>
 * Sends {@code Authorization: Bearer <key>} (set on the HTTP connector's own request, below Spring's request logging,
 * so the key never reaches a log line), {@code Accept: application/json} and a {@code User-Agent} naming this starter
 * and its version. Create routes carry a trailing slash ({@code /customers/}), item routes none.
 * <p>
 * The connector is the one Spring Boot picks for the application's reactive HTTP clients
 * ({@link ClientHttpConnectorBuilder#detect()}: Reactor Netty when present, else Jetty, else Apache HttpComponents,
 * else the JDK's {@code HttpClient}), so an application without Netty never needs it.
 * <p>
 * Failures become {@link PaidApiException}s. Idempotent calls (GET, PUT, DELETE, and the signals bulk POST, whose
 * signals carry idempotency keys) are retried per the {@link PaidRetryPolicy} with Reactor's {@code retryWhen}, which
 * waits on a timer inside the reactive pipeline instead of blocking a thread (Spring's {@code RetryTemplate} blocks
 * between attempts). POSTs that create customers, contacts or orders are never retried: Paid offers no idempotency
 * key for them, and a timed-out create may have succeeded.
 */
public final class WebClientPaidClient implements PaidClient {

	/** Paid's v2 API. */
	public static final String DEFAULT_BASE_URL = "https://api.agentpaid.io/api/v2";

	private final WebClient webClient;

	private final String baseUrl;

	private final PaidRetryPolicy retryPolicy;

	private final PaidErrorParser errors;

	private WebClientPaidClient(WebClient webClient, String baseUrl, PaidRetryPolicy retryPolicy,
			PaidErrorParser errors) {
		this.webClient = webClient;
		this.baseUrl = baseUrl;
		this.retryPolicy = retryPolicy;
		this.errors = errors;
	}

	/**
	 * A builder starting from a new {@link WebClient.Builder}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder(WebClient.builder());
	}

	/**
	 * A builder starting from a clone of the given {@link WebClient.Builder} (e.g. Boot's, so its HTTP client
	 * observations apply).
	 * @param webClientBuilder the builder to clone
	 * @return the builder
	 */
	public static Builder builder(WebClient.Builder webClientBuilder) {
		return new Builder(webClientBuilder.clone());
	}

	/**
	 * The retry policy of this client.
	 * @return the policy
	 */
	public PaidRetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	@Override
	public PaidClient withoutRetries() {
		return this.retryPolicy.retries()
				? new WebClientPaidClient(this.webClient, this.baseUrl, PaidRetryPolicy.none(), this.errors) : this;
	}

	@Override
	public Mono<Customer> createCustomer(CreateCustomerRequest request) {
		return exchange(HttpMethod.POST, "/customers/", request, Customer.class, false);
	}

	@Override
	public Mono<Customer> getCustomer(String id) {
		return exchange(HttpMethod.GET, "/customers/{id}", null, Customer.class, true, id);
	}

	@Override
	public Mono<Customer> getCustomerByExternalId(String externalId) {
		return exchange(HttpMethod.GET, "/customers/external/{externalId}", null, Customer.class, true, externalId);
	}

	@Override
	public Mono<Customer> updateCustomer(String id, UpdateCustomerRequest request) {
		return exchange(HttpMethod.PUT, "/customers/{id}", request, Customer.class, true, id);
	}

	@Override
	public Mono<Customer> updateCustomerByExternalId(String externalId, UpdateCustomerRequest request) {
		return exchange(HttpMethod.PUT, "/customers/external/{externalId}", request, Customer.class, true, externalId);
	}

	@Override
	public Mono<Void> deleteCustomer(String id) {
		return exchange(HttpMethod.DELETE, "/customers/{id}", null, Void.class, true, id);
	}

	@Override
	public Mono<Void> deleteCustomerByExternalId(String externalId) {
		return exchange(HttpMethod.DELETE, "/customers/external/{externalId}", null, Void.class, true, externalId);
	}

	@Override
	public Mono<CustomerState> getCustomerStateByExternalId(String externalId) {
		return exchange(HttpMethod.GET, "/customers/external/{externalId}/state", null, CustomerState.class, true,
				externalId);
	}

	@Override
	public Mono<Contact> createContact(CreateContactRequest request) {
		return exchange(HttpMethod.POST, "/contacts/", request, Contact.class, false);
	}

	@Override
	public Mono<Contact> getContact(String id) {
		return exchange(HttpMethod.GET, "/contacts/{id}", null, Contact.class, true, id);
	}

	@Override
	public Mono<Contact> getContactByExternalId(String externalId) {
		return exchange(HttpMethod.GET, "/contacts/external/{externalId}", null, Contact.class, true, externalId);
	}

	@Override
	public Mono<Contact> updateContact(String id, UpdateContactRequest request) {
		return exchange(HttpMethod.PUT, "/contacts/{id}", request, Contact.class, true, id);
	}

	@Override
	public Mono<Contact> updateContactByExternalId(String externalId, UpdateContactRequest request) {
		return exchange(HttpMethod.PUT, "/contacts/external/{externalId}", request, Contact.class, true, externalId);
	}

	@Override
	public Mono<Void> deleteContact(String id) {
		return exchange(HttpMethod.DELETE, "/contacts/{id}", null, Void.class, true, id);
	}

	@Override
	public Mono<Void> deleteContactByExternalId(String externalId) {
		return exchange(HttpMethod.DELETE, "/contacts/external/{externalId}", null, Void.class, true, externalId);
	}

	@Override
	public Mono<Order> createOrder(CreateOrderRequest request) {
		return exchange(HttpMethod.POST, "/orders/", request, Order.class, false);
	}

	@Override
	public Mono<Order> getOrder(String id) {
		return exchange(HttpMethod.GET, "/orders/{id}", null, Order.class, true, id);
	}

	@Override
	public Mono<Order> updateOrder(String id, UpdateOrderRequest request) {
		return exchange(HttpMethod.PUT, "/orders/{id}", request, Order.class, true, id);
	}

	@Override
	public Mono<Void> deleteOrder(String id) {
		return exchange(HttpMethod.DELETE, "/orders/{id}", null, Void.class, true, id);
	}

	@Override
	public Mono<BulkSignalsResponse> sendSignals(List<Signal> signals) {
		return exchange(HttpMethod.POST, "/signals/bulk", Map.of("signals", signals), BulkSignalsResponse.class, true);
	}

	@Override
	public Mono<Product> getProduct(String id) {
		return exchange(HttpMethod.GET, "/products/{id}", null, Product.class, true, id);
	}

	@Override
	public Mono<Product> getProductByExternalId(String externalId) {
		return exchange(HttpMethod.GET, "/products/external/{externalId}", null, Product.class, true, externalId);
	}

	// ---- products with pricing, customer users, credit balances (issue 13)

	@Override
	public Mono<Product> createProduct(CreateProductRequest request) {
		return exchange(HttpMethod.POST, "/products/", request, Product.class, false);
	}

	@Override
	public Mono<ProductDetail> getProductDetailByExternalId(String externalId) {
		return exchange(HttpMethod.GET, "/products/external/{externalId}", null, ProductDetail.class, true,
				externalId);
	}

	@Override
	public Mono<ProductDetail> updateProductByExternalId(String externalId, UpdateProductRequest request) {
		return exchange(HttpMethod.PUT, "/products/external/{externalId}", request, ProductDetail.class, true,
				externalId);
	}

	@Override
	public Mono<CustomerUser> upsertCustomerUser(String customerExternalId, String userExternalId,
			UpsertCustomerUserRequest request) {
		return exchange(HttpMethod.PUT, "/customers/{customerExternalId}/users/{userExternalId}", request,
				CustomerUser.class, true, customerExternalId, userExternalId);
	}

	@Override
	public Mono<CreditBalanceList> getCreditBalances(String customerId) {
		return exchange(HttpMethod.GET, "/customers/{id}/credits/balances", null, CreditBalanceList.class, true,
				customerId);
	}

	@Override
	public Mono<CreditBalanceList> getCreditBalancesByExternalId(String customerExternalId) {
		return exchange(HttpMethod.GET, "/customers/external/{externalId}/credits/balances", null,
				CreditBalanceList.class, true, customerExternalId);
	}

	@Override
	public Mono<BulkCostsResponse> sendCosts(List<Cost> costs) {
		return exchange(HttpMethod.POST, "/costs/bulk", Map.of("costs", costs), BulkCostsResponse.class, false);
	}

	// ---- webhooks

	@Override
	public Mono<WebhookList> listWebhooks() {
		return exchange(HttpMethod.GET, "/webhooks/", null, WebhookList.class, true);
	}

	@Override
	public Mono<WebhookUpdateResponse> updateWebhook(String webhookName, UpdateWebhookRequest request) {
		return exchange(HttpMethod.PATCH, "/webhooks/{webhookName}", request.toWire(), WebhookUpdateResponse.class,
				true, webhookName);
	}

	@Override
	public Mono<WebhookTestResponse> testWebhook(String webhookName) {
		return exchange(HttpMethod.POST, "/webhooks/{webhookName}/test", null, WebhookTestResponse.class, false,
				webhookName);
	}

	@Override
	public Mono<RotateWebhookSecretResponse> rotateWebhookSecret() {
		return exchange(HttpMethod.POST, "/webhooks/rotate-secret", null, RotateWebhookSecretResponse.class, false);
	}

	private <T> Mono<T> exchange(HttpMethod method, String path, @Nullable Object body, Class<T> type,
			boolean idempotent, Object... uriVariables) {
		// named in errors and retries only: built when first needed, not for every successful call
		Supplier<String> call = () -> describe(method, path, uriVariables);
		WebClient.RequestBodySpec spec = this.webClient.method(method).uri(path, uriVariables);
		WebClient.RequestHeadersSpec<?> request = (body != null)
				? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : spec;
		Mono<T> result = request.exchangeToMono((response) -> {
			int status = response.statusCode().value();
			if (response.statusCode().is2xxSuccessful()) {
				if (type == Void.class) {
					return response.releaseBody().then(Mono.<T>empty());
				}
				return response.bodyToMono(type)
					.onErrorMap(CodecException.class, (ex) -> this.errors.undecodable(call.get(), status, ex))
					.switchIfEmpty(Mono.error(() -> this.errors.emptyBody(call.get(), status)));
			}
			String retryAfter = response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
			return response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.onErrorReturn("")
				.flatMap((text) -> Mono.error(this.errors.fromResponse(call.get(), status, retryAfter, text)));
		}).onErrorMap((ex) -> !(ex instanceof PaidApiException), (ex) -> this.errors.fromTransportError(call.get(), ex));
		if (idempotent && this.retryPolicy.retries()) {
			result = result.retryWhen(this.retryPolicy.toRetry(call.get()));
		}
		return result;
	}

	/** The call as a log line names it, {@code PUT /customers/external/acme-1}. */
	static String describe(HttpMethod method, String path, Object... uriVariables) {
		StringBuilder call = new StringBuilder(method.name()).append(' ');
		int from = 0;
		for (Object variable : uriVariables) {
			int open = path.indexOf('{', from);
			int close = (open >= 0) ? path.indexOf('}', open) : -1;
			if (close < 0) {
				break;
			}
			call.append(path, from, open).append(variable);
			from = close + 1;
		}
		return call.append(path, from, path.length()).toString();
	}

	/**
	 * The mapper the client reads and writes with: the given one (normally Boot's, keeping the application's modules)
	 * with Paid's wire conventions forced, whatever the application configured: camelCase names, ISO-8601 dates,
	 * unknown enum values read as {@code null} so a new Paid state does not break reads.
	 */
	static JsonMapper wireMapper(@Nullable JsonMapper base) {
		JsonMapper.Builder builder = (base != null) ? base.rebuild() : JsonMapper.builder();
		return builder.propertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
			.build();
	}

	@Override
	public String toString() {
		return "WebClientPaidClient[baseUrl=" + this.baseUrl + ", retryPolicy=" + this.retryPolicy + "]";
	}

	/**
	 * Builds a {@link WebClientPaidClient}. Only the API key is required.
	 */
	public static final class Builder {

		private final WebClient.Builder webClientBuilder;

		private String baseUrl = DEFAULT_BASE_URL;

		private @Nullable String apiKey;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration responseTimeout = Duration.ofSeconds(30);

		private PaidRetryPolicy retryPolicy = PaidRetryPolicy.defaults();

		private @Nullable JsonMapper jsonMapper;

		private Clock clock = Clock.systemUTC();

		private final List<PaidWebClientCustomizer> customizers = new ArrayList<>();

		private @Nullable ClientHttpConnectorBuilder<?> connectorBuilder;

		private final List<PaidClientHttpConnectorBuilderCustomizer<?>> connectorCustomizers = new ArrayList<>();

		private @Nullable HttpClientSettings httpClientSettings;

		private @Nullable SslBundle sslBundle;

		private @Nullable ConnectorProxy proxy;

		private Builder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
		}

		/**
		 * Paid's base URL, {@value WebClientPaidClient#DEFAULT_BASE_URL} unless set.
		 * @param baseUrl absolute http(s) URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * The API key sent as bearer token.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Time allowed to open a connection (default 5 s).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * Time allowed for Paid's response once the request is sent (default 30 s).
		 * @param responseTimeout the timeout
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
			return this;
		}

		/**
		 * Transport-level retries of idempotent calls (default {@link PaidRetryPolicy#defaults()}).
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(PaidRetryPolicy retryPolicy) {
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * The JSON mapper to start from (normally Boot's). The client derives its own from it with Paid's wire
		 * conventions forced: camelCase names, ISO-8601 dates, unknown enum values read as {@code null}.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Adds a customizer of the {@link WebClient.Builder}.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder customizer(PaidWebClientCustomizer customizer) {
			this.customizers.add(customizer);
			return this;
		}

		/**
		 * The builder of the HTTP connector, normally Boot's auto-configured {@code ClientHttpConnectorBuilder}
		 * (default {@link ClientHttpConnectorBuilder#detect()}: Reactor Netty, else Jetty, else Apache
		 * HttpComponents, else the JDK's {@code HttpClient}).
		 * @param connectorBuilder the builder
		 * @return this builder
		 */
		public Builder connectorBuilder(ClientHttpConnectorBuilder<?> connectorBuilder) {
			this.connectorBuilder = connectorBuilder;
			return this;
		}

		/**
		 * Adds a customizer of the HTTP connector's builder, applied when the builder's type matches.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder connectorCustomizer(PaidClientHttpConnectorBuilderCustomizer<?> customizer) {
			this.connectorCustomizers.add(customizer);
			return this;
		}

		/**
		 * HTTP client settings to fall back on for what the client does not set itself (normally Boot's
		 * {@code spring.http.clients.*}: redirects, cookie handling, an SSL bundle, an address filter). The
		 * client's own timeouts and SSL bundle take precedence.
		 * @param httpClientSettings the settings
		 * @return this builder
		 */
		public Builder httpClientSettings(HttpClientSettings httpClientSettings) {
			this.httpClientSettings = httpClientSettings;
			return this;
		}

		/**
		 * The SSL bundle whose trust material (and key material, for mutual TLS) the connection to Paid uses.
		 * @param sslBundle the bundle, or {@code null} for the JVM's defaults
		 * @return this builder
		 */
		public Builder sslBundle(@Nullable SslBundle sslBundle) {
			this.sslBundle = sslBundle;
			return this;
		}

		/**
		 * An HTTP proxy that every request to Paid goes through (HTTPS is tunnelled with {@code CONNECT}).
		 * @param host the proxy's host name or address
		 * @param port the proxy's port
		 * @return this builder
		 */
		public Builder proxy(String host, int port) {
			Assert.hasText(host, "A proxy host is required");
			Assert.isTrue(port > 0 && port <= 65535, () -> "Proxy port " + port + " is not between 1 and 65535");
			this.proxy = new ConnectorProxy(host, port);
			return this;
		}

		Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 * @throws IllegalArgumentException when the key is missing or the base URL is not an absolute http(s) URL
		 */
		public WebClientPaidClient build() {
			Assert.hasText(this.apiKey, "A Paid API key is required");
			String apiKey = Objects.requireNonNull(this.apiKey);
			String base = checkBaseUrl(this.baseUrl);
			JsonMapper mapper = wireMapper(this.jsonMapper);
			WebClient.Builder builder = this.webClientBuilder.baseUrl(base)
				.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
				.defaultHeader(HttpHeaders.USER_AGENT, PaidClientVersion.userAgent())
				.codecs((codecs) -> {
					codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(mapper));
					codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper));
				});
			this.customizers.forEach((customizer) -> customizer.customize(builder));
			// the key lives on the connector's request, below Spring's request logging, never in a WebClient header map
			builder.clientConnector(new BearerTokenConnector(connector(), apiKey));
			return new WebClientPaidClient(builder.build(), base, this.retryPolicy, new PaidErrorParser(mapper, this.clock));
		}

		private ClientHttpConnector connector() {
			ClientHttpConnectorBuilder<?> connectors = (this.connectorBuilder != null) ? this.connectorBuilder
					: ClientHttpConnectorBuilder.detect();
			if (this.proxy != null) {
				connectors = this.proxy.applyTo(connectors);
			}
			connectors = customize(connectors);
			HttpClientSettings settings = HttpClientSettings.defaults()
				.withTimeouts(this.connectTimeout, this.responseTimeout)
				.withSslBundle(this.sslBundle)
				.orElse(this.httpClientSettings);
			return connectors.build(settings);
		}

		@SuppressWarnings("unchecked")
		private ClientHttpConnectorBuilder<?> customize(ClientHttpConnectorBuilder<?> connectors) {
			ClientHttpConnectorBuilder<?>[] result = { connectors };
			LambdaSafe
				.callbacks(PaidClientHttpConnectorBuilderCustomizer.class, this.connectorCustomizers, connectors)
				.invoke((customizer) -> result[0] = customizer.customize(result[0]));
			return result[0];
		}

		/**
		 * Checks that a base URL is an absolute http(s) URL and strips a trailing slash.
		 * @param baseUrl the URL
		 * @return the normalized URL
		 * @throws IllegalArgumentException when it is not usable
		 */
		public static String checkBaseUrl(@Nullable String baseUrl) {
			if (baseUrl == null || baseUrl.isBlank()) {
				throw new IllegalArgumentException("Paid base URL is empty");
			}
			URI uri;
			try {
				uri = new URI(baseUrl.trim());
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException("Paid base URL '" + baseUrl + "' is not a valid URL: " + ex.getReason());
			}
			if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					|| uri.getHost() == null) {
				throw new IllegalArgumentException(
						"Paid base URL '" + baseUrl + "' must be an absolute http or https URL, e.g. " + DEFAULT_BASE_URL);
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw new IllegalArgumentException("Paid base URL '" + baseUrl + "' must not have a query or fragment");
			}
			String normalized = uri.toString();
			while (normalized.endsWith("/")) {
				normalized = normalized.substring(0, normalized.length() - 1);
			}
			return normalized;
		}

	}

}
