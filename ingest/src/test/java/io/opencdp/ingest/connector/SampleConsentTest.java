package io.opencdp.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed sample's web consent banner through the connectors: channel-less {@code
 * ad_targeting} and {@code analytics} changes from {@code context.consent.categoryPreferences},
 * granted at their latest change by roughly 55-65% of the persons with web activity (by the truth
 * files), and nothing for anyone else.
 */
class SampleConsentTest {
  private static final IngestConfig INGEST = AbstractConnectorConformanceTest.INGEST;
  private static final Instant INGESTED_AT = Instant.parse("2026-12-01T00:00:00Z");
  private static final String SOURCE = "segment_consent_preferences";

  /** Consent changes by true person, and the persons with any web record. */
  private static final Map<String, List<ConsentChange>> CHANGES = new HashMap<>();

  private static final Set<String> WEB_PERSONS = new HashSet<>();
  private static final List<String> OFF_WEB = new ArrayList<>();

  @BeforeAll
  static void parseSample() throws IOException {
    Path root = SampleDataReconciliationTest.sampleData();
    assumeTrue(root != null, "no sample-data/manifest.json in the repository");
    Map<String, String> truth = new HashMap<>();
    List<String> rows = Files.readAllLines(root.resolve("truth/records.csv"));
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      truth.put(f[0] + "#" + f[1], f[2]);
      if (f[0].startsWith("web/")) {
        WEB_PERSONS.add(f[2]);
      }
    }
    JsonNode manifest = Json.mapper().readTree(root.resolve("manifest.json").toFile());
    Iterator<String> files = manifest.path("files").fieldNames();
    while (files.hasNext()) {
      String relative = files.next();
      Connector connector =
          Connectors.create(
              SampleDataReconciliationTest.sourceOf(relative).name(), INGEST, "default");
      try (InputStream in = Files.newInputStream(root.resolve(relative))) {
        LandedFileParser.parse(
            in,
            relative,
            connector,
            INGEST.maxLineBytes(),
            INGESTED_AT,
            result -> {
              if (result instanceof ParseResult.Parsed parsed) {
                add(parsed.event(), relative, truth);
              }
            });
      }
    }
  }

  private static void add(TouchpointEvent event, String file, Map<String, String> truth) {
    for (ConsentChange change : event.consent()) {
      if (!change.source().equals(SOURCE)) {
        continue;
      }
      if (!file.startsWith("web/")) {
        OFF_WEB.add(file + ":" + event.sourceRef().line());
      }
      String person = truth.get(file + "#" + event.sourceRef().line());
      CHANGES.computeIfAbsent(person, k -> new ArrayList<>()).add(change);
    }
  }

  @Test
  void bannerChoicesAreChannelLessAdTargetingAndAnalyticsChangesOnWebEventsOnly() {
    assertThat(OFF_WEB).isEmpty();
    assertThat(CHANGES).isNotEmpty();
    assertThat(CHANGES.values().stream().flatMap(List::stream))
        .allSatisfy(
            c -> {
              assertThat(c.purpose()).isIn("ad_targeting", "analytics");
              assertThat(c.channel()).isNull();
            });
    assertThat(WEB_PERSONS).containsAll(CHANGES.keySet());
  }

  @Test
  void mostPersonsWithWebActivityGrantAdTargetingAtTheirLatestChoice() {
    int granted = 0;
    int withdrew = 0;
    for (List<ConsentChange> changes : CHANGES.values()) {
      List<ConsentChange> ads =
          changes.stream()
              .filter(c -> c.purpose().equals("ad_targeting"))
              .sorted(
                  Comparator.comparing(ConsentChange::changedAt)
                      // at the same instant a withdrawal wins, as in the profile
                      .thenComparing(ConsentChange::granted, Comparator.reverseOrder()))
              .toList();
      if (ads.isEmpty()) {
        continue;
      }
      boolean latest = ads.get(ads.size() - 1).granted();
      granted += latest ? 1 : 0;
      withdrew += ads.get(0).granted() && !latest ? 1 : 0;
    }
    double share = (double) granted / WEB_PERSONS.size();

    assertThat(CHANGES.size()).isGreaterThan(WEB_PERSONS.size() * 98 / 100);
    assertThat(share).isBetween(0.55, 0.65);
    assertThat((double) withdrew / WEB_PERSONS.size()).isBetween(0.03, 0.07);
  }
}
