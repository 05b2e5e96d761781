package ai.paid.spring.client;

import java.net.URI;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Puts {@code Authorization: Bearer <key>} on the connector's own request, whichever connector Boot picked. Spring's
 * request logging (and its observations and filters) see the {@code ClientRequest} before it reaches the connector, so
 * the key never appears in them; the {@code ClientRequest}'s headers are copied onto this request without replacing a
 * header already set, so no filter can override the key either. A connector whose own header logging is switched on
 * (see {@link HeaderLoggingGuard}) gets no key: the call fails with the reason instead.
 */
final class BearerTokenConnector implements ClientHttpConnector {

	private final ClientHttpConnector delegate;

	private final String authorization;

	private final HeaderLoggingGuard guard;

	BearerTokenConnector(ClientHttpConnector delegate, String apiKey) {
		this.delegate = delegate;
		this.authorization = "Bearer " + apiKey;
		this.guard = HeaderLoggingGuard.of(delegate);
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		String culprit = this.guard.keyWouldBeLoggedBy();
		if (culprit != null) {
			return Mono.error(new IllegalStateException(HeaderLoggingGuard.refusal(culprit)));
		}
		return this.delegate.connect(method, uri, (request) -> {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.authorization);
			return requestCallback.apply(request);
		});
	}

	@Override
	public String toString() {
		return "BearerTokenConnector[" + this.delegate.getClass().getSimpleName() + "]";
	}

}
