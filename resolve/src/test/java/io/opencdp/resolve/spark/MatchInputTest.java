package io.opencdp.resolve.spark;

import static io.opencdp.resolve.spark.ResolveFixture.T0;
import static io.opencdp.resolve.spark.ResolveFixture.phone;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.PersonValues;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.TouchpointEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MatchInputTest {
  @Test
  void readsTheCardsLastFourDigitsFromAStoreLinesCustomProperties() {
    ResolveFixture fixture = new ResolveFixture("match-input");
    fixture.append(
        storeLine("line-1", "Teresa", "Spencer", "0086"),
        storeLine("line-2", "Ethan", "Reed", "12345"),
        storeLine("line-3", "Ana", "Ruiz", null),
        // no name: not a match record
        storeLine("line-4", null, null, "3514"));
    Map<String, String> cards = new HashMap<>();
    List<Row> rows =
        MatchInput.eventValues(fixture.spark.read().format("delta").load(fixture.tables.events()))
            .collectAsList();
    for (Row r : rows) {
      List<String> values = r.getList(r.fieldIndex("values"));
      cards.put(r.getAs("event_id"), values.get(MatchField.CARD_LAST4.ordinal()));
    }
    assertThat(cards)
        .containsOnlyKeys(
            ResolveFixture.eventId("line-1"),
            ResolveFixture.eventId("line-2"),
            ResolveFixture.eventId("line-3"))
        .containsEntry(ResolveFixture.eventId("line-1"), "0086")
        // anything but four digits is no card
        .containsEntry(ResolveFixture.eventId("line-2"), null)
        .containsEntry(ResolveFixture.eventId("line-3"), null);
  }

  @Test
  void theStreamReadsEveryEventOfTheSampleAsTheBatchDoes() {
    // PersonValues.of(event), what the stream calls, against the batch's Spark columns
    Dataset<Row> events =
        SharedSpark.session()
            .read()
            .format("delta")
            .load(ResolvedSample.get().tables.table(EventsTable.NAME));
    Map<String, List<String>> batch = new HashMap<>();
    for (Row r : MatchInput.eventValues(events).collectAsList()) {
      batch.put(r.getAs("event_id"), r.getList(r.fieldIndex("values")));
    }
    int named = 0;
    for (Row r : events.collectAsList()) {
      TouchpointEvent event = EventRows.fromRow(r);
      PersonValues person = PersonValues.of(event);
      assertThat(person.named()).as(event.eventId()).isEqualTo(batch.containsKey(event.eventId()));
      if (person.named()) {
        named++;
        assertThat(Arrays.asList(person.values()))
            .as(event.eventId())
            .isEqualTo(batch.get(event.eventId()));
      }
    }
    assertThat(named).isGreaterThan(7_000); // 7,781 named events in the sample
  }

  private static TouchpointEvent storeLine(String key, String first, String last, String card) {
    var builder =
        TouchpointEvent.builder()
            .channel(Channel.STORE)
            .sourceSystem(ResolveFixture.SOURCE)
            .sourceKey(key)
            .eventType("order_line")
            .occurredAt(T0)
            .receivedAt(T0)
            .person(new PersonAttributes(first, last, null, null, null, null, null))
            .identifier(phone("+15550100007"));
    if (card != null) {
      builder.custom("card_last4", card);
    }
    return builder.build();
  }
}
