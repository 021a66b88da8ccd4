package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.javalin.http.Context;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.normalize.SearchText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code q} of {@code GET /v1/profiles/search}, folded with {@link SearchText} as the indexer
 * folds the {@code search.*} fields. It matches fuzzily (edit distance AUTO, the first letter
 * exact) on the name (boosted), city and email local parts, and ranks an exact name phrase higher.
 * When {@code q} is an email address or looks like a phone number (digits with {@code + ( ) - .}
 * and spaces, at least 4 digits) it also matches exactly, and an exact match ranks first: the
 * normalized email on {@code identifiers.email}, the E.164 phone on {@code identifiers.phone}, the
 * digits on {@code search.phone_digits} (which holds each phone's last 4, 7 and 10 digits too).
 *
 * @param folded the folded query text
 * @param email the normalized email when {@code q} is one
 * @param phone the E.164 phone when {@code q} normalizes to one
 * @param digits the digits of {@code q} when it looks like a phone number (or its end)
 */
record ProfileSearch(
    String folded, Optional<String> email, Optional<String> phone, Optional<String> digits) {
  static final int MAX_QUERY_LENGTH = 200;
  private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\-. ]+");

  ProfileSearch {
    requireNonNull(folded, "folded is null");
    requireNonNull(email, "email is null");
    requireNonNull(phone, "phone is null");
    requireNonNull(digits, "digits is null");
  }

  static ProfileSearch from(Context ctx, IdentifierValues values) {
    String q =
        ctx.queryParamAsClass("q", String.class)
            .check(v -> !v.isBlank(), "is empty")
            .check(
                v -> v.strip().length() <= MAX_QUERY_LENGTH,
                "is longer than " + MAX_QUERY_LENGTH + " characters")
            .get()
            .strip();
    Optional<String> email =
        q.indexOf('@') > 0 ? values.linkable(IdentifierType.EMAIL, q) : Optional.empty();
    Optional<String> digits = Optional.empty();
    Optional<String> phone = Optional.empty();
    if (PHONE_LIKE.matcher(q).matches()) {
      String only = q.replaceAll("[^0-9]", "");
      if (only.length() >= 4) {
        digits = Optional.of(only);
        phone = values.forLookup(IdentifierType.PHONE, q);
      }
    }
    return new ProfileSearch(SearchText.fold(q), email, phone, digits);
  }

  Query query(List<String> fuzzyFields) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    bool.should(ProfileStore.multiMatch(folded, fuzzyFields));
    bool.should(Query.of(q -> q.matchPhrase(m -> m.field("search.name").query(folded).boost(2f))));
    email.ifPresent(e -> bool.should(boosted("identifiers.email", e)));
    phone.ifPresent(p -> bool.should(boosted("identifiers.phone", p)));
    digits.ifPresent(d -> bool.should(boosted("search.phone_digits", d)));
    bool.minimumShouldMatch("1");
    return Query.of(q -> q.bool(bool.build()));
  }

  private static Query boosted(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value).boost(20f)));
  }
}
