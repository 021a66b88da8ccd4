package io.opencdp.resolve.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FebrlRecordsTest {
  private static final String HEADER =
      "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode,"
          + " state, date_of_birth, soc_sec_id\n";

  @TempDir Path dir;

  @Test
  void readsNormalizedValuesAndNeverTheSocialSecurityNumber() throws IOException {
    Path file =
        write(
            HEADER
                + "rec-12-org, Zoë, Berry, 69, giblin st, killarney, bittern, 4814, qld,"
                + " 19990219, 7364009\n");

    List<MatchRecord> records = FebrlRecords.read(file, null);

    MatchRecord r = records.get(0);
    assertThat(r.group()).isEqualTo("rec-12-org");
    assertThat(r.get(MatchField.GIVEN_NAME)).isEqualTo("zoe");
    assertThat(r.get(MatchField.STREET)).isEqualTo("giblin street");
    assertThat(r.get(MatchField.BIRTH_DATE)).isEqualTo("19990219");
    assertThat(r.present().values()).doesNotContain("7364009");
    assertThat(FebrlRecords.entityOf("rec-12-dup-3")).isEqualTo("12");
  }

  @Test
  void aFileWithAnotherHeaderIsRejectedNamingTheExpectedOne() throws IOException {
    Path file = write("id, name\nrec-1-org, ann\n");

    assertThatThrownBy(() -> FebrlRecords.read(file, null))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("is not a Febrl file: expected the header rec_id, given_name");
  }

  @Test
  void aShortLineIsRejectedNamingItsLineNumber() throws IOException {
    Path file = write(HEADER + "rec-1-org, ann, smith\n");

    assertThatThrownBy(() -> FebrlRecords.read(file, null))
        .isInstanceOfSatisfying(
            CdpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
        .hasMessageContaining("line 2 has 3 fields, expected 11");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, text);
    return file;
  }
}
