package ai.paid.spring.webhook;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The receiver on Spring MVC: {@code POST <path>}, reading the raw bytes of the body (never a converted object).
 */
public final class WebhookWebMvcRoute {

	private WebhookWebMvcRoute() {
	}

	/**
	 * The route.
	 * @param path where Paid posts
	 * @param receiver the receiver
	 * @return the router function
	 */
	public static RouterFunction<ServerResponse> of(String path, PaidWebhookReceiver receiver) {
		return RouterFunctions.route().POST(path, (request) -> answer(receive(request, receiver))).build();
	}

	private static WebhookReceipt receive(ServerRequest request, PaidWebhookReceiver receiver) throws IOException, ServletException {
		long max = receiver.maxBodyBytes();
		if (request.headers().contentLength().orElse(0) > max) {
			return receiver.tooLarge();
		}
		// the byte-array converter copies the body untouched; a chunked body has no length to check first
		byte[] body = request.body(byte[].class);
		if (body.length > max) {
			return receiver.tooLarge();
		}
		return receiver.receive(request.headers().firstHeader(PaidWebhookReceiver.SIGNATURE_HEADER), body);
	}

	private static ServerResponse answer(WebhookReceipt receipt) {
		return ServerResponse.status(receipt.status()).contentType(MediaType.TEXT_PLAIN).body(receipt.body());
	}

}
