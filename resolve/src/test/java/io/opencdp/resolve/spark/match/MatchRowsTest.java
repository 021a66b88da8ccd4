package io.opencdp.resolve.spark.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.schemas.config.CdpConfig;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class MatchRowsTest {
  @Test
  void recordsSurviveTheTripThroughADataset() {
    List<MatchRecord> records =
        List.of(
            MatchRecord.of(
                "r1", "g1", Map.of(MatchField.GIVEN_NAME, "ann", MatchField.POSTAL_CODE, "2000")),
            MatchRecord.of("r2", "g2", Map.of()));

    List<MatchRecord> back =
        MatchRows.toDataset(SharedSpark.session(), records).collectAsList().stream()
            .map(MatchRows::toRecord)
            .toList();

    assertThat(back).isEqualTo(records);
  }

  @Test
  void rowsRoundTripWithoutSpark() {
    MatchRecord record = MatchRecord.of("r1", "g1", Map.of(MatchField.CITY, "bega"));

    assertThat(MatchRows.toRecord(MatchRows.toRow(record))).isEqualTo(record);
  }

  @Test
  void aBlankValueInARowIsAbsent() {
    String[] values = new String[MatchField.values().length];
    values[MatchField.CITY.ordinal()] = "  ";
    Dataset<Row> rows =
        SharedSpark.session()
            .createDataFrame(List.of(RowFactory.create("r1", "g1", values)), MatchRows.SCHEMA);

    assertThat(MatchRows.toRecord(rows.first()).get(MatchField.CITY)).isNull();
  }

  @Test
  void rejectsInputWithoutTheValuesColumnNamingIt() {
    Dataset<Row> noValues = MatchRows.toDataset(SharedSpark.session(), List.of()).drop("values");

    assertThatThrownBy(() -> new SparkMatcher(defaults()).candidates(noValues))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column values array<string>");
  }

  private static MatchSettings defaults() {
    return MatchSettings.from(CdpConfig.defaults().resolve().match());
  }
}
