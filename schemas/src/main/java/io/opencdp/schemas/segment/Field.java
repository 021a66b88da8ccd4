package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A field of the profile or event catalog ({@link ProfileFields}, {@link EventFields}).
 *
 * @param name the name conditions use, e.g. {@code traits.order_count}, {@code
 *     custom_traits.favourite_store}, {@code order.total.amount}
 * @param type what it holds and so which operators it allows
 * @param folded a text field compared folded (case and accents removed on both sides)
 * @param integer a number field that holds integers (its values must be integers)
 */
public record Field(String name, FieldType type, boolean folded, boolean integer)
    implements Serializable {
  public Field {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    if (folded && type != FieldType.TEXT) {
      throw new IllegalArgumentException("only a text field is folded: " + name);
    }
    if (integer && type != FieldType.NUMBER) {
      throw new IllegalArgumentException("only a number field holds integers: " + name);
    }
  }

  static Field of(String name, FieldType type) {
    return new Field(name, type, false, false);
  }

  static Field folded(String name) {
    return new Field(name, FieldType.TEXT, true, false);
  }

  static Field integer(String name) {
    return new Field(name, FieldType.NUMBER, false, true);
  }

  /** Whether this is {@code custom_traits.<name>}. */
  public boolean isCustomTrait() {
    return name.startsWith(ProfileFields.CUSTOM_TRAIT_PREFIX);
  }
}
