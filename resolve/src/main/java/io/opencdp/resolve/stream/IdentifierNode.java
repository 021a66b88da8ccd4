package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One identifier in the stream's state.
 *
 * @param nameKeys the first {@link StreamingResolver#MAX_NAME_KEYS} distinct name keys of its
 *     events, sorted (the sample the batch's shared-identifier statistics take)
 * @param customerIds distinct customer ids seen on its events, at most a few more than the shared
 *     threshold needs
 * @param sharedReason the {@code DropRule} code once it is shared (it never links again), else null
 * @param eventIds its events
 * @param profileId the profile it is a member of; null while shared or before it is placed
 * @param bridgeReason the limit rule ({@code limit:customer_id}, {@code limit:loyalty_id}) by which
 *     the last resolution of its component found it joining two customers: it is then shared for
 *     that component, as in the batch's second pass; null otherwise
 */
public record IdentifierNode(
    List<String> nameKeys,
    List<String> customerIds,
    String sharedReason,
    List<String> eventIds,
    String profileId,
    String bridgeReason) {
  public IdentifierNode {
    nameKeys = List.copyOf(requireNonNull(nameKeys, "nameKeys is null"));
    customerIds = List.copyOf(requireNonNull(customerIds, "customerIds is null"));
    eventIds = List.copyOf(requireNonNull(eventIds, "eventIds is null"));
  }

  public boolean shared() {
    return sharedReason != null;
  }
}
