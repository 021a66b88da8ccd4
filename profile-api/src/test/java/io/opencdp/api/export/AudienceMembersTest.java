package io.opencdp.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.audience.AudienceMember;
import io.opencdp.schemas.privacy.ConsentRecord;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AudienceMembersTest {
  @Test
  void readsWhatAnExportNeedsFromAnIndexedProfileDocument() {
    ObjectNode doc = ExportFixture.profile("p-1", "US", "old@example.com", "+15550100001", true);
    ExportFixture.contact(doc, "emails", "jane@example.com", true);
    ((ObjectNode) doc.get("emails").get(0)).put("is_primary", false);
    ExportFixture.contact(doc, "customer_ids", "C-1", true);
    ObjectNode identifiers = (ObjectNode) doc.get("identifiers");
    ((ArrayNode) identifiers.get("email")).add("jane@example.com");
    identifiers.putArray("customer_id").add("C-1");
    doc.putObject("search").put("name", "jane doe");
    doc.putArray("activity").addObject().put("event_type", "order_completed");

    ExportProfile profile = AudienceMembers.from(doc);
    AudienceMember member = profile.member();

    assertThat(member.profileId()).isEqualTo("p-1");
    assertThat(member.emails()).containsExactly("jane@example.com", "old@example.com");
    assertThat(member.phones()).containsExactly("+15550100001");
    assertThat(member.customerIds()).containsExactly("C-1");
    assertThat(member.firstName()).isEqualTo("Jane");
    assertThat(member.lastName()).isEqualTo("Doe");
    assertThat(member.city()).isEqualTo("Springfield");
    assertThat(member.region()).isEqualTo("IL");
    assertThat(member.postalCode()).isEqualTo("62701");
    assertThat(member.country()).isEqualTo("US");
    assertThat(member.birthDate()).isEqualTo(LocalDate.of(1985, 4, 12));
    assertThat(member.gender()).isEqualTo("female");
    assertThat(profile.consent())
        .extracting(ConsentRecord::purpose, ConsentRecord::channel, ConsentRecord::granted)
        .containsExactly(
            tuple("email_marketing", "email", true), tuple("ad_targeting", null, true));
    assertThat(profile.identifiers())
        .containsExactlyInAnyOrder(
            new ExportProfile.Identifier("email", "old@example.com"),
            new ExportProfile.Identifier("email", "jane@example.com"),
            new ExportProfile.Identifier("phone", "+15550100001"),
            new ExportProfile.Identifier("customer_id", "C-1"));
  }

  @Test
  void aProfileWithoutValuesHasEmptyListsAndNulls() {
    ObjectNode doc = ExportFixture.profile("p-2", "DE", null, null, false);
    doc.remove("first_name");
    doc.remove("birth_date");
    doc.remove("consent_granted");
    doc.remove("consent");

    ExportProfile profile = AudienceMembers.from(doc);

    assertThat(profile.member().emails()).isEmpty();
    assertThat(profile.member().phones()).isEmpty();
    assertThat(profile.member().firstName()).isNull();
    assertThat(profile.member().birthDate()).isNull();
    assertThat(profile.consent()).isEmpty();
    assertThat(profile.identifiers()).isEmpty();
  }
}
