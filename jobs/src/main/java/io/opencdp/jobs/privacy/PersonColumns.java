package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Column predicates that name an {@link ErasedPerson}'s rows. They are user-defined functions over
 * the person's sets rather than {@code IN (...)} literals on purpose: Delta records a DELETE's
 * predicate in the commit's {@code operationParameters}, and a literal there would write the very
 * values being erased into the transaction log.
 */
final class PersonColumns {
  private final UserDefinedFunction profile;
  private final UserDefinedFunction event;
  private final UserDefinedFunction identifier;
  private final UserDefinedFunction group;
  private final UserDefinedFunction text;

  PersonColumns(ErasedPerson person) {
    Set<String> profiles = person.profileIds();
    Set<String> events = person.eventIds();
    Set<String> identifiers = person.identifiers();
    TextNeedles needles = new TextNeedles(person.textValues());
    profile = bool((UDF1<String, Boolean>) v -> v != null && profiles.contains(v));
    event = bool((UDF1<String, Boolean>) v -> v != null && events.contains(v));
    identifier =
        udf(
            (UDF2<String, String, Boolean>)
                (t, v) -> t != null && v != null && identifiers.contains(ErasedPerson.key(t, v)),
            DataTypes.BooleanType);
    // a match candidate: "<type>:<value>" of an identifier, or "event:<event id>"
    group =
        bool(
            (UDF1<String, Boolean>)
                g ->
                    g != null
                        && (identifiers.contains(g)
                            || g.startsWith("event:") && events.contains(g.substring(6))));
    text = bool((UDF1<String, Boolean>) needles::foundIn);
  }

  private static UserDefinedFunction bool(UDF1<String, Boolean> f) {
    return udf(f, DataTypes.BooleanType);
  }

  Column profile(Column id) {
    return profile.apply(id);
  }

  Column event(Column id) {
    return event.apply(id);
  }

  Column identifier(Column type, Column value) {
    return identifier.apply(type, value);
  }

  /** An array of structs with a type and a value field, any element naming the person. */
  Column anyIdentifier(Column array, String valueField) {
    return exists(array, x -> identifier(x.getField("type"), x.getField(valueField)));
  }

  Column group(Column g) {
    return group.apply(g);
  }

  Column text(Column t) {
    return text.apply(t);
  }

  static Column none() {
    return lit(false);
  }
}
