package dev.harbor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive connection that writes exactly the bytes a test gives, for requests no
 * well-behaved client would send (an illegal character in the path, an HTTP/0.9 request line,
 * headers one byte at a time), and reads the answers as they come off the wire.
 */
final class RawHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;

    RawHttp(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) READ_LIMIT.toMillis());
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(String statusLine, int status, Map<String, String> headers, String body) {

        /** A header's value; names are compared without case. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** Asserts the contract's Error body with this status and code. */
        Answer error(int expectedStatus, String code) {
            assertThat(status).as(statusLine + "\n" + body).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).as(body).startsWith("application/json");
            JsonNode json = json();
            assertThat(json.path("error").asText()).as(body).isEqualTo(code);
            assertThat(json.path("message").asText()).as(body).isNotBlank();
            assertThat(json.path("timestamp").asText()).as(body).isNotBlank();
            assertThat(json.path("details").isObject()).as(body).isTrue();
            return this;
        }
    }

    /** Writes the request exactly as given (ISO-8859-1, so "%ff" stays three characters). */
    RawHttp write(String raw) {
        return write(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp write(byte[] raw) {
        try {
            socket.getOutputStream().write(raw);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer send(String raw) {
        return write(raw).read();
    }

    /** Reads one answer: status line, headers, and a body of {@code Content-Length} bytes or up to the end. */
    Answer read() {
        try {
            String statusLine = line();
            if (statusLine == null) {
                throw new AssertionError("the server closed the connection without an answer");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); line != null && !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            String length = headers.get("content-length");
            byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
            String[] parts = statusLine.split(" ", 3);
            return new Answer(
                    statusLine, Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the server closes the connection within {@code limit}, while nothing more is sent:
     * an end of stream or a reset, not a read that times out.
     */
    boolean closedByServerWithin(Duration limit) {
        try {
            socket.setSoTimeout((int) limit.toMillis());
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket the server already closed
        }
    }
}
