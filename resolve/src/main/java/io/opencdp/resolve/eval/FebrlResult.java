package io.opencdp.resolve.eval;

/**
 * One Febrl task's figures.
 *
 * @param task {@code dataset1}, {@code dataset2} or {@code dataset4a-4b}
 * @param records records read
 * @param possiblePairs pairs a comparison of everything would make
 * @param candidatePairs pairs blocking produced
 * @param truePairs true matching pairs
 * @param trueInCandidates true pairs among the candidates (blocking recall times truePairs)
 * @param linked pairs at or above the link threshold
 * @param correct linked pairs that are true
 * @param seconds wall time of blocking, training and scoring
 */
public record FebrlResult(
    String task,
    long records,
    long possiblePairs,
    long candidatePairs,
    long truePairs,
    long trueInCandidates,
    long linked,
    long correct,
    double seconds) {
  public double precision() {
    return linked == 0 ? 1.0 : (double) correct / linked;
  }

  public double recall() {
    return truePairs == 0 ? 1.0 : (double) correct / truePairs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double blockingRecall() {
    return truePairs == 0 ? 1.0 : (double) trueInCandidates / truePairs;
  }
}
