package io.opencdp.jobs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {
  @Test
  void readsBackToBackResponsesDelimitedByLengthAndByChunks() throws Exception {
    ResponseReader reader =
        reader(
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello"
                + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\nX-Trailer: 1\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nConnection: close\r\n\r\nok");

    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.closeAfter()).isFalse();
    assertThat(reader.read()).isEqualTo(404);
    assertThat(reader.read()).isEqualTo(204);
    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.closeAfter()).isTrue();
  }

  @Test
  void skipsAnInterimContinueResponse() throws Exception {
    ResponseReader reader =
        reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

    assertThat(reader.read()).isEqualTo(201);
  }

  @Test
  void failsOnATruncatedBody() {
    ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");

    assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
  }

  @Test
  void encodesARequestWithHostHeadersAndBody() {
    byte[] bytes =
        EncodedRequests.encode(
            RequestLine.post("/i/_search", Map.of("Authorization", "Bearer k"), "{\"a\":\"é\"}"),
            "127.0.0.1:9200");

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "POST /i/_search HTTP/1.1\r\nHost: 127.0.0.1:9200\r\nAuthorization: Bearer k\r\n"
                + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a\":\"é\"}");
  }

  private static ResponseReader reader(String text) {
    return new ResponseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
