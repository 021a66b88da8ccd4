package io.opencdp.schemas.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLayoutTest {
  private static final AudienceMember ANN =
      new AudienceMember(
          "p-1",
          List.of("ann@mail.test", "ann2@mail.test"),
          List.of("+15550100001"),
          List.of("c-1"),
          "Ann",
          "Lee, Jr.",
          "Menlo Park",
          "CA",
          "94025",
          "US",
          LocalDate.of(1990, 1, 2),
          "female");

  @Test
  void defaultIsProfileIdAndEveryField() {
    AudienceLayout csv = AudienceLayout.of(AudienceFormat.CSV, List.of());
    assertThat(csv.header())
        .containsExactly(
            "profile_id",
            "email",
            "phone",
            "first_name",
            "last_name",
            "city",
            "region",
            "postal_code",
            "country",
            "birth_date",
            "gender",
            "customer_id");
    assertThat(csv.row(ANN))
        .contains(
            List.of(
                "p-1",
                "ann@mail.test",
                "+15550100001",
                "Ann",
                "Lee, Jr.",
                "Menlo Park",
                "CA",
                "94025",
                "US",
                "1990-01-02",
                "female",
                "c-1"));
  }

  @Test
  void chosenFieldsInTheGivenOrderUnhashedAndNeverEmpty() {
    AudienceLayout csv = AudienceLayout.of(AudienceFormat.CSV, List.of("phone", " email", "phone"));
    assertThat(csv.header()).containsExactly("profile_id", "phone", "email");
    assertThat(csv.row(ANN)).contains(List.of("p-1", "+15550100001", "ann@mail.test"));
    AudienceMember bare =
        new AudienceMember("p-2", null, null, null, null, null, null, null, null, null, null, null);
    assertThat(csv.row(bare)).contains(List.of("p-2", "", ""));
  }

  @Test
  void unknownFieldIsABadArgumentNamingFields() {
    assertThatThrownBy(() -> AudienceLayout.of(AudienceFormat.CSV, List.of("email", "ssn")))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("'ssn'")
        .satisfies(
            e -> {
              assertThat(((CdpException) e).code()).isEqualTo(ErrorCode.BAD_ARGUMENT);
              assertThat(((CdpException) e).parameter()).isEqualTo("fields");
            });
  }

  @Test
  void fileIsRfc4180WithHeaderAndNewlines() {
    AudienceLayout csv = AudienceLayout.of(AudienceFormat.CSV, List.of("last_name", "city"));
    StringWriter out = new StringWriter();
    AudienceCsv file = AudienceCsv.of(out, csv);
    file.row(csv.row(ANN).orElseThrow());
    file.row(List.of("p-3", "say \"hi\"", "line\nbreak"));
    assertThat(file.rows()).isEqualTo(2);
    assertThat(out.toString())
        .isEqualTo(
            "profile_id,last_name,city\n"
                + "p-1,\"Lee, Jr.\",Menlo Park\n"
                + "p-3,\"say \"\"hi\"\"\",\"line\nbreak\"\n");
  }

  @Test
  void createdFileIsUtf8(@TempDir Path dir) throws IOException {
    AudienceLayout csv = AudienceLayout.of(AudienceFormat.CSV, List.of("first_name"));
    Path file = dir.resolve("members.csv");
    try (AudienceCsv out = AudienceCsv.create(file, csv)) {
      out.row(List.of("p-1", "Zoë"));
    }
    assertThat(Files.readAllBytes(file))
        .isEqualTo("profile_id,first_name\np-1,Zoë\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rowOfTheWrongWidthIsRefused() {
    AudienceCsv file = new AudienceCsv(new StringWriter(), List.of("a", "b"));
    assertThatThrownBy(() -> file.row(List.of("x"))).isInstanceOf(IllegalArgumentException.class);
  }
}
