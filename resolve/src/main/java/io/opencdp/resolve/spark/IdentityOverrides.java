package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.guardrail.DropRule;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.overrides.OverrideRow;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' identity decisions, in Delta {@code identity_overrides}, which every later resolve run
 * honours through {@link NeverLinkRules}:
 *
 * <ul>
 *   <li>{@code never_link}: two identifiers are never in one profile;
 *   <li>{@code force_split}: identifiers are moved out of a profile; they are never again in one
 *       profile with the identifiers that stayed (as they were when the split was recorded).
 * </ul>
 *
 * Identifiers come normalized and checked ({@code IdentifierArgument}); a split is checked against
 * the current {@code identity_map}.
 */
public final class IdentityOverrides {
  static final String NEVER_LINK = OverrideRow.NEVER_LINK;
  static final String FORCE_SPLIT = OverrideRow.FORCE_SPLIT;
  private static final Logger LOG = LoggerFactory.getLogger(IdentityOverrides.class);

  private final SparkSession spark;
  private final String workspace;
  private final TableLocations tables;

  public IdentityOverrides(SparkSession spark, CdpConfig config) {
    this.spark = spark;
    this.workspace = config.workspace();
    this.tables = TableLocations.of(config);
  }

  /** Records that {@code left} and {@code right} are never one person. */
  public IdentityOverride neverLink(IdentifierKey left, IdentifierKey right, String reason) {
    if (left.equals(right)) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT, "--left and --right are the same identifier (" + left + ")");
    }
    OverrideRow row = OverrideRow.neverLink(workspace, left, right, reason, createdBy());
    append(row);
    LOG.info("recorded never_link override {}", row.overrideId());
    return new IdentityOverride(row.overrideId(), NEVER_LINK, null, List.of(left, right), 0);
  }

  /**
   * Records that {@code moved} leave profile {@code profileId} (an alias resolves to its survivor):
   * they must be identifiers of that profile, and at least one must stay.
   */
  public IdentityOverride split(String profileId, List<IdentifierKey> moved, String reason) {
    String map = tables.table(ResolveTables.IDENTITY_MAP);
    if (!DeltaTables.exists(spark, map)) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no identity_map at " + map + "; run `cdp resolve` before splitting a profile");
    }
    if (moved.isEmpty()) {
      throw new CdpException(ErrorCode.BAD_ARGUMENT, "name at least one --identifier to move out");
    }
    String target = ProfileAliases.resolve(spark, tables, workspace, profileId);
    Set<IdentifierKey> members = members(target);
    if (members.isEmpty()) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "unknown profile '"
              + profileId
              + "': it is not in identity_map of workspace '"
              + workspace
              + "' (look the person up by an identifier to find the current id)");
    }
    for (IdentifierKey identifier : moved) {
      if (!members.contains(identifier)) {
        throw new CdpException(
            ErrorCode.BAD_ARGUMENT,
            identifier
                + " is not an identifier of profile "
                + target
                + (target.equals(profileId) ? "" : " (which " + profileId + " was merged into)")
                + "; only a profile's own identifiers can be moved out of it");
      }
    }
    List<IdentifierKey> kept = new ArrayList<>(members);
    kept.removeAll(moved);
    if (kept.isEmpty()) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "moving every identifier out of profile "
              + target
              + " would leave nothing to split from");
    }
    OverrideRow row = OverrideRow.forceSplit(workspace, target, moved, kept, reason, createdBy());
    append(row);
    LOG.info(
        "recorded force_split override {}: {} identifier(s) out of profile {}, {} stay",
        row.overrideId(),
        moved.size(),
        target,
        kept.size());
    return new IdentityOverride(row.overrideId(), FORCE_SPLIT, target, moved, kept.size());
  }

  /**
   * Appends the overrides recorded elsewhere (the API's queue) whose {@code override_id} is not in
   * {@code identity_overrides} yet: a MERGE that inserts only absent {@code (workspace_id,
   * override_id)} keys, so appending the same rows again adds nothing. A {@code force_split} is
   * re-checked against the current {@code identity_map}: when its identifiers have moved since it
   * was recorded, the difference is logged and the row is kept as requested ({@code kept} is what
   * the operator saw).
   *
   * @return the ids of the rows appended, in the order given
   */
  public List<String> appendAbsent(List<OverrideRow> rows) {
    for (OverrideRow row : rows) {
      if (!workspace.equals(row.workspaceId())) {
        throw new IllegalArgumentException(
            "override "
                + row.overrideId()
                + " belongs to workspace '"
                + row.workspaceId()
                + "', not '"
                + workspace
                + "'");
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    String location = tables.table(ResolveTables.IDENTITY_OVERRIDES);
    DeltaTables.createIfNotExists(spark, location, ResolveTables.IDENTITY_OVERRIDES_SCHEMA);
    Set<String> present = new HashSet<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(location)
            .where(
                col("workspace_id")
                    .equalTo(workspace)
                    .and(
                        col("override_id")
                            .isin(rows.stream().map(OverrideRow::overrideId).toArray())))
            .select("override_id")
            .collectAsList()) {
      present.add(r.getString(0));
    }
    List<OverrideRow> absent =
        rows.stream().filter(r -> !present.contains(r.overrideId())).toList();
    if (absent.isEmpty()) {
      return List.of();
    }
    absent.stream().filter(r -> FORCE_SPLIT.equals(r.kind())).forEach(this::recheckSplit);
    DeltaTable.forPath(spark, location)
        .as("t")
        .merge(
            spark
                .createDataFrame(
                    absent.stream().map(IdentityOverrides::row).toList(),
                    ResolveTables.IDENTITY_OVERRIDES_SCHEMA)
                .as("s"),
            "t.workspace_id = s.workspace_id AND t.override_id = s.override_id")
        .whenNotMatched()
        .insertAll()
        .execute();
    LOG.info("appended {} override(s) recorded elsewhere to identity_overrides", absent.size());
    return absent.stream().map(OverrideRow::overrideId).toList();
  }

  /** Logs how a split's profile differs now from what the operator saw; changes nothing. */
  private void recheckSplit(OverrideRow split) {
    if (!DeltaTables.exists(spark, tables.table(ResolveTables.IDENTITY_MAP))) {
      LOG.warn(
          "override {}: no identity_map to check the split of profile {} against; recorded as"
              + " requested",
          split.overrideId(),
          split.profileId());
      return;
    }
    String target = ProfileAliases.resolve(spark, tables, workspace, split.profileId());
    Set<IdentifierKey> members = members(target);
    long movedGone = split.moved().stream().filter(m -> !members.contains(m)).count();
    Set<IdentifierKey> others = new LinkedHashSet<>(members);
    split.moved().forEach(others::remove);
    if (target.equals(split.profileId())
        && movedGone == 0
        && others.equals(Set.copyOf(split.kept()))) {
      return;
    }
    // counts and ids only: identifier values are personal data
    LOG.warn(
        "override {}: profile {} changed since the split was recorded ({}{} of {} moved"
            + " identifier(s) no longer on it, {} other unshared identifier(s) now, {} kept"
            + " then); recorded as requested: none of moved will be in one profile with kept",
        split.overrideId(),
        split.profileId(),
        target.equals(split.profileId()) ? "" : "merged into " + target + ", ",
        movedGone,
        split.moved().size(),
        others.size(),
        split.kept().size());
  }

  /** The unshared identifiers of {@code profileId} in the current identity_map. */
  private Set<IdentifierKey> members(String profileId) {
    Set<IdentifierKey> members = new LinkedHashSet<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(tables.table(ResolveTables.IDENTITY_MAP))
            .where(
                col("workspace_id")
                    .equalTo(workspace)
                    .and(col("profile_id").equalTo(profileId))
                    .and(col("shared").equalTo(false)))
            .select("identifier_type", "identifier_value")
            .collectAsList()) {
      members.add(IdentifierKey.of(IdentifierType.fromWireName(r.getString(0)), r.getString(1)));
    }
    return members;
  }

  /**
   * Withdraws an active override: its row stays (the record of what was decided) with {@code
   * active} false, and the next resolve no longer applies it, so the profiles it kept apart may
   * join again. Who withdrew it, when and why are in the Delta commit ({@code DESCRIBE HISTORY}:
   * {@code userMetadata}), since the row keeps only what was decided.
   *
   * @throws CdpException {@code INPUT_NOT_FOUND} when the workspace has no such override, {@code
   *     BAD_ARGUMENT} when it was withdrawn already
   */
  public void withdraw(String overrideId, String reason) {
    String location = tables.table(ResolveTables.IDENTITY_OVERRIDES);
    List<Row> found =
        DeltaTables.exists(spark, location)
            ? spark
                .read()
                .format("delta")
                .load(location)
                .where(
                    col("workspace_id")
                        .equalTo(workspace)
                        .and(col("override_id").equalTo(overrideId)))
                .select("active")
                .collectAsList()
            : List.of();
    if (found.isEmpty()) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "workspace '"
              + workspace
              + "' has no identity override '"
              + overrideId
              + "' (--override)");
    }
    if (found.stream().noneMatch(r -> r.getBoolean(0))) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT, "identity override '" + overrideId + "' is withdrawn already");
    }
    String metadata =
        "withdraw "
            + overrideId
            + " by "
            + createdBy()
            + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
    String key = "spark.databricks.delta.commitInfo.userMetadata";
    spark.conf().set(key, metadata);
    try {
      DeltaTable.forPath(spark, location)
          .update(
              col("workspace_id")
                  .equalTo(workspace)
                  .and(col("override_id").equalTo(overrideId))
                  .and(col("active")),
              java.util.Map.of("active", org.apache.spark.sql.functions.lit(false)));
    } finally {
      spark.conf().unset(key);
    }
    LOG.info("withdrew identity override {}; the next resolve no longer applies it", overrideId);
  }

  /** The active overrides of the workspace as never-link pairs; none when there is no table. */
  static NeverLinkRules rules(SparkSession spark, TableLocations tables, String workspace) {
    String location = tables.table(ResolveTables.IDENTITY_OVERRIDES);
    if (!DeltaTables.exists(spark, location)) {
      return NeverLinkRules.none();
    }
    List<NeverLinkRules.Pair> pairs = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(location)
            .where(col("workspace_id").equalTo(workspace).and(col("active")))
            .collectAsList()) {
      String id = r.getAs("override_id");
      if (NEVER_LINK.equals(r.getAs("kind"))) {
        pairs.add(
            new NeverLinkRules.Pair(
                key(r.getAs("left_type"), r.getAs("left_value")),
                key(r.getAs("right_type"), r.getAs("right_value")),
                DropRule.NEVER_LINK_OVERRIDE,
                id));
      } else {
        for (Row m : r.<Row>getList(r.fieldIndex("moved"))) {
          for (Row k : r.<Row>getList(r.fieldIndex("kept"))) {
            pairs.add(
                new NeverLinkRules.Pair(
                    key(m.getString(0), m.getString(1)),
                    key(k.getString(0), k.getString(1)),
                    DropRule.SPLIT_OVERRIDE,
                    id));
          }
        }
      }
    }
    LOG.info("{} identity override pair(s) apply", pairs.size());
    return NeverLinkRules.of(pairs);
  }

  private void append(OverrideRow override) {
    String location = tables.table(ResolveTables.IDENTITY_OVERRIDES);
    DeltaTables.createIfNotExists(spark, location, ResolveTables.IDENTITY_OVERRIDES_SCHEMA);
    spark
        .createDataFrame(List.of(row(override)), ResolveTables.IDENTITY_OVERRIDES_SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(location);
  }

  /** The Delta row of {@code override}, in {@link ResolveTables#IDENTITY_OVERRIDES_SCHEMA}. */
  static Row row(OverrideRow override) {
    return RowFactory.create(
        override.workspaceId(),
        override.overrideId(),
        override.kind(),
        override.left() == null ? null : override.left().type().wireName(),
        override.left() == null ? null : override.left().value(),
        override.right() == null ? null : override.right().type().wireName(),
        override.right() == null ? null : override.right().value(),
        override.profileId(),
        identifiers(override.moved()),
        identifiers(override.kept()),
        override.reason(),
        override.createdBy(),
        override.createdAt(),
        override.active());
  }

  private static List<Row> identifiers(List<IdentifierKey> identifiers) {
    return identifiers.stream()
        .map(i -> RowFactory.create(i.type().wireName(), i.value()))
        .toList();
  }

  private static IdentifierKey key(String type, String value) {
    return IdentifierKey.of(IdentifierType.fromWireName(type), value);
  }

  private static String createdBy() {
    return System.getProperty("user.name", "unknown");
  }
}
