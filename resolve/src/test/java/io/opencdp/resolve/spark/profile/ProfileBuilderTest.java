package io.opencdp.resolve.spark.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lower;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.profile.ConsentState;
import io.opencdp.resolve.spark.ResolvedSample;
import io.opencdp.schemas.segment.ConsentCondition;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden profiles of the committed sample: resolve, then build, then check against the truth. */
class ProfileBuilderTest {
  private static final String[] ATTRIBUTES = {
    "first_name", "last_name", "birth_date", "gender", "address", "email", "phone"
  };

  private static ResolvedSample sample;
  private static ProfileReport report;
  private static SparkSession spark;

  @BeforeAll
  static void buildProfiles() {
    sample = ResolvedSample.get();
    spark = SharedSpark.session();
    report = new ProfileBuilder(spark, sample.config).run();
  }

  @Test
  void everyResolvedProfileHasExactlyOneRow() {
    Dataset<Row> profiles = table(ProfilesTable.NAME);
    Dataset<Row> resolved = table(ProfileBuilder.EVENT_PROFILES).select("profile_id").distinct();

    assertThat(report.profiles()).isEqualTo(sample.resolved.profiles()).isGreaterThan(1000);
    assertThat(profiles.count()).isEqualTo(report.profiles());
    assertThat(profiles.select("profile_id").distinct().count()).isEqualTo(report.profiles());
    assertThat(resolved.except(profiles.select("profile_id")).isEmpty()).isTrue();
    assertThat(report.asOf()).isEqualTo(ResolvedSample.AS_OF);
  }

  @Test
  void everyProvenanceIsAnEventOfTheProfile() {
    Dataset<Row> profiles = table(ProfilesTable.NAME);
    Dataset<Row> provenance = null;
    for (String attribute : ATTRIBUTES) {
      Dataset<Row> ids =
          profiles
              .where(col(attribute).isNotNull())
              .select(col("profile_id"), col(attribute + ".event_id").as("event_id"));
      provenance = provenance == null ? ids : provenance.unionByName(ids);
    }
    Dataset<Row> consent =
        profiles
            .select(col("profile_id"), explode(col("consent")).as("c"))
            .select(col("profile_id"), col("c.event_id").as("event_id"));
    provenance = provenance.unionByName(consent);
    Dataset<Row> membership = table(ProfileBuilder.EVENT_PROFILES).select("event_id", "profile_id");

    assertThat(provenance.count()).isGreaterThan(5000);
    assertThat(
            provenance
                .join(membership, new String[] {"event_id", "profile_id"}, "left_anti")
                .count())
        .isZero();
    assertThat(provenance.join(table("events"), new String[] {"event_id"}, "left_anti").count())
        .isZero();
  }

  @Test
  void knownPersonsGetTheirTrueNamesBirthDatesAndEmails() throws IOException {
    Map<String, Row> byCustomer = new HashMap<>();
    Dataset<Row> owners =
        table(ProfileBuilder.IDENTITY_MAP)
            .where(col("identifier_type").equalTo("customer_id").and(col("shared").equalTo(false)))
            .select(col("identifier_value").as("customer_id"), col("profile_id"));
    for (Row r :
        owners
            .join(table(ProfilesTable.NAME), "profile_id")
            .select(
                col("customer_id"),
                lower(col("first_name.value")).as("first_name"),
                lower(col("last_name.value")).as("last_name"),
                col("birth_date.value").cast("string").as("birth_date"),
                col("email.value").as("email"),
                col("emails.value").as("emails"),
                col("traits.order_count").as("orders"))
            .collectAsList()) {
      byCustomer.put(r.getAs("customer_id"), r);
    }
    List<String[]> persons =
        Files.readAllLines(sample.sampleDir.resolve("truth/persons.csv")).stream()
            .skip(1)
            .map(ProfileBuilderTest::csvFields)
            .filter(f -> f.length == 18 && !f[13].isEmpty())
            .toList();
    int found = 0;
    int first = 0;
    int last = 0;
    int birth = 0;
    int email = 0;
    for (String[] p : persons) {
      Row profile = byCustomer.get(p[13]);
      if (profile == null) {
        continue;
      }
      found++;
      first += p[2].toLowerCase().equals(profile.getAs("first_name")) ? 1 : 0;
      last += p[3].toLowerCase().equals(profile.getAs("last_name")) ? 1 : 0;
      birth += p[5].equals(profile.getAs("birth_date")) ? 1 : 0;
      email += p[11].equals(profile.getAs("email")) ? 1 : 0;
    }
    System.out.printf(
        "golden values vs truth over %d of %d customers: first %.3f last %.3f birth %.3f email"
            + " %.3f%n",
        found,
        persons.size(),
        first / (double) found,
        last / (double) found,
        birth / (double) found,
        email / (double) found);
    assertThat(found).isGreaterThan(persons.size() * 3 / 4);
    assertThat(first / (double) found).isGreaterThan(0.9);
    assertThat(last / (double) found).isGreaterThan(0.95);
    assertThat(birth / (double) found).isGreaterThan(0.95);
    assertThat(email / (double) found).isGreaterThan(0.98);
  }

  @Test
  void traitsAreInTheReportingCurrencyAndCustomTraitsAreComputed() {
    Dataset<Row> profiles = table(ProfilesTable.NAME);

    assertThat(
            profiles.select("traits.total_spend.currency").distinct().collectAsList().stream()
                .map(r -> r.getString(0))
                .toList())
        .containsExactly("USD");
    assertThat(profiles.where(col("traits.order_count").gt(0)).count()).isGreaterThan(500);
    assertThat(profiles.where(col("traits.rfm").isNotNull()).count())
        .isEqualTo(profiles.where(col("traits.order_count").gt(0)).count());
    assertThat(profiles.where(col("traits.email_delivered_30d").gt(0)).count()).isPositive();
    assertThat(profiles.where(col("custom_traits.web_orders").isNotNull()).count())
        .isEqualTo(report.profiles());
    assertThat(profiles.where(col("as_of").equalTo(ResolvedSample.AS_OF)).count())
        .isEqualTo(report.profiles());
    assertThat(
            profiles
                .where(
                    col("traits.call_contacts").gt(0).and(col("traits.last_call_reason").isNull()))
                .count())
        .isLessThan(profiles.where(col("traits.call_contacts").gt(0)).count() / 10);
  }

  @Test
  void aFullRebuildOfUnchangedProfilesRewritesNoRow() {
    String location = sample.tables.table(ProfilesTable.NAME);
    long before = io.delta.tables.DeltaTable.forPath(spark, location).history(1).head().getLong(0);

    ProfileReport again = new ProfileBuilder(spark, sample.config).run();

    assertThat(again.profiles()).isEqualTo(report.profiles());
    Dataset<Row> changes =
        spark
            .read()
            .format("delta")
            .option("readChangeFeed", "true")
            .option("startingVersion", before + 1)
            .load(location);
    assertThat(changes.count()).isZero();
  }

  @Test
  void rebuildingSomeProfilesReplacesOnlyTheirRows() {
    Set<String> some =
        table(ProfilesTable.NAME)
            .select("profile_id")
            .orderBy("profile_id")
            .limit(3)
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .collect(Collectors.toSet());
    Instant before = Instant.now();

    ProfileReport partial = new ProfileBuilder(spark, sample.config).run(ProfileScope.only(some));

    Dataset<Row> profiles = table(ProfilesTable.NAME);
    assertThat(partial.profiles()).isEqualTo(3);
    assertThat(profiles.count()).isEqualTo(report.profiles());
    assertThat(
            profiles
                .where(col("updated_at").geq(before))
                .select("profile_id")
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .collect(Collectors.toSet()))
        .isEqualTo(some);
  }

  /** The fields of one RFC 4180 line (a street may be quoted and hold a comma). */
  private static String[] csvFields(String line) {
    List<String> fields = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }

  @Test
  void webConsentBannerChoicesGiveMostWebVisitorsAdTargetingConsent() {
    Map<String, List<ConsentState>> byProfile = new HashMap<>();
    for (Row r :
        table(ProfilesTable.NAME)
            .select(col("profile_id"), explode(col("consent")).as("c"))
            .select(
                col("profile_id"),
                col("c.purpose"),
                col("c.channel"),
                col("c.granted"),
                col("c.source"),
                col("c.event_id"),
                expr("unix_millis(c.changed_at)").as("changed_at"))
            .collectAsList()) {
      byProfile
          .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(
              new ConsentState(
                  r.getString(1),
                  r.getString(2),
                  r.getBoolean(3),
                  r.getString(4),
                  r.getString(5),
                  Instant.ofEpochMilli(r.getLong(6))));
    }
    List<ConsentState> adTargeting =
        byProfile.values().stream()
            .flatMap(List::stream)
            .filter(c -> c.purpose().equals("ad_targeting"))
            .toList();
    long withChoice =
        byProfile.values().stream()
            .filter(states -> states.stream().anyMatch(c -> c.purpose().equals("ad_targeting")))
            .count();
    long granted =
        byProfile.values().stream()
            .filter(states -> ConsentState.isGranted(states, "ad_targeting", null))
            .count();
    String key = ConsentCondition.grantedKey("ad_targeting", null);
    long grantedKeys =
        byProfile.values().stream()
            .filter(states -> ConsentState.grantedKeys(states).contains(key))
            .count();

    // the sample's web visitors (about half the persons) chose on the consent banner
    assertThat(adTargeting)
        .allSatisfy(
            c -> {
              assertThat(c.channel()).isNull();
              assertThat(c.source()).isEqualTo("segment_consent_preferences");
            });
    assertThat(withChoice).isGreaterThan(900);
    assertThat((double) granted / withChoice).isBetween(0.55, 0.7);
    assertThat(grantedKeys).isEqualTo(granted);
    assertThat(
            byProfile.values().stream()
                .filter(states -> ConsentState.isGranted(states, "ad_targeting", "email"))
                .count())
        .isEqualTo(granted);
  }

  private static Dataset<Row> table(String name) {
    return spark.read().format("delta").load(sample.tables.table(name));
  }
}
