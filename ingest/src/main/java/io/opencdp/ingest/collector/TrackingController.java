package io.opencdp.ingest.collector;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.opencdp.schemas.config.CollectorConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Segment HTTP Tracking API: {@code POST /v1/track}, {@code /v1/identify}, {@code /v1/page},
 * {@code /v1/screen}, {@code /v1/alias}, {@code /v1/group} (one message each) and {@code /v1/batch}
 * ({@code {"batch": [...]}}, each item with its {@code type}). A request is authenticated ({@link
 * WriteKeys}), read ({@link RequestBodies}), every message checked ({@link MessageValidator}) and
 * stamped ({@link ServerFields}), then landed ({@link LandingWriter}) before the answer {@code 200
 * {"success":true}}.
 *
 * <p>A batch is all or nothing: one bad message refuses the whole batch (400 naming {@code
 * batch[i]}), so a client never has to work out which half of its batch landed, and retrying the
 * fixed batch cannot duplicate the good half (dedup would drop it anyway). Segment's libraries drop
 * a batch answered 400, so a client that wants partial acceptance must send good messages
 * separately.
 */
final class TrackingController {
  private static final byte[] SUCCESS =
      "{\"success\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private record Incoming(SourceRef target, ObjectNode body) {}

  private final CollectorConfig config;
  private final WriteKeys keys;
  private final RequestBodies bodies;
  private final Map<SourceRef, LandingWriter> writers;
  private final Clock clock;

  TrackingController(CollectorConfig config, Map<SourceRef, LandingWriter> writers, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.keys = new WriteKeys(config.writeKeys());
    this.bodies = new RequestBodies(config.maxBodyBytes());
    this.writers = Map.copyOf(writers);
    this.clock = requireNonNull(clock, "clock is null");
  }

  void track(Context ctx) {
    single(ctx, "track");
  }

  void identify(Context ctx) {
    single(ctx, "identify");
  }

  void page(Context ctx) {
    single(ctx, "page");
  }

  void screen(Context ctx) {
    single(ctx, "screen");
  }

  void alias(Context ctx) {
    single(ctx, "alias");
  }

  void group(Context ctx) {
    single(ctx, "group");
  }

  void batch(Context ctx) {
    Incoming in = receive(ctx);
    JsonNode batch = in.body().get("batch");
    if (batch == null || batch.isNull()) {
      throw CollectorException.badRequest(
          ProblemCodes.MISSING_FIELD, "batch", "field 'batch' is missing; send {\"batch\": [...]}");
    }
    if (!batch.isArray()) {
      throw CollectorException.badRequest(
          ProblemCodes.WRONG_TYPE, "batch", "field 'batch' must be an array of messages");
    }
    if (batch.size() > config.maxBatchMessages()) {
      throw CollectorException.tooLarge(
          ProblemCodes.BATCH_TOO_LARGE,
          "batch",
          "the batch holds "
              + batch.size()
              + " messages, more than "
              + config.maxBatchMessages()
              + " (collector.max_batch_messages); split it");
    }
    String batchSentAt =
        MessageValidator.timestamp(in.body(), "sentAt", "") == null
            ? null
            : in.body().get("sentAt").textValue();
    Instant receivedAt = now();
    List<Message> messages = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      String path = "batch[" + i + "]";
      ObjectNode m = MessageValidator.check(batch.get(i), null, path);
      messages.add(sized(ServerFields.stamp(m, receivedAt, batchSentAt, path), path));
    }
    land(ctx, in.target(), messages, receivedAt);
  }

  private void single(Context ctx, String type) {
    Incoming in = receive(ctx);
    ObjectNode m = MessageValidator.check(in.body(), type, "");
    Instant receivedAt = now();
    land(
        ctx,
        in.target(),
        List.of(sized(ServerFields.stamp(m, receivedAt, null, ""), null)),
        receivedAt);
  }

  private Incoming receive(Context ctx) {
    String authorization = ctx.header(Header.AUTHORIZATION);
    SourceRef target = authorization == null ? null : keys.fromHeader(authorization);
    byte[] bytes = bodies.read(ctx);
    ObjectNode body;
    if (target == null) {
      body = RequestBodies.tryParseObject(bytes);
      target = keys.fromBody(body == null ? null : body.get("writeKey"));
    } else {
      body = RequestBodies.parseObject(bytes);
    }
    body.remove("writeKey");
    return new Incoming(target, body);
  }

  private Message sized(Message message, String path) {
    if (message.line().length > config.maxMessageBytes()) {
      throw CollectorException.tooLarge(
          ProblemCodes.MESSAGE_TOO_LARGE,
          path,
          (path == null ? "the message" : path)
              + " is "
              + message.line().length
              + " bytes as landed, more than "
              + config.maxMessageBytes()
              + " (collector.max_message_bytes)");
    }
    return message;
  }

  private void land(Context ctx, SourceRef target, List<Message> messages, Instant receivedAt) {
    LandingWriter writer = writers.get(target);
    if (writer == null) {
      throw new IllegalStateException("no landing writer for " + target);
    }
    writer.append(messages, receivedAt);
    ctx.status(200).contentType("application/json").result(SUCCESS);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
