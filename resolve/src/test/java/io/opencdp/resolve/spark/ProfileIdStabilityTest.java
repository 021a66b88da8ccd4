package io.opencdp.resolve.spark;

import static io.opencdp.resolve.spark.ResolveFixture.anonymous;
import static io.opencdp.resolve.spark.ResolveFixture.customer;
import static io.opencdp.resolve.spark.ResolveFixture.device;
import static io.opencdp.resolve.spark.ResolveFixture.email;
import static io.opencdp.resolve.spark.ResolveFixture.event;
import static io.opencdp.resolve.spark.ResolveFixture.eventId;
import static io.opencdp.resolve.spark.ResolveFixture.phone;
import static io.opencdp.resolve.spark.ResolveFixture.profile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile ids across a history of runs on one workspace: a second full run, new events that merge
 * two persons and touch others, then a config change (a newly blocked phone) that splits one while
 * a new event merges the merged person into an older one.
 */
class ProfileIdStabilityTest {
  private static final String BLOCKED_PHONE = "+15550100099";

  private static ResolveFixture fx;
  private static Map<String, String> first;
  private static List<String> firstMap;
  private static List<Row> firstUpdatedAt;
  private static Map<String, String> secondFull;
  private static List<String> secondFullMap;
  private static List<Row> secondUpdatedAt;
  private static ResolveReport thirdReport;
  private static Map<String, String> third;
  private static List<String> thirdMap;
  private static List<String> thirdAudit;
  private static Map<String, String> thirdFull;
  private static List<String> thirdFullMap;
  private static List<String> thirdFullAudit;
  private static Map<String, String> aliasesAfterThird;
  private static Row yMerge;
  private static Map<String, String> fourth;
  private static Map<String, String> aliasesAfterFourth;
  private static Row xMerge;
  private static Set<String> idsBeforeFourth;

  @BeforeAll
  static void runHistory() {
    fx = new ResolveFixture("profile-ids");
    fx.append(
        // w: the oldest person, four identifiers
        event("w-1", 0, email("w@mail.test"), phone("+15550100010")),
        event("w-2", 1, email("w@mail.test"), device("wdev"), anonymous("wanon")),
        // x (older) and y (newer), two identifiers each
        event("x-1", 10, email("x@mail.test"), phone("+15550100020")),
        event("y-1", 20, anonymous("yanon"), device("ydev")),
        event("bob-1", 30, customer("C2"), email("bob@mail.test")),
        event("ann-1", 31, customer("C1"), email("ann@mail.test")),
        // z: held together by a phone that will be blocked: {z, zdev} on one side, za1 on the other
        event("z-1", 40, email("z@mail.test"), device("zdev"), phone(BLOCKED_PHONE)),
        event("z-2", 41, phone(BLOCKED_PHONE), anonymous("za1")),
        // changed later: a newer version with a second identifier, and an erased event
        event("upd-1", 42, email("upd@mail.test")),
        event("gone-1", 43, email("gone@mail.test"), anonymous("gone-anon")));
    fx.run(ResolveMode.INCREMENTAL);
    first = fx.eventProfiles();
    firstMap = fx.identityMap();
    firstUpdatedAt =
        fx.table(ResolveTables.IDENTITY_MAP).select("updated_at").distinct().collectAsList();

    fx.run(ResolveMode.FULL);
    secondFull = fx.eventProfiles();
    secondFullMap = fx.identityMap();
    secondUpdatedAt =
        fx.table(ResolveTables.IDENTITY_MAP).select("updated_at").distinct().collectAsList();

    fx.append(
        event("xy-1", 50, email("x@mail.test"), anonymous("yanon")),
        event("eve-1", 51, customer("C5"), email("eve@mail.test")),
        event("ann-2", 52, email("ann@mail.test"), phone("+15550100031")));
    fx.replace(event("upd-1", 53, email("upd@mail.test"), phone("+15550100051")));
    fx.delete("gone-1");
    thirdReport = fx.run(ResolveMode.INCREMENTAL);
    third = fx.eventProfiles();
    thirdMap = fx.identityMap();
    thirdAudit = fx.audit();
    fx.run(ResolveMode.FULL);
    thirdFull = fx.eventProfiles();
    thirdFullMap = fx.identityMap();
    thirdFullAudit = fx.audit();
    aliasesAfterThird = fx.aliases();
    yMerge = fx.merge(profile(first, "y-1"));

    idsBeforeFourth =
        Set.copyOf(
            fx.table(ResolveTables.PROFILE_IDS)
                .select("profile_id")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    fx.configure(
        "resolve:\n  guardrails:\n    blocked:\n      exact:\n        phone: [\""
            + BLOCKED_PHONE
            + "\"]\n");
    fx.append(event("wx-1", 60, email("w@mail.test"), email("x@mail.test")));
    fx.run(ResolveMode.INCREMENTAL);
    fourth = fx.eventProfiles();
    aliasesAfterFourth = fx.aliases();
    xMerge = fx.merge(profile(first, "x-1"));
  }

  @Test
  void aSecondFullRunKeepsEveryProfileIdAndRewritesNoRow() {
    assertThat(secondFull).isEqualTo(first);
    assertThat(secondFullMap).isEqualTo(firstMap);
    assertThat(secondUpdatedAt).isEqualTo(firstUpdatedAt);
  }

  @Test
  void anIncrementalRunReadsOnlyTheChangedEventsAndEqualsAFullRun() {
    assertThat(thirdReport.mode()).isEqualTo(ResolveMode.INCREMENTAL);
    assertThat(thirdReport.changedEvents()).isEqualTo(5);
    assertThat(thirdFull).isEqualTo(third);
    assertThat(thirdFullMap).isEqualTo(thirdMap);
    assertThat(thirdFullAudit).isEqualTo(thirdAudit);
  }

  @Test
  void aNewerVersionOfAnEventAndADeletedEventAreSeen() {
    assertThat(profile(third, "gone-1")).isNull();
    assertThat(thirdMap).noneMatch(r -> r.contains("gone@mail.test"));
    assertThat(thirdMap).anyMatch(r -> r.contains("+15550100051"));
    assertThat(profile(third, "upd-1")).isEqualTo(profile(first, "upd-1"));
  }

  @Test
  void personsTheNewEventsDoNotTouchKeepTheirIds() {
    for (String key : List.of("w-1", "w-2", "bob-1", "z-1", "z-2")) {
      assertThat(profile(third, key)).as(key).isEqualTo(profile(first, key));
    }
  }

  @Test
  void aPersonWhoGainsAnIdentifierKeepsItsId() {
    assertThat(profile(third, "ann-2")).isEqualTo(profile(first, "ann-1"));
    assertThat(profile(third, "ann-1")).isEqualTo(profile(first, "ann-1"));
  }

  @Test
  void twoProfilesLinkedByANewEventMergeIntoTheOlderAndTheOtherBecomesAnAlias() {
    String x = profile(first, "x-1");
    String y = profile(first, "y-1");
    assertThat(x).isNotEqualTo(y);
    assertThat(profile(third, "x-1")).isEqualTo(x);
    assertThat(profile(third, "y-1")).isEqualTo(x);
    assertThat(profile(third, "xy-1")).isEqualTo(x);
    assertThat(aliasesAfterThird).containsEntry(y, x);
    assertThat((String) yMerge.getAs("evidence_identifier_type")).isEqualTo("email");
    assertThat((String) yMerge.getAs("evidence_identifier_value")).isEqualTo("x@mail.test");
    assertThat((String) yMerge.getAs("evidence_event_id")).isEqualTo(eventId("xy-1"));
  }

  @Test
  void aNewPersonGetsAnIdNeverUsedBefore() {
    String eve = profile(third, "eve-1");
    assertThat(eve).startsWith("p_").isNotIn(first.values());
  }

  @Test
  void aSplitAfterAValueIsBlockedLeavesTheIdWithTheLargerPartAndGivesTheRestANewOne() {
    String z = profile(first, "z-1");
    assertThat(profile(fourth, "z-1")).isEqualTo(z);
    assertThat(profile(fourth, "z-2")).isNotEqualTo(z).isNotIn(idsBeforeFourth);
  }

  @Test
  void aMergedSurvivorMergedAgainCarriesItsAliasesAlong() {
    String w = profile(first, "w-1");
    String x = profile(first, "x-1");
    String y = profile(first, "y-1");
    assertThat(profile(fourth, "wx-1")).isEqualTo(w);
    assertThat(profile(fourth, "x-1")).isEqualTo(w);
    assertThat(aliasesAfterFourth).containsEntry(x, w).containsEntry(y, w);
    assertThat((String) xMerge.getAs("evidence_identifier_value")).isEqualTo("w@mail.test");
    assertThat(ProfileAliases.resolve(fx.spark, fx.tables, "default", y)).isEqualTo(w);
    assertThat(ProfileAliases.resolve(fx.spark, fx.tables, "default", w)).isEqualTo(w);
  }
}
