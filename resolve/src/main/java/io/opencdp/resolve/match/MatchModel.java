package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A trained Fellegi-Sunter model, saved as a JSON file a person can read: per comparison and level
 * the m and u probabilities and the weight they give, plus the prior that a candidate pair matches.
 *
 * @param formatVersion version of this file layout, {@value #FORMAT_VERSION}
 * @param trainedAt when it was trained
 * @param matchPrior share of candidate pairs that match, as EM estimated it
 * @param comparisons one entry per compared field, in vector order
 * @param training how it was trained
 */
public record MatchModel(
    int formatVersion,
    Instant trainedAt,
    double matchPrior,
    List<ComparisonWeights> comparisons,
    TrainingSummary training) {
  public static final int FORMAT_VERSION = 1;

  public MatchModel {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "model format_version "
              + formatVersion
              + " is not supported; expected "
              + FORMAT_VERSION);
    }
    requireNonNull(trainedAt, "trained_at is required");
    if (!(matchPrior > 0 && matchPrior < 1)) {
      throw new IllegalArgumentException("match_prior must be in (0, 1), got " + matchPrior);
    }
    comparisons = List.copyOf(comparisons);
    requireNonNull(training, "training is required");
  }

  /** The comparisons in vector order. */
  public Comparisons toComparisons() {
    return new Comparisons(comparisons.stream().map(ComparisonWeights::comparison).toList());
  }

  /** Writes the model as indented JSON. */
  public void save(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      writer().writeValue(tmp.toFile(), this);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write match model " + file, e);
    }
  }

  /** Reads a model file; fails naming the file and what is wrong with it. */
  public static MatchModel load(Path file) {
    try {
      return Json.mapper().readValue(file.toFile(), MatchModel.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read match model " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectMapper writer() {
    return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
