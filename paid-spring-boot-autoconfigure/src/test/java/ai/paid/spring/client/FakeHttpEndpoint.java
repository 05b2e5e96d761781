package ai.paid.spring.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw-socket HTTP endpoint for the connector tests: either it never answers (a stalled Paid), or it acts as an HTTP
 * proxy that answers every request itself with a canned product, for plain forwarding ({@code GET http://host/path})
 * and for {@code CONNECT} tunnels alike, and records each request head it read.
 */
final class FakeHttpEndpoint implements AutoCloseable {

	static final String PRODUCT = "{\"id\":\"prod_1\",\"name\":\"Agent\"}";

	private final ServerSocket serverSocket;

	private final boolean answer;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	final List<List<String>> requestHeads = new CopyOnWriteArrayList<>();

	private FakeHttpEndpoint(boolean answer) throws IOException {
		this.answer = answer;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "fake-http-endpoint");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Accepts connections and reads requests but never answers. */
	static FakeHttpEndpoint silent() throws IOException {
		return new FakeHttpEndpoint(false);
	}

	/** An HTTP proxy answering every request with {@link #PRODUCT}. */
	static FakeHttpEndpoint proxy() throws IOException {
		return new FakeHttpEndpoint(true);
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				Thread handler = new Thread(() -> handle(socket), "fake-http-endpoint-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket socket) {
		try {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			List<String> head = readHead(in);
			while (head != null) {
				this.requestHeads.add(head);
				if (!this.answer) {
					// read on until the client gives up, never answering
					while (in.read() != -1) {
					}
					return;
				}
				if (head.get(0).startsWith("CONNECT ")) {
					out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				else {
					byte[] body = PRODUCT.getBytes(StandardCharsets.UTF_8);
					out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
							+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
					out.write(body);
				}
				out.flush();
				head = readHead(in);
			}
		}
		catch (SocketTimeoutException ex) {
			// the client went away
		}
		catch (IOException ex) {
			// the client closed the connection
		}
	}

	private static List<String> readHead(BufferedReader in) throws IOException {
		List<String> head = new ArrayList<>();
		String line = in.readLine();
		while (line != null && !line.isEmpty()) {
			head.add(line);
			line = in.readLine();
		}
		return head.isEmpty() ? null : head;
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
