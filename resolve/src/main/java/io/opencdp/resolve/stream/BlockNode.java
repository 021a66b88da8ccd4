package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One block of the stream's blocking index: the vectors whose key under one blocking rule is the
 * block's key, in arrival order.
 *
 * @param vectorIds the vectors' ids
 */
public record BlockNode(List<String> vectorIds) {
  public BlockNode {
    vectorIds = List.copyOf(requireNonNull(vectorIds, "vectorIds is null"));
  }
}
