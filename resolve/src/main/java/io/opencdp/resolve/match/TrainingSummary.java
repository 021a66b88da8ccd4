package io.opencdp.resolve.match;

/**
 * How a model was trained, kept in the model file so a reader can judge it.
 *
 * @param records records trained on
 * @param candidatePairs candidate pairs EM ran over
 * @param distinctVectors distinct comparison vectors among them
 * @param randomPairs random pairs the u probabilities were counted on
 * @param seed seed of the random pair sample
 * @param iterations EM iterations run
 * @param converged whether EM stopped because the parameters stopped moving
 */
public record TrainingSummary(
    long records,
    long candidatePairs,
    long distinctVectors,
    long randomPairs,
    long seed,
    int iterations,
    boolean converged) {}
