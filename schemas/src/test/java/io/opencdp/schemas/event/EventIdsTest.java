package io.opencdp.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void sameNaturalKeyAlwaysGivesTheSameId() {
    assertThat(EventIds.derive("default", "sendgrid", "sg-1"))
        .isEqualTo(EventIds.derive("default", "sendgrid", "sg-1"))
        .matches("[0-9a-f]{32}");
  }

  @Test
  void idChangesWithWorkspaceSourceSystemAndKey() {
    String id = EventIds.derive("default", "sendgrid", "sg-1");

    assertThat(EventIds.derive("brand_b", "sendgrid", "sg-1")).isNotEqualTo(id);
    assertThat(EventIds.derive("default", "crm", "sg-1")).isNotEqualTo(id);
    assertThat(EventIds.derive("default", "sendgrid", "sg-2")).isNotEqualTo(id);
  }

  @Test
  void partsCannotBeShiftedIntoOneAnotherToCollide() {
    assertThat(EventIds.derive("a", "b-c", "d")).isNotEqualTo(EventIds.derive("a", "b", "c-d"));
  }

  @Test
  void idIsStableAcrossReleases() {
    // Changing the derivation would re-key every stored event: this pins it.
    assertThat(EventIds.derive("default", "pos", "T-1001#2"))
        .isEqualTo(EventIdsTest.sha256Prefix("default\u001fpos\u001fT-1001#2"));
  }

  @Test
  void blankSourceKeyIsRejectedNamingTheField() {
    assertThatThrownBy(() -> EventIds.derive("default", "pos", " "))
        .hasMessage("source_key is blank");
  }

  @Test
  void posLineKeyJoinsTransactionAndLine() {
    assertThat(SourceSystems.posLineKey("T-1001", 2)).isEqualTo("T-1001#2");
    assertThatThrownBy(() -> SourceSystems.posLineKey("T-1001", 0))
        .hasMessageContaining("line_number must be 1 or more");
  }

  @Test
  void sendGridEventsMapToCanonicalEmailTypes() {
    assertThat(EventTypes.forSendGridEvent("group_unsubscribe"))
        .isEqualTo(EventTypes.EMAIL_GROUP_UNSUBSCRIBE);
    assertThatThrownBy(() -> EventTypes.forSendGridEvent("opened"))
        .hasMessageContaining("'opened'");
  }

  private static String sha256Prefix(String input) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
