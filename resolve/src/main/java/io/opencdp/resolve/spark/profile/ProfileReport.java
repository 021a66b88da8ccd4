package io.opencdp.resolve.spark.profile;

import java.time.Duration;
import java.time.Instant;

/**
 * What a profile build produced.
 *
 * @param profiles golden profiles written
 * @param asOf the time windowed traits were computed at
 * @param elapsed how long the build took
 */
public record ProfileReport(long profiles, Instant asOf, Duration elapsed) {}
