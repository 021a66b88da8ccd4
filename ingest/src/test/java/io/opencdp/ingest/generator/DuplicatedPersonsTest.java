package io.opencdp.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.generator.DuplicatedPersons.PersonRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicatedPersonsTest {
  private static List<PersonRecord> records(long seed, long records) {
    List<PersonRecord> out = new ArrayList<>();
    for (long chunk = 0; chunk < DuplicatedPersons.chunks(records); chunk++) {
      out.addAll(DuplicatedPersons.chunk(seed, 0.06, chunk, records));
    }
    return out;
  }

  @Test
  void givesTheSameRecordsForTheSameSeedAndTheSmallerScaleAsAPrefix() {
    List<PersonRecord> small = records(42, 1_003);
    assertThat(records(42, 1_003)).isEqualTo(small);
    assertThat(records(42, 5_000).subList(0, 1_003)).isEqualTo(small);
    assertThat(records(43, 1_003)).isNotEqualTo(small);
  }

  @Test
  void knowsItsPersonsAndTruePairsWithoutGeneratingThem() {
    for (long n : new long[] {1, 9, 10, 17, 1_003, 2_000}) {
      List<PersonRecord> records = records(42, n);
      Map<Long, Integer> perPerson = new HashMap<>();
      records.forEach(r -> perPerson.merge(DuplicatedPersons.personOf(r.id()), 1, Integer::sum));
      long pairs = perPerson.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
      assertThat(records).hasSize((int) n);
      assertThat(perPerson).hasSize((int) DuplicatedPersons.persons(n));
      assertThat(pairs).as("true pairs of %s records", n).isEqualTo(DuplicatedPersons.truePairs(n));
    }
  }

  @Test
  void duplicatesDifferFromThePersonsFirstRecord() {
    Map<Long, PersonRecord> first = new HashMap<>();
    int duplicates = 0;
    for (PersonRecord r : records(42, 2_000)) {
      assertThat(r.person()).isEqualTo(DuplicatedPersons.personOf(r.id()));
      if (r.copy() == 0) {
        first.put(r.person(), r);
        assertThat(r.givenName()).isNotBlank();
        assertThat(r.familyName()).isNotBlank();
        continue;
      }
      duplicates++;
      PersonRecord original = first.get(r.person());
      assertThat(r)
          .as("duplicate %s", r.id())
          .usingRecursiveComparison()
          .ignoringFields("id", "copy")
          .isNotEqualTo(original);
    }
    assertThat(duplicates).isEqualTo(800);
  }
}
