package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.match.BlockRefinement;
import io.opencdp.resolve.match.BlockingRule;
import io.opencdp.resolve.match.FieldComparison;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.TermFrequencies;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the stream matches with: the batch's trained model (never trained here) and the settings'
 * blocking rules, block refinement, block cap and link threshold (docs/streaming.md, "Probabilistic
 * matching"). Serializable, so the Flink operator holds one.
 */
public final class StreamMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PairScorer scorer;
  private final List<BlockingRule> blocking;
  private final BlockRefinement refinement;
  private final int maxBlockSize;
  private final double linkThreshold;
  private final List<MatchField> termFields;

  public StreamMatcher(MatchModel model, MatchSettings settings) {
    requireNonNull(model, "model is null");
    requireNonNull(settings, "settings is null");
    // term frequencies come from the stream's state, pair by pair (PairScorer#score(levels, ..))
    this.scorer = new PairScorer(model, TermFrequencies.none());
    this.blocking = List.copyOf(settings.blocking());
    this.refinement = settings.refinement();
    this.maxBlockSize = settings.maxBlockSize();
    this.linkThreshold = settings.linkThreshold();
    List<MatchField> fields = new ArrayList<>();
    for (FieldComparison c : scorer.comparisons().fields()) {
      if (c.termFrequency()) {
        fields.add(c.field());
      }
    }
    this.termFields = List.copyOf(fields);
  }

  PairScorer scorer() {
    return scorer;
  }

  List<BlockingRule> blocking() {
    return blocking;
  }

  BlockRefinement refinement() {
    return refinement;
  }

  int maxBlockSize() {
    return maxBlockSize;
  }

  double linkThreshold() {
    return linkThreshold;
  }

  /** The fields whose exact matches are weighted by how common the value is. */
  List<MatchField> termFields() {
    return termFields;
  }

  /** A vector's id: a hash of its values (null distinct from every value). */
  static String vectorId(String[] values) {
    StringBuilder text = new StringBuilder();
    for (String v : values) {
      text.append(v == null ? "\u0000" : v).append('\u001f');
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
