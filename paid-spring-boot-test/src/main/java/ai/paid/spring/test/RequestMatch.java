package ai.paid.spring.test;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Selects requests to {@link MockPaidServer} by HTTP method and path prefix, for fault injection and for looking up
 * recorded requests.
 * <p>
 * The path prefix is relative to {@link MockPaidServer#baseUrl()} (e.g. {@code "/orders"}); a prefix that starts
 * with {@code /api/v2} is accepted as well.
 *
 * @param method the HTTP method, or {@code null} for any
 * @param pathPrefix the path prefix, {@code ""} for any path
 */
public record RequestMatch(@Nullable String method, String pathPrefix) {

	private static final RequestMatch ANY = new RequestMatch(null, "");

	/**
	 * Create a match, normalising the method to upper case and the path to one relative to the base URL.
	 * @param method the HTTP method, or {@code null} for any
	 * @param pathPrefix the path prefix, {@code ""} for any path
	 */
	public RequestMatch {
		method = (method != null) ? method.toUpperCase(Locale.ROOT) : null;
		pathPrefix = MockPaths.relative(pathPrefix);
	}

	/**
	 * Match every request.
	 * @return the match
	 */
	public static RequestMatch any() {
		return ANY;
	}

	/**
	 * Match requests with the given method whose path starts with the given prefix.
	 * @param method the HTTP method
	 * @param pathPrefix the path prefix relative to the base URL
	 * @return the match
	 */
	public static RequestMatch of(String method, String pathPrefix) {
		return new RequestMatch(method, pathPrefix);
	}

	/**
	 * Match requests with any method whose path starts with the given prefix.
	 * @param pathPrefix the path prefix relative to the base URL
	 * @return the match
	 */
	public static RequestMatch path(String pathPrefix) {
		return new RequestMatch(null, pathPrefix);
	}

	/**
	 * Return whether a request matches.
	 * @param requestMethod the request's method
	 * @param relativePath the request's path relative to the base URL
	 * @return {@code true} if it matches
	 */
	public boolean matches(String requestMethod, String relativePath) {
		return (this.method == null || this.method.equalsIgnoreCase(requestMethod))
				&& relativePath.startsWith(this.pathPrefix);
	}

}
