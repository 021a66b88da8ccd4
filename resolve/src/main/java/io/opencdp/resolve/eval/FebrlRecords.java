package io.opencdp.resolve.eval;

import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchValues;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Febrl data set ({@code rec_id, given_name, surname, street_number, address_1, address_2,
 * suburb, postcode, state, date_of_birth, soc_sec_id}) into match records. {@code soc_sec_id} is
 * never read: real customer data has no such key, and with it Febrl is trivial.
 */
public final class FebrlRecords {
  private static final List<String> HEADER =
      List.of(
          "rec_id",
          "given_name",
          "surname",
          "street_number",
          "address_1",
          "address_2",
          "suburb",
          "postcode",
          "state",
          "date_of_birth",
          "soc_sec_id");

  private FebrlRecords() {}

  /**
   * The file's records.
   *
   * @param group the group of every record, or null to give each record its own (deduplication)
   */
  public static List<MatchRecord> read(Path file, String group) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CdpException(ErrorCode.INPUT_NOT_FOUND, "cannot read Febrl file " + file, e);
    }
    if (lines.isEmpty() || !split(lines.get(0)).equals(HEADER)) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          file + " is not a Febrl file: expected the header " + String.join(", ", HEADER));
    }
    List<MatchRecord> records = new ArrayList<>(lines.size());
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      List<String> cells = split(lines.get(n));
      if (cells.size() != HEADER.size()) {
        throw new CdpException(
            ErrorCode.BAD_ARGUMENT,
            file
                + " line "
                + (n + 1)
                + " has "
                + cells.size()
                + " fields, expected "
                + HEADER.size());
      }
      Map<MatchField, String> fields = new EnumMap<>(MatchField.class);
      // the same normalization as the platform's own records (MatchValues)
      fields.put(MatchField.GIVEN_NAME, MatchValues.name(cells.get(1)));
      fields.put(MatchField.FAMILY_NAME, MatchValues.name(cells.get(2)));
      fields.put(MatchField.HOUSE_NUMBER, MatchValues.text(cells.get(3)));
      fields.put(MatchField.STREET, MatchValues.street(cells.get(4))[1]);
      fields.put(MatchField.LOCALITY, MatchValues.text(cells.get(5)));
      fields.put(MatchField.CITY, MatchValues.text(cells.get(6)));
      fields.put(MatchField.POSTAL_CODE, MatchValues.postalCode(cells.get(7), "AU"));
      fields.put(MatchField.REGION, MatchValues.region(cells.get(8), "AU"));
      fields.put(MatchField.BIRTH_DATE, MatchValues.text(cells.get(9)));
      String id = cells.get(0);
      records.add(MatchRecord.of(id, group == null ? id : group, fields));
    }
    return records;
  }

  /** The true entity of a record id: {@code rec-12-org} and {@code rec-12-dup-3} are {@code 12}. */
  public static String entityOf(String recordId) {
    int dash = recordId.indexOf('-', 4);
    if (!recordId.startsWith("rec-") || dash < 0) {
      throw new CdpException(ErrorCode.BAD_ARGUMENT, "not a Febrl record id: " + recordId);
    }
    return recordId.substring(4, dash);
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.split(",", -1)) {
      cells.add(cell.trim().toLowerCase(Locale.ROOT));
    }
    return cells;
  }
}
