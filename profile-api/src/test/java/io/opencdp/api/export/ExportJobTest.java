package io.opencdp.api.export;

import static io.opencdp.api.export.ExportFixture.header;
import static io.opencdp.api.export.ExportFixture.profile;
import static io.opencdp.api.export.ExportFixture.readCsv;
import static io.opencdp.api.export.ExportFixture.row;
import static io.opencdp.schemas.audience.AudienceFormat.GOOGLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.SuppressionList;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.audience.Sha256;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.ProfileFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export job against a real node, with hand-built profile documents and the platform layouts.
 */
@ExtendWith(ElasticsearchExtension.class)
class ExportJobTest {
  private static ExportFixture fixture;

  @TempDir Path dir;

  @BeforeAll
  static void open(EsTestCluster cluster) {
    fixture = ExportFixture.open(cluster, "exptest");
    fixture.put(
        profile("us-1", "US", "a@example.com", "+15550100001", true),
        profile("us-2", "US", "b@example.com", "+15550100002", false),
        profile("us-3", "US", "c@example.com", "+15550100003", true),
        profile("us-4", "US", null, null, true),
        profile("us-5", "US", "e@example.com", null, true),
        profile("de-1", "DE", "d@example.com", "+495550100001", true));
    fixture.suppress("phone", "+15550100003");
    fixture.saveSegment("seg-us-000001", country("US"));
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static String country(String country) {
    return "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"" + country + "\"}";
  }

  @Test
  void writesTheConsentedUnsuppressedMembersWithAnIdentifierAndCountsTheOthers() {
    try (Exports exports = fixture.exports(dir)) {
      Path out = dir.resolve("nested/us.csv");
      ObjectNode record = exports.run(request("seg-us-000001", null, false, out));

      assertThat(record.path("status").asText()).isEqualTo("succeeded");
      assertThat(record.path("export_id").asText()).matches("exp-[0-9]+-[0-9a-f]{6}");
      assertThat(record.path("members").asLong()).isEqualTo(5);
      assertThat(record.path("exported").asLong()).isEqualTo(2);
      assertThat(record.path("dropped_consent").asLong()).isEqualTo(1);
      assertThat(record.path("dropped_suppressed").asLong()).isEqualTo(1);
      assertThat(record.path("no_hashable_identifier").asLong()).isEqualTo(1);
      assertThat(record.has("adds")).isFalse();
      assertThat(record.path("segment_version").asLong()).isEqualTo(1);
      assertThat(record.path("destination").asText()).isEqualTo("google");
      JsonNode file = record.path("files").get(0);
      assertThat(file.path("kind").asText()).isEqualTo("members");
      assertThat(file.path("path").asText()).isEqualTo(out.toAbsolutePath().toString());
      assertThat(file.path("rows").asLong()).isEqualTo(2);
      assertThat(record.path("started_at").asText()).isNotEmpty();
      assertThat(record.path("finished_at").asText()).isNotEmpty();
      List<List<String>> rows = readCsv(out);
      assertThat(rows)
          .containsExactly(
              header(GOOGLE),
              row(GOOGLE, profile("us-1", "US", "a@example.com", "+15550100001", true)),
              row(GOOGLE, profile("us-5", "US", "e@example.com", null, true)));
      assertThat(rows.get(1).get(0)).isEqualTo(Sha256.hex("a@example.com"));
      assertThat(fixture.lookups()).isPositive();
    }
  }

  /**
   * The members of one segment, each with one consent situation, exported for {@code ad_targeting}
   * (the default, a purpose as a whole) and for the named {@code marketing_email} (marketing on
   * email): only the granted ones are written, the others count as dropped for consent.
   */
  @Test
  void anAdExportExcludesEveryMemberWhoseConsentIsNotGranted() {
    ObjectNode granted = frProfile("fr-granted");
    ExportFixture.consent(rows(granted), "ad_targeting", null, true, "2026-03-01T10:00:00Z");
    // the latest change is a withdrawal
    ObjectNode revoked = frProfile("fr-revoked");
    ExportFixture.consent(rows(revoked), "ad_targeting", null, false, "2026-03-02T10:00:00Z");
    // no record at all
    ObjectNode none = frProfile("fr-none");
    // a grant on one channel only: the purpose as a whole is decided by a channel-less change
    ObjectNode emailOnly = frProfile("fr-email-only");
    ExportFixture.consent(rows(emailOnly), "ad_targeting", "email", true, "2026-03-01T10:00:00Z");
    // marketing: a channel-less grant decides email, unless email's own later row withdraws it
    ExportFixture.consent(rows(granted), "marketing", null, true, "2026-03-01T10:00:00Z");
    ExportFixture.consent(rows(revoked), "marketing", null, true, "2026-03-01T10:00:00Z");
    ExportFixture.consent(rows(revoked), "marketing", "email", false, "2026-03-05T10:00:00Z");
    ExportFixture.consent(rows(emailOnly), "marketing", "sms", true, "2026-03-01T10:00:00Z");
    fixture.put(granted, revoked, none, emailOnly);
    fixture.saveSegment("seg-fr-000006", country("FR"));

    for (String purpose : List.of("ad_targeting", "marketing_email")) {
      try (Exports exports = fixture.exports(dir, purpose)) {
        Path out = dir.resolve(purpose + ".csv");
        ObjectNode record = exports.run(request("seg-fr-000006", purpose, false, out));

        assertThat(record.path("members").asLong()).as(purpose).isEqualTo(4);
        assertThat(record.path("exported").asLong()).as(purpose).isEqualTo(1);
        assertThat(record.path("dropped_consent").asLong()).as(purpose).isEqualTo(3);
        assertThat(readCsv(out)).as(purpose).containsExactly(header(GOOGLE), row(GOOGLE, granted));
      }
    }
  }

  /** A French profile with an email and no consent row. */
  private static ObjectNode frProfile(String id) {
    ObjectNode doc = profile(id, "FR", id + "@example.com", null, false);
    doc.putArray("consent");
    doc.putArray("consent_granted");
    return doc;
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode rows(ObjectNode doc) {
    return (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("consent");
  }

  @Test
  void sinceLastSendsTheAddsAndTheRemovesWithTheRowsAsSentBefore() throws IOException {
    fixture.put(
        profile("ca-1", "CA", "ca1@example.com", null, true),
        profile("ca-2", "CA", "ca2@example.com", null, true),
        profile("ca-3", "CA", "ca3@example.com", null, true));
    fixture.saveSegment("seg-ca-000002", country("CA"));
    try (Exports exports = fixture.exports(dir)) {
      Path out = dir.resolve("ca.csv");
      Path removes = dir.resolve("ca.removes.csv");

      ObjectNode first = exports.run(request("seg-ca-000002", "acme", true, out));

      assertThat(first.path("adds").asLong()).isEqualTo(3);
      assertThat(first.path("removes").asLong()).isZero();
      assertThat(first.path("files").findValuesAsText("kind")).containsExactly("adds", "removes");
      assertThat(readCsv(out)).hasSize(4);
      assertThat(readCsv(removes)).containsExactly(header(GOOGLE));

      // ca-1 leaves, ca-2 changes its email, ca-4 joins
      fixture.put(
          profile("ca-1", "DE", "ca1@example.com", null, true),
          profile("ca-2", "CA", "new2@example.com", null, true),
          profile("ca-4", "CA", "ca4@example.com", null, true));
      ObjectNode second = exports.run(request("seg-ca-000002", "acme", true, out));

      assertThat(second.path("adds").asLong()).isEqualTo(2);
      assertThat(second.path("removes").asLong()).isEqualTo(2);
      assertThat(readCsv(out))
          .containsExactly(
              header(GOOGLE), ca("ca-2", "new2@example.com"), ca("ca-4", "ca4@example.com"));
      assertThat(readCsv(removes))
          .containsExactly(
              header(GOOGLE), ca("ca-1", "ca1@example.com"), ca("ca-2", "ca2@example.com"));

      ObjectNode third = exports.run(request("seg-ca-000002", "acme", true, out));
      assertThat(third.path("adds").asLong()).isZero();
      assertThat(third.path("removes").asLong()).isZero();

      // another destination has its own state: everything is new there
      ObjectNode other = exports.run(request("seg-ca-000002", "other", true, dir.resolve("o.csv")));
      assertThat(other.path("adds").asLong()).isEqualTo(3);
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("ca.csv", "ca.removes.csv", "o.csv", "o.removes.csv");
      }
    }
  }

  @Test
  void aFullExportReplacesTheStateTheNextSinceLastDiffsAgainst() {
    fixture.put(profile("mx-1", "MX", "mx1@example.com", null, true));
    fixture.saveSegment("seg-mx-000003", country("MX"));
    try (Exports exports = fixture.exports(dir)) {
      exports.run(request("seg-mx-000003", null, false, dir.resolve("full.csv")));
      fixture.put(profile("mx-2", "MX", "mx2@example.com", null, true));

      ObjectNode next = exports.run(request("seg-mx-000003", null, true, dir.resolve("d.csv")));

      assertThat(next.path("adds").asLong()).isEqualTo(1);
      assertThat(readCsv(dir.resolve("d.csv")))
          .containsExactly(
              header(GOOGLE), row(GOOGLE, profile("mx-2", "MX", "mx2@example.com", null, true)));
    }
  }

  @Test
  void theWorkspacesSuppressionListIsRespected() {
    fixture.put(
        profile("br-1", "BR", "br1@example.com", "+5511999990001", true),
        profile("br-2", "BR", "br2@example.com", "+5511999990002", true));
    fixture.saveSegment("seg-br-000004", country("BR"));
    SuppressionList.of(fixture.connection().client(), fixture.indices(), "US")
        .add("phone", "+5511999990002", "hard_bounce", "test", "test");
    try (Exports exports =
        Exports.of(
            fixture.connection().client(),
            fixture.indices(),
            ProfileFields.builtIn(),
            new SegmentsConfig(ZoneId.of("UTC")),
            "ad_targeting",
            dir,
            Clock.systemUTC())) {
      ObjectNode record = exports.run(request("seg-br-000004", null, false, dir.resolve("br.csv")));

      assertThat(record.path("members").asLong()).isEqualTo(2);
      assertThat(record.path("dropped_suppressed").asLong()).isEqualTo(1);
      assertThat(readCsv(dir.resolve("br.csv")))
          .containsExactly(
              header(GOOGLE),
              row(GOOGLE, profile("br-1", "BR", "br1@example.com", "+5511999990001", true)));
    }
  }

  @Test
  void sinceLastAfterOtherColumnsToTheSameDestinationIsRefused() {
    fixture.put(profile("ar-1", "AR", "ar1@example.com", null, true));
    fixture.saveSegment("seg-ar-000005", country("AR"));
    try (Exports exports = fixture.exports(dir)) {
      exports.run(csv("seg-ar-000005", List.of("email")));

      assertThatThrownBy(() -> exports.run(csv("seg-ar-000005", List.of("email", "phone"))))
          .isInstanceOf(CdpException.class)
          .hasMessageContaining(
              "was last sent rows of segment 'seg-ar-000005' with 2 columns, not the 3");
    }
  }

  private ExportRequest csv(String segment, List<String> fields) {
    return new ExportRequest(
        segment, AudienceFormat.CSV, "internal", true, fields, dir.resolve("csv.csv"), "test");
  }

  @Test
  void anUnknownSegmentIsNotFoundAndRecordsNothing() {
    try (Exports exports = fixture.exports(dir)) {
      assertThatThrownBy(
              () -> exports.run(request("seg-nope-000000", null, false, dir.resolve("x.csv"))))
          .isInstanceOf(CdpException.class)
          .hasMessageContaining("no segment 'seg-nope-000000'")
          .extracting(e -> ((CdpException) e).code())
          .isEqualTo(ErrorCode.NOT_FOUND);
      assertThat(dir.resolve("x.csv")).doesNotExist();
    }
  }

  @Test
  void aFailedExportIsRecordedFailedAndLeavesNoFile() throws IOException {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file where a directory should be");
    try (Exports exports = fixture.exports(dir)) {
      Path out = blocker.resolve("us.csv");
      assertThatThrownBy(() -> exports.run(request("seg-us-000001", "fails", false, out)))
          .hasMessageContaining("cannot write");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).containsExactly(blocker);
      }
    }
  }

  @Test
  void exportsLeftQueuedOrRunningByAStopAreMarkedInterrupted() {
    ExportRecords records = new ExportRecords(fixture.connection().client(), fixture.indices());
    try (Exports exports = fixture.exports(dir)) {
      ObjectNode record = Json.mapper().createObjectNode();
      record.put("export_id", "exp-1-abcdef");
      record.put("segment_id", "seg-us-000001");
      record.put("status", "running");
      records.create(record);

      assertThat(exports.failInterrupted()).isGreaterThanOrEqualTo(1);

      ObjectNode after = exports.get("exp-1-abcdef").orElseThrow();
      assertThat(after.path("status").asText()).isEqualTo("failed");
      assertThat(after.path("error").asText()).isEqualTo("interrupted");
      assertThat(exports.failInterrupted()).isZero();
    }
  }

  @Test
  void aDestinationMustBeASimpleNameAndFieldsAreForCsvOnly() {
    assertThatThrownBy(
            () ->
                new ExportRequest(
                    "seg-us-000001", AudienceFormat.META, "Acme Ads", false, null, null, "t"))
        .hasMessageContaining("'destination'");
    assertThatThrownBy(
            () ->
                new ExportRequest(
                    "seg-us-000001",
                    AudienceFormat.GOOGLE,
                    null,
                    false,
                    List.of("email"),
                    null,
                    "t"))
        .hasMessageContaining("'fields' is only for format csv");
  }

  private static List<String> ca(String id, String email) {
    return row(GOOGLE, profile(id, "CA", email, null, true));
  }

  private static ExportRequest request(
      String segment, String destination, boolean sinceLast, Path out) {
    return new ExportRequest(
        segment, AudienceFormat.GOOGLE, destination, sinceLast, List.of(), out, "test");
  }
}
