package io.opencdp.ingest.collector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.opencdp.schemas.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body into a JSON object, within {@code collector.max_body_bytes}.
 *
 * <ul>
 *   <li>Content-Type must be {@code application/json} or {@code text/plain} (analytics.js sends
 *       JSON as text/plain to avoid a CORS preflight); anything else is 400.
 *   <li>Content-Encoding {@code gzip} (sent by several Segment server libraries) is decoded; the
 *       limit applies to the decoded bytes, so a small compressed bomb is refused too.
 *   <li>A declared Content-Length over the limit is refused before reading; a chunked body is
 *       refused as soon as it passes the limit, never held whole.
 *   <li>JSON is read as strictly as the Segment connector reads a landed line: a repeated key or
 *       anything after the value is an error, fractions keep their scale ({@code 19.90}).
 * </ul>
 */
final class RequestBodies {
  private static final ObjectReader READER =
      Json.mapper()
          .reader()
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final int maxBodyBytes;

  RequestBodies(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The body's bytes, decoded; 400 for a wrong content type or encoding, 413 when too large. */
  byte[] read(Context ctx) {
    checkContentType(ctx.contentType());
    long declared = ctx.contentLength();
    String encoding = encoding(ctx.header(Header.CONTENT_ENCODING));
    if (encoding == null && declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream raw = ctx.bodyInputStream();
        InputStream in = encoding == null ? raw : new GZIPInputStream(raw)) {
      return readAtMost(in);
    } catch (ZipException e) {
      throw CollectorException.badRequest(
          ProblemCodes.UNSUPPORTED_CONTENT_ENCODING,
          null,
          "the body is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed", e);
    }
  }

  /** The bytes as a JSON object; 400 when they are not one. */
  static ObjectNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw CollectorException.badRequest(
          ProblemCodes.NOT_AN_OBJECT, null, "the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** The bytes as a JSON object, or null when they are not one (no error). */
  static ObjectNode tryParseObject(byte[] body) {
    try {
      JsonNode node = parse(body);
      return node.isObject() ? (ObjectNode) node : null;
    } catch (CollectorException e) {
      return null;
    }
  }

  private static JsonNode parse(byte[] body) {
    JsonNode node;
    try {
      node = READER.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw CollectorException.badRequest(
          ProblemCodes.JSON_MALFORMED,
          null,
          "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || node.isMissingNode()) {
      throw CollectorException.badRequest(
          ProblemCodes.JSON_MALFORMED, null, "the body is empty; send a JSON object");
    }
    return node;
  }

  private byte[] readAtMost(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > maxBodyBytes) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private CollectorException tooLarge() {
    return CollectorException.tooLarge(
        ProblemCodes.BODY_TOO_LARGE,
        null,
        "the body is larger than "
            + maxBodyBytes
            + " bytes (collector.max_body_bytes); send fewer messages per batch");
  }

  private static void checkContentType(String contentType) {
    String media =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.equals("text/plain")) {
      throw CollectorException.badRequest(
          ProblemCodes.UNSUPPORTED_CONTENT_TYPE,
          null,
          "Content-Type must be application/json, got '"
              + (contentType == null ? "" : contentType)
              + "'");
    }
  }

  /** "gzip", or null for no encoding; 400 for any other. */
  private static String encoding(String header) {
    if (header == null || header.isBlank() || header.strip().equalsIgnoreCase("identity")) {
      return null;
    }
    if (header.strip().equalsIgnoreCase("gzip")) {
      return "gzip";
    }
    throw CollectorException.badRequest(
        ProblemCodes.UNSUPPORTED_CONTENT_ENCODING,
        null,
        "Content-Encoding must be gzip or absent, got '" + header + "'");
  }
}
