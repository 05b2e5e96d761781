package ai.paid.spring.webhook;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The receiver on WebFlux: {@code POST <path>}, joining the raw body (up to the size limit) and recording it on
 * the bounded-elastic scheduler, since the inbox is JDBC.
 */
public final class WebhookWebFluxRoute {

	private WebhookWebFluxRoute() {
	}

	/**
	 * The route.
	 * @param path where Paid posts
	 * @param receiver the receiver
	 * @return the router function
	 */
	public static RouterFunction<ServerResponse> of(String path, PaidWebhookReceiver receiver) {
		return RouterFunctions.route().POST(path, (request) -> receive(request, receiver)).build();
	}

	private static Mono<ServerResponse> receive(ServerRequest request, PaidWebhookReceiver receiver) {
		long max = receiver.maxBodyBytes();
		if (request.headers().contentLength().orElse(0) > max) {
			return answer(receiver.tooLarge());
		}
		String signature = request.headers().firstHeader(PaidWebhookReceiver.SIGNATURE_HEADER);
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) Math.min(max, Integer.MAX_VALUE))
			.map(WebhookWebFluxRoute::bytes)
			.defaultIfEmpty(new byte[0])
			.publishOn(Schedulers.boundedElastic())
			.map((body) -> receiver.receive(signature, body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.fromSupplier(receiver::tooLarge))
			.flatMap(WebhookWebFluxRoute::answer);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<ServerResponse> answer(WebhookReceipt receipt) {
		return ServerResponse.status(receipt.status()).contentType(MediaType.TEXT_PLAIN).bodyValue(receipt.body());
	}

}
