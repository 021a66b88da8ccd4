package io.opencdp.jobs.cli;

import io.opencdp.api.ApiKeys;
import io.opencdp.api.SavedSegments;
import io.opencdp.api.export.ExportRequest;
import io.opencdp.api.export.Exports;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.jobs.segment.RefreshReport;
import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.segment.ProfileFields;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quickstart's segments step: two example segments saved once (found by name on a re-run),
 * refreshed into {@code segment_membership}. Their windows are fixed dates inside the sample's half
 * year, so the counts do not depend on the day the quickstart runs.
 */
final class QuickstartSegments {
  /** Name to definition, in the order they are saved. */
  static final Map<String, String> EXAMPLES =
      Map.of(
          "Repeat buyers open to ads",
          """
          {"name": "Repeat buyers open to ads",
           "description": "Two orders or more, and consent to ad targeting (quickstart example)",
           "condition": {"and": [
             {"field": "traits.order_count", "op": "gte", "value": 2},
             {"consent": {"purpose": "ad_targeting"}}]}}
          """,
          "Email openers without a recent order",
          """
          {"name": "Email openers without a recent order",
           "description": "Opened an email from August on, no order from September on (quickstart example)",
           "condition": {"and": [
             {"event": {"type": "email_open", "between": {"from": "2026-08-01", "to": "2026-10-31"}}},
             {"not": {"event": {"type": "order_completed",
                                "between": {"from": "2026-09-01", "to": "2026-10-31"}}}}]}}
          """);

  /** The public demo marketer key of the default api.keys (docs/api.md). */
  static final String DEMO_MARKETER_KEY = "cdp_demo_marketer_key";

  static final List<String> ORDER =
      List.of("Repeat buyers open to ads", "Email openers without a recent order");

  private QuickstartSegments() {}

  /** Saves the examples that are not saved yet and refreshes them; their ids in {@link #ORDER}. */
  static List<SavedSegments.Saved> ensureAndRefresh(CdpConfig config, String esUrl) {
    List<SavedSegments.Saved> examples = new ArrayList<>();
    try (EsConnection es = EsConnection.open(esUrl, config.api().esTimeoutMillis())) {
      SavedSegments saved =
          SavedSegments.of(
              es.client(), new StoreIndices(config.workspace()), ProfileFields.of(config));
      List<SavedSegments.Saved> all = saved.all();
      for (String name : ORDER) {
        Optional<SavedSegments.Saved> existing =
            all.stream().filter(s -> name.equals(s.name())).findFirst();
        examples.add(
            existing.orElseGet(
                () -> saved.create(EXAMPLES.get(name), "quickstart", Clock.systemUTC().instant())));
      }
    }
    RefreshReport report =
        SegmentsCommand.refresh(
            config,
            esUrl,
            examples.stream().map(SavedSegments.Saved::id).toList(),
            false,
            line -> {});
    System.out.print(SegmentsCommand.summary(report).indent(2));
    export(config, esUrl, examples.get(0));
    return examples;
  }

  /** Requests on the examples with the demo marketer key (or a placeholder without it). */
  static String curlLines(CdpConfig config, String url, List<SavedSegments.Saved> examples) {
    boolean demoKey =
        config.api().keys().stream()
            .anyMatch(k -> k.sha256().equals(ApiKeys.sha256Hex(DEMO_MARKETER_KEY)));
    String auth =
        "-H 'Authorization: Bearer " + (demoKey ? DEMO_MARKETER_KEY : "<marketer key>") + "'";
    String segment = url + "/v1/segments/" + examples.get(0).id();
    return String.join(
        System.lineSeparator(),
        "  # the example segment's size now, and its first members (PII masked for marketers)",
        "  curl -s " + auth + " " + segment + "/count",
        "  curl -s " + auth + " '" + segment + "/members?limit=5'",
        "  # export it for Meta Custom Audiences (a job: poll status_url, then GET its files/members)",
        "  curl -s "
            + auth
            + " -H 'Content-Type: application/json' -d '{\"format\": \"meta\"}' "
            + segment
            + "/exports",
        "");
  }

  /** The first example as a Google Customer Match file under the exports directory. */
  private static void export(CdpConfig config, String esUrl, SavedSegments.Saved segment) {
    Path directory = config.exports().directoryIn(config.workDir());
    Path out = directory.resolve("quickstart-" + segment.id() + "-google.csv");
    ExportRequest request =
        new ExportRequest(
            segment.id(), AudienceFormat.GOOGLE, null, false, null, out, "quickstart");
    try (EsConnection es = EsConnection.open(esUrl, config.api().esTimeoutMillis());
        Exports exports = ExportCommand.exports(es, config)) {
      System.out.println(ExportCommand.summary(exports.run(request)).indent(2).stripTrailing());
    }
  }
}
