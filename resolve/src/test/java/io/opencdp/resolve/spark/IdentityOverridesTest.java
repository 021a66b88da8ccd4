package io.opencdp.resolve.spark;

import static io.opencdp.resolve.spark.ResolveFixture.anonymous;
import static io.opencdp.resolve.spark.ResolveFixture.customer;
import static io.opencdp.resolve.spark.ResolveFixture.device;
import static io.opencdp.resolve.spark.ResolveFixture.email;
import static io.opencdp.resolve.spark.ResolveFixture.event;
import static io.opencdp.resolve.spark.ResolveFixture.phone;
import static io.opencdp.resolve.spark.ResolveFixture.profile;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.overrides.OverrideRow;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.event.IdentifierType;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** never_link and force_split overrides, recorded between two runs and honoured by the second. */
class IdentityOverridesTest {
  private static final IdentifierKey ANN_EMAIL = key(IdentifierType.EMAIL, "ann@mail.test");
  private static final IdentifierKey ANN_PHONE = key(IdentifierType.PHONE, "+15550100041");
  private static final IdentifierKey DAN_DEVICE = key(IdentifierType.DEVICE_ID, "dan-dev");

  private static ResolveFixture fx;
  private static IdentityOverrides overrides;
  private static Map<String, String> before;
  private static Map<String, String> after;
  private static IdentityOverride split;
  private static List<Row> audit;
  private static Map<String, String> deviceProfile;

  @BeforeAll
  static void resolveOverrideResolve() {
    fx = new ResolveFixture("overrides");
    fx.append(
        event("ann-1", 0, customer("C1"), email("ann@mail.test"), device("ann-dev")),
        event("ann-2", 1, email("ann@mail.test"), phone("+15550100041")),
        event("ann-3", 2, phone("+15550100041"), anonymous("ann-anon")),
        event("dan-1", 10, customer("C7"), email("dan@mail.test")),
        event("dan-2", 11, email("dan@mail.test"), device("dan-dev")));
    fx.run(ResolveMode.INCREMENTAL);
    before = fx.eventProfiles();

    overrides = new IdentityOverrides(fx.spark, fx.config);
    overrides.neverLink(ANN_EMAIL, ANN_PHONE, "two people share this phone");
    split = overrides.split(profile(before, "dan-1"), List.of(DAN_DEVICE), "a tablet sold on");
    fx.run(ResolveMode.INCREMENTAL);
    after = fx.eventProfiles();
    audit = fx.table(ResolveTables.IDENTITY_LINK_AUDIT).collectAsList();
    deviceProfile = new java.util.HashMap<>();
    for (Row r :
        fx.table(ResolveTables.IDENTITY_MAP)
            .where(col("identifier_type").equalTo("device_id"))
            .collectAsList()) {
      deviceProfile.put(r.getAs("identifier_value"), r.getAs("profile_id"));
    }
  }

  @Test
  void aNeverLinkOverrideSplitsTheProfileAndThePartSharingMostKeepsTheId() {
    String ann = profile(before, "ann-1");
    assertThat(profile(before, "ann-3")).isEqualTo(ann);
    assertThat(profile(after, "ann-1")).isEqualTo(ann);
    assertThat(profile(after, "ann-2")).isEqualTo(ann);
    assertThat(profile(after, "ann-3")).isNotEqualTo(ann);
    assertThat(audit)
        .anyMatch(
            r ->
                "never_link_override".equals(r.getAs("rule"))
                    && "ann@mail.test".equals(r.getAs("left_value"))
                    && "+15550100041".equals(r.getAs("right_value")));
  }

  @Test
  void aForcedSplitMovesTheIdentifierToANewProfile() {
    String dan = profile(before, "dan-1");
    assertThat(split.profileId()).isEqualTo(dan);
    assertThat(split.kept()).isEqualTo(2);
    assertThat(deviceProfile.get("dan-dev")).isNotEqualTo(dan);
    assertThat(profile(after, "dan-1")).isEqualTo(dan);
    assertThat(audit).anyMatch(r -> "split_override".equals(r.getAs("rule")));
  }

  @Test
  void queuedRowsAreAppendedOnceAndAStaleSplitIsRecordedAsRequested() {
    String dan = profile(after, "dan-1");
    OverrideRow never =
        OverrideRow.neverLink(
            "default",
            key(IdentifierType.CUSTOMER_ID, "C1"),
            key(IdentifierType.CUSTOMER_ID, "C7"),
            "queued",
            "ops");
    // dan-dev left the profile at the last run: the split is stale, kept as the operator saw it
    OverrideRow stale =
        OverrideRow.forceSplit(
            "default",
            dan,
            List.of(DAN_DEVICE),
            List.of(key(IdentifierType.CUSTOMER_ID, "C7")),
            "queued",
            "ops");
    long rows = fx.table(ResolveTables.IDENTITY_OVERRIDES).count();

    assertThat(overrides.appendAbsent(List.of(never, stale)))
        .containsExactly(never.overrideId(), stale.overrideId());
    assertThat(overrides.appendAbsent(List.of(never, stale))).isEmpty();

    assertThat(fx.table(ResolveTables.IDENTITY_OVERRIDES).count()).isEqualTo(rows + 2);
    Row split =
        fx.table(ResolveTables.IDENTITY_OVERRIDES)
            .where(col("override_id").equalTo(stale.overrideId()))
            .first();
    assertThat((String) split.getAs("profile_id")).isEqualTo(dan);
    assertThat((String) split.getAs("created_by")).isEqualTo("ops");
    assertThat(split.<Row>getList(split.fieldIndex("kept"))).hasSize(1);
  }

  @Test
  void aSplitOfAnUnknownProfileIsRejected() {
    assertThatThrownBy(() -> overrides.split("p_nobody", List.of(DAN_DEVICE), null))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("unknown profile 'p_nobody'");
  }

  @Test
  void aSplitOfAnIdentifierNotOnTheProfileIsRejected() {
    String ann = profile(after, "ann-1");
    assertThatThrownBy(() -> overrides.split(ann, List.of(DAN_DEVICE), null))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("device_id:dan-dev is not an identifier of profile " + ann);
  }

  @Test
  void aSplitThatWouldMoveEverythingIsRejected() {
    String dan = profile(after, "dan-1");
    assertThatThrownBy(
            () ->
                overrides.split(
                    dan,
                    List.of(
                        key(IdentifierType.CUSTOMER_ID, "C7"),
                        key(IdentifierType.EMAIL, "dan@mail.test")),
                    null))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("would leave nothing");
  }

  @Test
  void neverLinkingAnIdentifierWithItselfIsRejected() {
    assertThatThrownBy(() -> overrides.neverLink(ANN_EMAIL, ANN_EMAIL, null))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("the same identifier");
  }

  @Test
  void aWithdrawnOverrideNoLongerAppliesAndCannotBeWithdrawnTwice() {
    IdentifierKey other = key(IdentifierType.EMAIL, "nobody@mail.test");
    IdentityOverride recorded = overrides.neverLink(ANN_EMAIL, other, "checking");
    assertThat(
            IdentityOverrides.rules(fx.spark, fx.tables, fx.config.workspace()).constrains(other))
        .isTrue();

    overrides.withdraw(recorded.overrideId(), "a mistake");

    assertThat(
            IdentityOverrides.rules(fx.spark, fx.tables, fx.config.workspace()).constrains(other))
        .isFalse();
    assertThat(
            fx.table(ResolveTables.IDENTITY_OVERRIDES)
                .where(col("override_id").equalTo(recorded.overrideId()))
                .collectAsList())
        .singleElement()
        .satisfies(r -> assertThat(r.<Boolean>getAs("active")).isFalse());
    assertThatThrownBy(() -> overrides.withdraw(recorded.overrideId(), null))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("withdrawn already");
    assertThatThrownBy(() -> overrides.withdraw("ovr-unknown", null))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("no identity override 'ovr-unknown'");
  }

  private static IdentifierKey key(IdentifierType type, String value) {
    return IdentifierKey.of(type, value);
  }
}
