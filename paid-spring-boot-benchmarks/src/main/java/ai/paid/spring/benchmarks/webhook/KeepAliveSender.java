package ai.paid.spring.benchmarks.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client, in the spirit of wrk: one kept-alive socket, a request written as prepared
 * bytes and the answer read by its {@code Content-Length} (or chunks). On two cores shared with the server it costs a
 * few microseconds a request where the JDK's {@code HttpClient} costs more than the receiver it measures.
 */
final class KeepAliveSender implements AutoCloseable {

	private final URI target;

	private final String head;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

	KeepAliveSender(URI target) throws IOException {
		this.target = target;
		connect();
		this.head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
				+ "\r\nContent-Type: application/json\r\n";
	}

	private void connect() throws IOException {
		this.socket = new Socket(this.target.getHost(), this.target.getPort());
		this.socket.setTcpNoDelay(true);
		this.out = this.socket.getOutputStream();
		this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
	}

	/** Posts a signed body and returns the status code. */
	int post(String body, String signature) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		byte[] headers = (this.head + "x-webhook-signature: " + signature + "\r\nContent-Length: " + content.length
				+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[headers.length + content.length];
		System.arraycopy(headers, 0, request, 0, headers.length);
		System.arraycopy(content, 0, request, headers.length, content.length);
		this.out.write(request);
		this.out.flush();
		return readResponse();
	}

	private int readResponse() throws IOException {
		String statusLine = readLine();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = 0;
		boolean chunked = false;
		boolean close = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(readLine().trim(), 16); size > 0;
					size = Long.parseLong(readLine().trim(), 16)) {
				skip(size);
				readLine();
			}
			readLine();
		}
		else {
			skip(length);
		}
		if (close) {
			// the server ends a kept-alive connection after so many requests (Tomcat: 100); open the next one
			this.socket.close();
			connect();
		}
		return status;
	}

	private void skip(long count) throws IOException {
		for (long left = count; left > 0; left--) {
			if (this.in.read() < 0) {
				throw new EOFException("Connection closed in a response body");
			}
		}
	}

	private String readLine() throws IOException {
		this.line.reset();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new EOFException("Connection closed in a response head");
			}
			if (b != '\r') {
				this.line.write(b);
			}
		}
		return this.line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
