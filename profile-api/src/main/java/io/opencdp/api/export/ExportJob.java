package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.opencdp.api.SavedSegments;
import io.opencdp.schemas.audience.AudienceLayout;
import io.opencdp.schemas.config.PrivacyConfig.ConsentPurpose;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.privacy.ConsentPurposes;
import io.opencdp.schemas.segment.SegmentWindows;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audience export (docs/segments.md, "Audience exports"): the segment's members now, dropped
 * for consent, then for suppression, then counted when the layout has no row for them; the rest
 * written as the full member file, or with {@code since_last} as the adds and removes against what
 * the destination was last sent. Then the destination's state is replaced. The files are written
 * before the state: an export that fails after them leaves the state as it was, so the next {@code
 * since_last} sends the same changes again (at least once, never lost).
 *
 * <p>A changed row (a member still selected whose row differs from the one sent, say a new email)
 * is a remove of the old row and an add of the new one. Rows are held in memory by profile id
 * (current and previous): fine for millions of members at a few hundred bytes each.
 */
final class ExportJob {
  private static final Logger LOG = LoggerFactory.getLogger(ExportJob.class);

  /** Members checked against the suppression list per lookup. */
  static final int BATCH = 1_000;

  private final SavedSegments segments;
  private final ExportState state;
  private final Suppressions suppressions;
  private final SegmentsConfig segmentsConfig;
  private final ConsentPurpose consentPurpose;
  private final Clock clock;

  ExportJob(
      SavedSegments segments,
      ExportState state,
      Suppressions suppressions,
      SegmentsConfig segmentsConfig,
      ConsentPurpose consentPurpose,
      Clock clock) {
    this.segments = requireNonNull(segments, "segments is null");
    this.state = requireNonNull(state, "state is null");
    this.suppressions = requireNonNull(suppressions, "suppressions is null");
    this.segmentsConfig = requireNonNull(segmentsConfig, "segmentsConfig is null");
    this.consentPurpose = requireNonNull(consentPurpose, "consentPurpose is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The saved segment {@code id}; {@code NOT_FOUND} naming it otherwise. */
  SavedSegments.Saved segment(String id) {
    return segments
        .get(id)
        .orElseThrow(
            () ->
                new CdpException(
                    ErrorCode.NOT_FOUND,
                    "no segment '" + id + "' in this workspace (GET /v1/segments lists them)",
                    "id",
                    null));
  }

  ExportResult run(String exportId, ExportRequest request, AudienceLayout layout) {
    requireNonNull(request.out(), "out is null");
    SavedSegments.Saved segment = segment(request.segmentId());
    SegmentWindows windows = SegmentWindows.of(segmentsConfig, clock);
    Query query = segments.compile(segment, windows);
    Selection selection = new Selection(layout);
    List<ExportProfile> batch = new ArrayList<>(BATCH);
    segments.forEachMember(
        query,
        doc -> {
          batch.add(AudienceMembers.from(doc));
          if (batch.size() >= BATCH) {
            selection.add(batch);
            batch.clear();
          }
        });
    selection.add(batch);
    Map<String, List<String>> rows = selection.rows;
    Map<String, List<String>> previous = state.read(segment.id(), request.destination());
    if (request.sinceLast()) {
      sameColumns(segment.id(), request.destination(), layout, previous);
    }
    Map<String, List<String>> changed = new LinkedHashMap<>();
    rows.forEach(
        (id, row) -> {
          if (!row.equals(previous.get(id))) {
            changed.put(id, row);
          }
        });
    Map<String, List<String>> gone = new LinkedHashMap<>();
    previous.forEach(
        (id, row) -> {
          if (!row.equals(rows.get(id))) {
            gone.put(id, row);
          }
        });
    List<ExportResult.File> files = new ArrayList<>();
    Path out = request.out();
    if (request.sinceLast()) {
      files.add(write("adds", out, layout, changed.values()));
      files.add(write("removes", CsvFiles.removesOf(out), layout, gone.values()));
    } else {
      files.add(write("members", out, layout, rows.values()));
    }
    List<String> removed = gone.keySet().stream().filter(id -> !rows.containsKey(id)).toList();
    state.apply(
        segment.id(),
        request.destination(),
        request.format().id(),
        exportId,
        windows.now(),
        changed,
        removed);
    LOG.info(
        "export {} of {} to {}: {} members, {} exported, {} changed, {} removed",
        exportId,
        segment.id(),
        request.destination(),
        selection.members,
        rows.size(),
        changed.size(),
        gone.size());
    return new ExportResult(
        segment.version(),
        selection.members,
        rows.size(),
        selection.droppedConsent,
        selection.droppedSuppressed,
        selection.noHashable,
        request.sinceLast() ? (long) changed.size() : null,
        request.sinceLast() ? (long) gone.size() : null,
        files);
  }

  /** The removes repeat rows as sent: they must fit this export's header. */
  private static void sameColumns(
      String segmentId, String destination, AudienceLayout layout, Map<String, List<String>> sent) {
    int columns = layout.header().size();
    sent.values().stream()
        .filter(row -> row.size() != columns)
        .findFirst()
        .ifPresent(
            row -> {
              throw new CdpException(
                  ErrorCode.BAD_ARGUMENT,
                  "destination '"
                      + destination
                      + "' was last sent rows of segment '"
                      + segmentId
                      + "' with "
                      + row.size()
                      + " columns, not the "
                      + columns
                      + " of this format and fields; export to another destination, or make a"
                      + " full export (not since_last) to start it over",
                  "destination",
                  null);
            });
  }

  private static ExportResult.File write(
      String kind, Path path, AudienceLayout layout, Iterable<List<String>> rows) {
    return new ExportResult.File(kind, path, CsvFiles.write(path, layout.header(), rows));
  }

  /** The filters in the contract's order, batch by batch, and the rows of those that pass. */
  private final class Selection {
    private final AudienceLayout layout;
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private long members;
    private long droppedConsent;
    private long droppedSuppressed;
    private long noHashable;

    Selection(AudienceLayout layout) {
      this.layout = layout;
    }

    void add(List<ExportProfile> batch) {
      List<ExportProfile> consented = new ArrayList<>(batch.size());
      Set<String> keys = new HashSet<>();
      for (ExportProfile profile : batch) {
        members++;
        if (!ConsentPurposes.isGranted(profile.consent(), consentPurpose)) {
          droppedConsent++;
          continue;
        }
        consented.add(profile);
        profile.identifiers().forEach(i -> keys.add(suppressions.key(i.type(), i.value())));
      }
      Set<String> suppressed = keys.isEmpty() ? Set.of() : suppressions.suppressedKeys(keys);
      for (ExportProfile profile : consented) {
        if (profile.identifiers().stream()
            .anyMatch(i -> suppressed.contains(suppressions.key(i.type(), i.value())))) {
          droppedSuppressed++;
          continue;
        }
        Optional<List<String>> row = layout.row(profile.member());
        if (row.isEmpty()) {
          noHashable++;
        } else {
          rows.put(profile.profileId(), List.copyOf(row.get()));
        }
      }
    }
  }
}
