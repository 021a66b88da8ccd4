package io.opencdp.ingest.collector;

import static io.opencdp.ingest.collector.CollectorFixture.APP_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.WEB_KEY;
import static io.opencdp.ingest.collector.CollectorFixture.json;
import static io.opencdp.ingest.collector.CollectorFixture.lines;
import static io.opencdp.ingest.collector.CollectorFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceTest {
  @TempDir Path root;
  private CollectorFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CollectorFixture(root);
  }

  @Test
  void retriedMessageIsAnsweredOkButLandsOnce() {
    fixture.run(
        (collector, client) -> {
          String body = Segment.json(Segment.message("track", "m-1"));

          assertThat(post(client, "/v1/track", WEB_KEY, body).code()).isEqualTo(200);
          assertThat(post(client, "/v1/track", WEB_KEY, body).code()).isEqualTo(200);
          assertThat(post(client, "/v1/batch", WEB_KEY, "{\"batch\":[" + body + "]}").code())
              .isEqualTo(200);

          assertThat(lines(fixture.web)).hasSize(1);
        });
  }

  @Test
  void retriedBatchLandsOnlyItsNewMessages() {
    fixture.run(
        (collector, client) -> {
          post(
              client,
              "/v1/batch",
              WEB_KEY,
              Segment.json(Segment.batch(Segment.message("track", "m-1"))));
          post(
              client,
              "/v1/batch",
              WEB_KEY,
              Segment.json(
                  Segment.batch(
                      Segment.message("track", "m-1"),
                      Segment.message("page", "m-2"),
                      Segment.message("page", "m-2"))));

          assertThat(lines(fixture.web))
              .extracting(line -> json(line).get("messageId").textValue())
              .containsExactly("m-1", "m-2");
        });
  }

  @Test
  void sameMessageIdInAnotherSourceIsAnotherMessage() {
    fixture.run(
        (collector, client) -> {
          String body = Segment.json(Segment.message("track", "m-1"));
          post(client, "/v1/track", WEB_KEY, body);
          post(client, "/v1/track", APP_KEY, body);

          assertThat(lines(fixture.web)).hasSize(1);
          assertThat(lines(fixture.app)).hasSize(1);
        });
  }

  @Test
  void retryAfterARestartLandsOnce() {
    String body = Segment.json(Segment.message("track", "m-1"));
    fixture.run((collector, client) -> post(client, "/v1/track", WEB_KEY, body));
    fixture.run(
        (collector, client) -> {
          assertThat(post(client, "/v1/track", WEB_KEY, body).code()).isEqualTo(200);
          post(client, "/v1/track", WEB_KEY, Segment.json(Segment.message("track", "m-2")));
        });

    assertThat(lines(fixture.web))
        .extracting(line -> json(line).get("messageId").textValue())
        .containsExactly("m-1", "m-2");
  }

  @Test
  void messageIdOlderThanTheWindowIsForgotten() {
    fixture.run(
        (collector, client) -> {
          String body = Segment.json(Segment.message("track", "m-1"));
          post(client, "/v1/track", WEB_KEY, body);
          fixture.clock.advance(Duration.ofHours(24).plusSeconds(1));
          post(client, "/v1/track", WEB_KEY, body);

          // beyond collector.dedup_window_hours, ingest's merge on messageId is the backstop
          assertThat(lines(fixture.web)).hasSize(2);
        });
  }

  @Test
  void indexForgetsTheOldestIdsBeyondItsBound() {
    DedupIndex index = new DedupIndex(2, Duration.ofHours(24));
    java.time.Instant t = CollectorFixture.START;
    index.add("a", t);
    index.add("b", t);
    index.add("c", t);

    assertThat(index.contains("a", t)).isFalse();
    assertThat(index.contains("b", t)).isTrue();
    assertThat(index.contains("c", t)).isTrue();
    assertThat(index.size()).isEqualTo(2);
  }
}
