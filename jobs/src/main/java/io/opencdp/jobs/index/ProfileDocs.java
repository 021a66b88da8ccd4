package io.opencdp.jobs.index;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.opencdp.api.segment.ProfileDocFields;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.api.store.ProfileSearchFields;
import io.opencdp.jobs.spark.ProfileFunctions;
import io.opencdp.schemas.event.IdentifierType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The profile documents of {@code cdp-<ws>-profiles} (docs/profile-store.md): the Delta row as JSON
 * with the same nesting, plus {@code merged_from}, the {@code identifiers.<type>} lookups, the
 * folded {@code search.*} fields (built by {@link ProfileSearchFields}, the one place for them),
 * {@code birth_date_value}, {@code postal_code}, {@code country}, the segment query fields ({@code
 * activity} from the profile's events by {@link ActivityFields}, {@code consent_granted} by {@link
 * io.opencdp.resolve.profile.ConsentState#grantedKeys}, {@code segments}), {@code indexed_at} and
 * {@code delta_version}. Rows: {@code id}, {@code json}.
 *
 * <p>{@link ProfileDocument} builds the same document without Spark (the streaming job): a change
 * here is a change there, and {@code ProfileDocumentTest} fails until both write the same bytes.
 */
final class ProfileDocs {
  private static final UserDefinedFunction NAME =
      udf((UDF2<String, String, String>) ProfileSearchFields::name, DataTypes.StringType);
  private static final UserDefinedFunction EMAIL_LOCALS =
      udf(
          (UDF1<scala.collection.Seq<String>, List<String>>)
              emails -> ProfileSearchFields.emailLocals(javaList(emails)),
          DataTypes.createArrayType(DataTypes.StringType));
  private static final UserDefinedFunction PHONE_DIGITS =
      udf(
          (UDF1<scala.collection.Seq<String>, List<String>>)
              phones -> ProfileSearchFields.phoneDigits(javaList(phones)),
          DataTypes.createArrayType(DataTypes.StringType));

  private ProfileDocs() {}

  /**
   * The documents of {@code profiles} (rows of the Delta table), with the aliases of {@code merges}
   * and the {@code activity} of {@code events} (rows of {@code events} with their {@code
   * profile_id}: those the events index gets), and {@code segments} from {@code segments} (rows of
   * {@code segments_pid}, {@code open_segments}: {@link
   * io.opencdp.jobs.segment.SegmentTables#openSegmentsPerProfile}; a profile without a row gets an
   * empty list).
   */
  static Dataset<Row> build(
      Dataset<Row> profiles,
      Dataset<Row> merges,
      Dataset<Row> events,
      Dataset<Row> segments,
      long deltaVersion,
      Instant indexedAt) {
    Dataset<Row> mergedFrom =
        DocJson.listPer(
                profiles.select(col("profile_id").as("pid")),
                "pid",
                merges,
                "surviving_profile_id",
                col("alias_profile_id").isNotNull(),
                col("alias_profile_id"),
                "merged_from")
            .select(col("pid"), array_sort(col("merged_from")).as("merged_from"));
    Dataset<Row> joined =
        profiles
            .join(mergedFrom, profiles.col("profile_id").equalTo(col("pid")))
            .join(activity(events), col("profile_id").equalTo(col("apid")), "left")
            .join(segments, col("profile_id").equalTo(col("segments_pid")), "left");

    List<Column> identifiers = new ArrayList<>();
    for (IdentifierType type : IdentifierType.values()) {
      identifiers.add(col(ProfileDocFields.identifierColumn(type) + ".value").as(type.wireName()));
    }
    Column search =
        struct(
            NAME.apply(col("first_name.value"), col("last_name.value")).as("name"),
            ProfileFunctions.FOLD.apply(col("first_name.value")).as("first_name"),
            ProfileFunctions.FOLD.apply(col("last_name.value")).as("last_name"),
            ProfileFunctions.FOLD.apply(col("address.value.city")).as("city"),
            EMAIL_LOCALS.apply(col("emails.value")).as("email_local"),
            PHONE_DIGITS.apply(col("phones.value")).as("phone_digits"));
    Column doc =
        struct(
            col("workspace_id"),
            col("profile_id"),
            col("merged_from"),
            col("first_name"),
            col("last_name"),
            col("gender"),
            col("email"),
            col("phone"),
            col("birth_date"),
            col("address"),
            col("emails"),
            col("phones"),
            col("customer_ids"),
            col("loyalty_ids"),
            col("device_ids"),
            col("anonymous_ids"),
            struct(identifiers.toArray(Column[]::new)).as("identifiers"),
            search.as("search"),
            col("birth_date.value").as("birth_date_value"),
            col("address.value.postal_code").as("postal_code"),
            col("address.value.country").as("country"),
            col("traits"),
            col("consent"),
            col("custom_traits"),
            col(ActivityFields.PATH),
            when(col(ActivityFields.TRUNCATED), lit(true)).as(ActivityFields.TRUNCATED),
            ProfileFunctions.CONSENT_GRANTED_KEYS.apply(col("consent")).as("consent_granted"),
            coalesce(col("open_segments"), array().cast("array<string>")).as("segments"),
            col("as_of"),
            col("updated_at"),
            lit(indexedAt).as("indexed_at"),
            lit(deltaVersion).as("delta_version"));
    return joined.select(col("profile_id").as("id"), DocJson.json(doc).as("json"));
  }

  /**
   * Per profile ({@code apid}) its events as {@code activity} entries, the most recent {@link
   * ActivityFields#MAX_EVENTS} (newest first), and {@code activity_truncated} when it had more.
   */
  private static Dataset<Row> activity(Dataset<Row> events) {
    List<Column> entry = new ArrayList<>();
    // occurred_at first: sort_array orders the entries by it
    entry.add(col("occurred_at").as(ActivityFields.OCCURRED_AT));
    entry.add(col("event_type").as(ActivityFields.EVENT_TYPE));
    for (Map.Entry<String, String> field : ActivityFields.docFields().entrySet()) {
      entry.add(col(ActivityFields.eventColumn(field.getKey())).as(field.getValue()));
    }
    return events
        .groupBy(col("profile_id").as("apid"))
        .agg(sort_array(collect_list(struct(entry.toArray(Column[]::new))), false).as("all"))
        .select(
            col("apid"),
            slice(col("all"), 1, ActivityFields.MAX_EVENTS).as(ActivityFields.PATH),
            size(col("all")).gt(ActivityFields.MAX_EVENTS).as(ActivityFields.TRUNCATED));
  }

  private static List<String> javaList(scala.collection.Seq<String> seq) {
    return seq == null ? List.of() : CollectionConverters.asJava(seq);
  }
}
