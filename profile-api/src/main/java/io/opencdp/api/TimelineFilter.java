package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.javalin.http.Context;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.Channel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET /v1/profiles/{id}/events}: {@code type} (an event type), {@code
 * channel} (one of {@link Channel}), {@code from} (inclusive) and {@code to} (exclusive), ISO-8601
 * instants with an offset ({@code 2026-03-01T00:00:00Z}).
 */
record TimelineFilter(
    Optional<String> type,
    Optional<Channel> channel,
    Optional<Instant> from,
    Optional<Instant> to) {
  static final int MAX_TYPE_LENGTH = 128;

  TimelineFilter {
    requireNonNull(type, "type is null");
    requireNonNull(channel, "channel is null");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
  }

  static TimelineFilter from(Context ctx) {
    Optional<String> type =
        Optional.ofNullable(
                ctx.queryParamAsClass("type", String.class)
                    .allowNullable()
                    .check(
                        v -> v == null || (!v.isBlank() && v.strip().length() <= MAX_TYPE_LENGTH),
                        "must be an event type of 1-" + MAX_TYPE_LENGTH + " characters")
                    .get())
            .map(String::strip);
    Optional<Channel> channel =
        Optional.ofNullable(
                ctx.queryParamAsClass("channel", String.class)
                    .allowNullable()
                    .check(v -> v == null || channel(v).isPresent(), "must be one of " + channels())
                    .get())
            .flatMap(TimelineFilter::channel);
    Optional<Instant> from = instant(ctx, "from");
    Optional<Instant> to = instant(ctx, "to");
    checkOrder(from, to);
    return new TimelineFilter(type, channel, from, to);
  }

  /** A 400 naming {@code to} unless it is later than {@code from} (when both are given). */
  static void checkOrder(Optional<Instant> from, Optional<Instant> to) {
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT, "parameter 'to' must be later than 'from'", "to");
    }
  }

  /** {@code field} at or after {@code from} and before {@code to}; at least one is present. */
  static Query range(String field, Optional<Instant> from, Optional<Instant> to) {
    return Query.of(
        q ->
            q.range(
                r ->
                    r.date(
                        d -> {
                          d.field(field);
                          from.ifPresent(f -> d.gte(f.toString()));
                          to.ifPresent(t -> d.lt(t.toString()));
                          return d;
                        })));
  }

  /** The ISO-8601 instant in query parameter {@code name}; a 400 naming it when malformed. */
  static Optional<Instant> instant(Context ctx, String name) {
    return Optional.ofNullable(
            ctx.queryParamAsClass(name, String.class)
                .allowNullable()
                .check(
                    v -> v == null || parse(v).isPresent(),
                    "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z")
                .get())
        .flatMap(TimelineFilter::parse);
  }

  private static Optional<Instant> parse(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME))
          .map(OffsetDateTime::toInstant);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Channel> channel(String text) {
    return Arrays.stream(Channel.values()).filter(c -> c.wireName().equals(text)).findFirst();
  }

  private static String channels() {
    return Arrays.stream(Channel.values()).map(Channel::wireName).collect(Collectors.joining(", "));
  }
}
