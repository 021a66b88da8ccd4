package io.opencdp.jobs.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.api.segment.ProfileDocFields;
import io.opencdp.resolve.spark.profile.ProfilesTable;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.segment.Field;
import io.opencdp.schemas.segment.FieldType;
import io.opencdp.schemas.segment.ProfileFields;
import java.util.Set;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The Spark reference reads every profile catalog field from a column of the Delta {@code profiles}
 * table of the field's type, and the identifiers from contact-point lists: the catalog, {@link
 * ProfileDocFields} and the table cannot drift.
 */
class ProfileColumnsTest {
  @Test
  void everyProfileCatalogFieldIsAColumnOfItsType() {
    for (Field field : ProfileFields.builtIn().all()) {
      DataType type = type(ProfileDocFields.column(field));
      assertThat(sparkTypes(field.type()))
          .as("%s at %s", field.name(), ProfileDocFields.column(field))
          .contains(type);
    }
    assertThat(type("custom_traits"))
        .isEqualTo(new MapType(DataTypes.StringType, DataTypes.StringType, true));
  }

  @Test
  void everyIdentifierTypeHasAContactPointList() {
    for (IdentifierType identifier : IdentifierType.values()) {
      DataType list = type(ProfileDocFields.identifierColumn(identifier));
      assertThat(list).as(identifier.wireName()).isInstanceOf(ArrayType.class);
      assertThat(((StructType) ((ArrayType) list).elementType()).apply("value").dataType())
          .isEqualTo(DataTypes.StringType);
    }
  }

  private static Set<DataType> sparkTypes(FieldType type) {
    return switch (type) {
      case TEXT -> Set.of(DataTypes.StringType);
      case NUMBER -> Set.of(DataTypes.LongType, DataTypes.IntegerType, new DecimalType(18, 4));
      case BOOLEAN -> Set.of(DataTypes.BooleanType);
      case DATE -> Set.of(DataTypes.DateType);
      case TIME -> Set.of(DataTypes.TimestampType);
      case TEXT_LIST ->
          Set.of(
              DataTypes.createArrayType(DataTypes.StringType, true),
              DataTypes.createArrayType(DataTypes.StringType, false));
    };
  }

  /** The type of a dotted column of {@code profiles}, through structs. */
  private static DataType type(String column) {
    DataType type = ProfilesTable.SCHEMA;
    for (String part : column.split("\\.")) {
      assertThat(type).as("%s is a column", column).isInstanceOf(StructType.class);
      StructType struct = (StructType) type;
      assertThat(struct.fieldNames()).as("%s is a column", column).contains(part);
      type = struct.apply(part).dataType();
    }
    return type;
  }
}
