package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;

import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.guardrail.DropRule;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
  static final String NEVER_LINK = "never_link";
  static final String FORCE_SPLIT = "force_split";
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
    String id = newId();
    append(
        RowFactory.create(
            workspace,
            id,
            NEVER_LINK,
            left.type().wireName(),
            left.value(),
            right.type().wireName(),
            right.value(),
            null,
            List.of(),
            List.of(),
            reason,
            createdBy(),
            Instant.now(),
            true));
    LOG.info("recorded never_link override {}", id);
    return new IdentityOverride(id, NEVER_LINK, null, List.of(left, right), 0);
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
    Set<IdentifierKey> members = new LinkedHashSet<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(map)
            .where(
                col("workspace_id")
                    .equalTo(workspace)
                    .and(col("profile_id").equalTo(target))
                    .and(col("shared").equalTo(false)))
            .select("identifier_type", "identifier_value")
            .collectAsList()) {
      members.add(IdentifierKey.of(IdentifierType.fromWireName(r.getString(0)), r.getString(1)));
    }
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
    String id = newId();
    append(
        RowFactory.create(
            workspace,
            id,
            FORCE_SPLIT,
            null,
            null,
            null,
            null,
            target,
            rows(moved),
            rows(kept),
            reason,
            createdBy(),
            Instant.now(),
            true));
    LOG.info(
        "recorded force_split override {}: {} identifier(s) out of profile {}, {} stay",
        id,
        moved.size(),
        target,
        kept.size());
    return new IdentityOverride(id, FORCE_SPLIT, target, moved, kept.size());
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

  private void append(Row row) {
    String location = tables.table(ResolveTables.IDENTITY_OVERRIDES);
    DeltaTables.createIfNotExists(spark, location, ResolveTables.IDENTITY_OVERRIDES_SCHEMA);
    spark
        .createDataFrame(List.of(row), ResolveTables.IDENTITY_OVERRIDES_SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(location);
  }

  private static List<Row> rows(List<IdentifierKey> identifiers) {
    return identifiers.stream()
        .map(i -> RowFactory.create(i.type().wireName(), i.value()))
        .toList();
  }

  private static IdentifierKey key(String type, String value) {
    return IdentifierKey.of(IdentifierType.fromWireName(type), value);
  }

  private static String newId() {
    return "ovr-"
        + Instant.now().toEpochMilli()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String createdBy() {
    return System.getProperty("user.name", "unknown");
  }
}
