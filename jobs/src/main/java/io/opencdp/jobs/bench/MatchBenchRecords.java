package io.opencdp.jobs.bench;

import io.opencdp.ingest.generator.DuplicatedPersons;
import io.opencdp.ingest.generator.DuplicatedPersons.PersonRecord;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchValues;
import io.opencdp.resolve.spark.match.MatchRows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The match benchmark's records: {@link DuplicatedPersons} normalized by {@link MatchValues}, the
 * way resolve builds match records from events. Each record is its own group (deduplication); the
 * true person is the id's prefix ({@link DuplicatedPersons#personOf}).
 */
final class MatchBenchRecords {
  private MatchBenchRecords() {}

  /**
   * The first {@code records} records as rows of {@link MatchRows#SCHEMA}, lazily: each task
   * generates its chunks from their index, so nothing passes through the driver.
   */
  static Dataset<Row> dataset(
      SparkSession spark, long records, long seed, double internationalShare, int partitions) {
    long chunks = DuplicatedPersons.chunks(records);
    return spark
        .range(0, chunks, 1, (int) Math.max(1, Math.min(partitions, chunks)))
        .flatMap(
            (FlatMapFunction<Long, Row>) chunk -> rows(seed, internationalShare, chunk, records),
            Encoders.row(MatchRows.SCHEMA));
  }

  /** The first {@code records} records in the driver, in id order. */
  static List<MatchRecord> inMemory(long records, long seed, double internationalShare) {
    List<MatchRecord> out = new ArrayList<>((int) records);
    for (long chunk = 0; chunk < DuplicatedPersons.chunks(records); chunk++) {
      for (PersonRecord p : DuplicatedPersons.chunk(seed, internationalShare, chunk, records)) {
        out.add(toMatchRecord(p));
      }
    }
    return out;
  }

  private static Iterator<Row> rows(
      long seed, double internationalShare, long chunk, long records) {
    List<PersonRecord> people = DuplicatedPersons.chunk(seed, internationalShare, chunk, records);
    List<Row> rows = new ArrayList<>(people.size());
    people.forEach(p -> rows.add(MatchRows.toRow(toMatchRecord(p))));
    return rows.iterator();
  }

  static MatchRecord toMatchRecord(PersonRecord p) {
    String[] v = new String[MatchField.values().length];
    v[MatchField.GIVEN_NAME.ordinal()] = MatchValues.name(p.givenName());
    v[MatchField.FAMILY_NAME.ordinal()] = MatchValues.name(p.familyName());
    // as Febrl's dates are read: a mistyped date is still compared digit by digit
    v[MatchField.BIRTH_DATE.ordinal()] = MatchValues.text(p.birthDate());
    String[] street = MatchValues.street(p.streetLine());
    v[MatchField.HOUSE_NUMBER.ordinal()] = street[0];
    v[MatchField.STREET.ordinal()] = street[1];
    v[MatchField.CITY.ordinal()] = MatchValues.text(p.city());
    v[MatchField.POSTAL_CODE.ordinal()] = MatchValues.postalCode(p.postalCode(), p.country());
    v[MatchField.REGION.ordinal()] = MatchValues.region(p.region(), p.country());
    // phones and emails arrive normalized, as the events' identifiers do
    v[MatchField.PHONE.ordinal()] = p.phone();
    v[MatchField.EMAIL.ordinal()] = p.email();
    return new MatchRecord(p.id(), p.id(), v);
  }
}
