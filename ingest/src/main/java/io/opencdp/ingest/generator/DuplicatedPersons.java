package io.opencdp.ingest.generator;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Person records with known duplicates, as a matching benchmark needs them. Each person is drawn
 * from the seed and their index with the generator's own name, place, phone and email lists, and
 * has one to three records: the first says what the person says (Febrl's "original"), the others
 * are duplicates with one to three Febrl-style slips ({@link Slips}: a typo in a name, a nickname,
 * digits slipped in a date, phone or postal code, a missing field).
 *
 * <p>Records come in chunks of {@value #CHUNK_RECORDS}: six persons with 1, 1, 1, 2, 2 and 3
 * records. So the persons and true pairs of n records are known without generating them, a chunk
 * can be generated anywhere (a Spark task) from its index alone, and chunk k holds the same records
 * at every scale: the first 100k records of the 1M set are the 100k set.
 */
public final class DuplicatedPersons {
  /** Records per chunk. */
  public static final int CHUNK_RECORDS = 10;

  /** Records of each person of a chunk, in person order; they add up to {@link #CHUNK_RECORDS}. */
  private static final int[] CHUNK = {1, 1, 1, 2, 2, 3};

  private static final long SALT = 0x4d41_5443_4845L;
  private static final long COPY_SALT = 0x434f_5059_0000L;
  private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  /**
   * One record as a source system holds it, before normalization. Values other than the ids may be
   * null (absent); {@code birthDate} is {@code yyyyMMdd} and, after a slip, need not be a date.
   *
   * @param id {@code <person, 9 digits>-<copy>}: sorts by person, {@link #personOf} reads it back
   * @param person the true person's index
   * @param copy 0 for the person's first record, 1 and 2 for duplicates
   */
  public record PersonRecord(
      String id,
      long person,
      int copy,
      String givenName,
      String familyName,
      String birthDate,
      String streetLine,
      String city,
      String postalCode,
      String region,
      String country,
      String phone,
      String email)
      implements Serializable {
    public PersonRecord {
      requireNonNull(id, "id is null");
      requireNonNull(country, "country is null");
    }
  }

  private DuplicatedPersons() {}

  /** The chunks holding {@code records} records (the last one may be cut short). */
  public static long chunks(long records) {
    return (records + CHUNK_RECORDS - 1) / CHUNK_RECORDS;
  }

  /** Persons among the first {@code records} records. */
  public static long persons(long records) {
    long full = records / CHUNK_RECORDS;
    long persons = full * CHUNK.length;
    long rest = records % CHUNK_RECORDS;
    for (int i = 0; i < CHUNK.length && rest > 0; i++) {
      persons++;
      rest -= CHUNK[i];
    }
    return persons;
  }

  /** Pairs of records of one person among the first {@code records} records. */
  public static long truePairs(long records) {
    long full = records / CHUNK_RECORDS;
    long perChunk = 0;
    for (int size : CHUNK) {
      perChunk += (long) size * (size - 1) / 2;
    }
    long pairs = full * perChunk;
    long rest = records % CHUNK_RECORDS;
    for (int i = 0; i < CHUNK.length && rest > 0; i++) {
      long size = Math.min(CHUNK[i], rest);
      pairs += size * (size - 1) / 2;
      rest -= size;
    }
    return pairs;
  }

  /** The person of a record id. */
  public static long personOf(String id) {
    return Long.parseLong(id.substring(0, id.indexOf('-')));
  }

  /**
   * The records of chunk {@code chunk}, leaving out those at or past {@code records}.
   *
   * @param internationalShare share of persons living in GB or DE (generator.international_share)
   */
  public static List<PersonRecord> chunk(
      long seed, double internationalShare, long chunk, long records) {
    List<PersonRecord> out = new ArrayList<>(CHUNK_RECORDS);
    long recordIndex = chunk * CHUNK_RECORDS;
    long person = chunk * CHUNK.length;
    for (int size : CHUNK) {
      if (recordIndex >= records) {
        break;
      }
      String[] truth = person(seed, internationalShare, person);
      for (int copy = 0; copy < size && recordIndex < records; copy++, recordIndex++) {
        String[] values = truth.clone();
        if (copy > 0) {
          Slips.apply(Rand.stream(seed, COPY_SALT, person * 4 + copy), values);
        }
        out.add(record(person, copy, values));
      }
      person++;
    }
    return out;
  }

  /** A person's values, indexed as {@link Slips} reads them; absent ones are null. */
  private static String[] person(long seed, double internationalShare, long index) {
    SplittableRandom r = Rand.stream(seed, SALT, index);
    Places.City city = Places.city(r, internationalShare);
    String country = city.country();
    String given = Rand.pick(r, PersonFactory.firstNames(country, r.nextBoolean()));
    String family = Rand.pick(r, PersonFactory.lastNames(country));
    String[] v = new String[Slips.FIELDS];
    v[Slips.GIVEN] = given;
    v[Slips.FAMILY] = family;
    v[Slips.BIRTH] = REFERENCE.minusDays(Rand.between(r, 18 * 365, 90 * 365)).format(BASIC);
    v[Slips.STREET] = Places.street(r, city);
    v[Slips.CITY] = city.name();
    v[Slips.POSTAL] = Places.postalCode(r, city);
    v[Slips.REGION] = city.state();
    v[Slips.PHONE] = Phones.personal(seed, index, city, r);
    v[Slips.EMAIL] = Emails.personal(r, given, family, country, index);
    v[Slips.COUNTRY] = country;
    // what the person's records never say: not every customer gives every field
    if (Rand.chance(r, 0.10)) {
      v[Slips.BIRTH] = null;
    }
    if (Rand.chance(r, 0.05)) {
      v[Slips.STREET] = null;
      v[Slips.POSTAL] = null;
    }
    if (Rand.chance(r, 0.20)) {
      v[Slips.PHONE] = null;
    }
    if (Rand.chance(r, 0.25)) {
      v[Slips.EMAIL] = null;
    }
    return v;
  }

  private static PersonRecord record(long person, int copy, String[] v) {
    String digits = Long.toString(person);
    String id = "0".repeat(Math.max(0, 9 - digits.length())) + digits + "-" + copy;
    return new PersonRecord(
        id,
        person,
        copy,
        v[Slips.GIVEN],
        v[Slips.FAMILY],
        v[Slips.BIRTH],
        v[Slips.STREET],
        v[Slips.CITY],
        v[Slips.POSTAL],
        v[Slips.REGION],
        v[Slips.COUNTRY],
        v[Slips.PHONE],
        v[Slips.EMAIL]);
  }
}
