package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;

/**
 * One page of a list answer: its documents and the cursor of the next page (null on the last).
 *
 * @param items the documents, as stored
 * @param nextCursor what the client passes as {@code cursor} to get the next page; null when none
 */
record Page(List<ObjectNode> items, String nextCursor) {
  static final int DEFAULT_LIMIT = 20;

  Page {
    items = List.copyOf(requireNonNull(items, "items is null"));
  }

  static Page empty() {
    return new Page(List.of(), null);
  }

  /**
   * What a list route was asked for: {@code limit} (1..{@code maxPageSize}, default 20 or the
   * maximum when smaller) and where to continue ({@code cursor}, decoded; null for the first page).
   */
  record Request(int limit, List<FieldValue> after) {
    static Request from(Context ctx, int maxPageSize, Cursor.Shape shape) {
      int limit = limit(ctx, maxPageSize);
      String cursor = ctx.queryParam(Cursor.PARAMETER);
      List<FieldValue> after = cursor == null ? null : Cursor.decode(cursor, shape);
      return new Request(limit, after);
    }

    /** The {@code limit} parameter: 1..{@code maxPageSize}, default 20 or the maximum. */
    static int limit(Context ctx, int maxPageSize) {
      return ctx.queryParamAsClass("limit", Integer.class)
          .check(
              l -> l >= 1 && l <= maxPageSize,
              "must be between 1 and " + maxPageSize + " (api.max_page_size)")
          .getOrDefault(Math.min(DEFAULT_LIMIT, maxPageSize));
    }
  }
}
