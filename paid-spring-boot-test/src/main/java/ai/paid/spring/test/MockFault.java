package ai.paid.spring.test;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What an injected fault does to a request.
 *
 * @param kind the kind of fault
 * @param status the status to answer with, for {@link Kind#FAIL}
 * @param retryAfter the {@code Retry-After} to send, for {@link Kind#FAIL}, or {@code null}
 */
record MockFault(Kind kind, int status, @Nullable Duration retryAfter) {

	enum Kind {

		/** Answer with an error status without processing the request. */
		FAIL,

		/** Close the connection without processing the request or answering. */
		DROP,

		/** Process the request (state changes), then close the connection without answering. */
		CRASH_AFTER_PROCESSING

	}

	static MockFault fail(int status, @Nullable Duration retryAfter) {
		return new MockFault(Kind.FAIL, status, retryAfter);
	}

	static MockFault drop() {
		return new MockFault(Kind.DROP, 0, null);
	}

	static MockFault crashAfterProcessing() {
		return new MockFault(Kind.CRASH_AFTER_PROCESSING, 0, null);
	}

}
