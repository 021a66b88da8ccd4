package io.opencdp.resolve.spark;

import static io.opencdp.resolve.spark.ResolveFixture.T0;
import static io.opencdp.resolve.spark.ResolveFixture.event;
import static io.opencdp.resolve.spark.ResolveFixture.eventId;
import static io.opencdp.resolve.spark.ResolveFixture.id;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resolve job on a hand-built events table: links, junk values, family contacts, shared
 * devices.
 */
class ResolveJobTest {
  private static Map<String, String> profileOfEvent;
  private static List<Row> audit;

  @BeforeAll
  static void resolveHandBuiltEvents() {
    SparkSession spark = SharedSpark.session();
    CdpConfig config = CdpConfig.defaults().withWorkDir(SharedSpark.newTableDir("resolve-job"));
    TableLocations tables = TableLocations.of(config);

    List<TouchpointEvent> events = new ArrayList<>();
    // ann: web login (customer id + email), then a store visit by phone + email
    events.add(
        event(
            "ann-1",
            0,
            "Ann",
            "Lee",
            id(IdentifierType.CUSTOMER_ID, "C1"),
            id(IdentifierType.EMAIL, "ann@mail.test")));
    events.add(
        event(
            "ann-2",
            1,
            "Ann",
            "Lee",
            id(IdentifierType.EMAIL, "ann@mail.test"),
            id(IdentifierType.PHONE, "+15550100001")));
    // bob: unrelated
    events.add(
        event(
            "bob-1",
            2,
            "Bob",
            "Ray",
            id(IdentifierType.CUSTOMER_ID, "C2"),
            id(IdentifierType.EMAIL, "bob@mail.test")));
    // 50 different people typing the junk address: must not merge
    for (int i = 0; i < 50; i++) {
      events.add(
          event(
              "junk-" + i,
              10 + i,
              "P" + i,
              "Q" + i,
              id(IdentifierType.CUSTOMER_ID, "J" + i),
              id(IdentifierType.EMAIL, "test@test.com")));
    }
    // a family email used by two members with their own customer ids: the customer-id limit keeps
    // them apart
    events.add(
        event(
            "fam-1",
            100,
            "Kim",
            "Park",
            id(IdentifierType.CUSTOMER_ID, "F1"),
            id(IdentifierType.EMAIL, "park.family@mail.test")));
    events.add(
        event(
            "fam-2",
            101,
            "Joon",
            "Park",
            id(IdentifierType.CUSTOMER_ID, "F2"),
            id(IdentifierType.EMAIL, "park.family@mail.test")));

    // an email-only event (an ESP open) to the family address cannot be credited to either member
    events.add(event("fam-3", 102, id(IdentifierType.EMAIL, "park.family@mail.test")));

    List<Row> rows = events.stream().map(e -> EventRows.toRow(e, "test-run", T0)).toList();
    DeltaTables.createIfNotExists(
        spark, tables.events(), EventsTable.SCHEMA, EventsTable.PARTITION_COLUMNS);
    spark
        .createDataFrame(rows, EventsTable.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(tables.events());

    new ResolveJob(spark, config).run();

    profileOfEvent = new HashMap<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(tables.table(ResolveTables.EVENT_PROFILES))
            .collectAsList()) {
      profileOfEvent.put(r.getAs("event_id"), r.getAs("profile_id"));
    }
    audit =
        spark
            .read()
            .format("delta")
            .load(tables.table(ResolveTables.IDENTITY_LINK_AUDIT))
            .where(col("rule").isNotNull())
            .collectAsList();
  }

  @Test
  void eventsSharingAnIdentifierBelongToOneProfile() {
    assertThat(profileOfEvent.get(eventId("ann-1")))
        .isEqualTo(profileOfEvent.get(eventId("ann-2")));
    assertThat(profileOfEvent.get(eventId("ann-1")))
        .isNotEqualTo(profileOfEvent.get(eventId("bob-1")));
  }

  @Test
  void junkEmailThatWouldMergeFiftyPeopleIsBlockedAndAudited() {
    long distinct =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> profileOfEvent.get(eventId("junk-" + i)))
            .distinct()
            .count();
    assertThat(distinct).isEqualTo(50);
    assertThat(audit)
        .anyMatch(
            r ->
                "blocked_value".equals(r.getAs("rule"))
                    && "test@test.com".equals(r.getAs("left_value")));
  }

  @Test
  void familyMembersWithTheirOwnCustomerIdsStayApart() {
    assertThat(profileOfEvent.get(eventId("fam-1")))
        .isNotEqualTo(profileOfEvent.get(eventId("fam-2")));
  }

  @Test
  void anIdentifierTheLimitCutFromASecondCustomerIsSharedAndCreditsNoOne() {
    assertThat(profileOfEvent).doesNotContainKey(eventId("fam-3"));
    assertThat(audit)
        .anyMatch(
            r ->
                "shared_identifier".equals(r.getAs("rule"))
                    && "park.family@mail.test".equals(r.getAs("left_value")));
  }

  @Test
  void profileIdsAreStableAcrossRuns() {
    assertThat(profileOfEvent.get(eventId("bob-1"))).startsWith("p_").hasSize(18);
  }
}
