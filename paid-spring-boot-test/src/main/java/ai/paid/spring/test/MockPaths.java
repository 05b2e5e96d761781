package ai.paid.spring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Path helpers: the API prefix, relative paths and segment splitting.
 */
final class MockPaths {

	static final String API_PREFIX = "/api/v2";

	private MockPaths() {
	}

	/**
	 * Return the path relative to the API prefix (a path without the prefix is returned as is, with a leading slash
	 * added when missing).
	 */
	static String relative(String path) {
		if (path.isEmpty()) {
			return path;
		}
		if (path.equals(API_PREFIX)) {
			return "";
		}
		if (path.startsWith(API_PREFIX + "/")) {
			return path.substring(API_PREFIX.length());
		}
		return path.startsWith("/") ? path : "/" + path;
	}

	/**
	 * Split a relative raw path into decoded segments. A trailing slash yields a trailing empty segment so routes can
	 * tell {@code /customers/} from {@code /customers}.
	 */
	static List<String> segments(String relativeRawPath) {
		List<String> segments = new ArrayList<>(4);
		int start = relativeRawPath.startsWith("/") ? 1 : 0;
		int length = relativeRawPath.length();
		while (start <= length) {
			int end = relativeRawPath.indexOf('/', start);
			if (end < 0) {
				end = length;
			}
			segments.add(decode(relativeRawPath.substring(start, end)));
			start = end + 1;
		}
		return segments;
	}

	private static String decode(String segment) {
		if (segment.indexOf('%') < 0) {
			return segment;
		}
		return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
