/**
 * Golden profiles as plain Java: survivorship, contact points, computed and custom traits and
 * consent, fed one event at a time by a {@link io.opencdp.resolve.profile.ProfileAccumulator} that
 * produces an immutable {@link io.opencdp.resolve.profile.GoldenProfile}. No engine code here: the
 * Spark batch build ({@code io.opencdp.resolve.spark.profile}) and the Flink streaming job call
 * these same classes, so the two can never disagree. The rules are documented in {@code
 * docs/profiles.md}.
 */
package io.opencdp.resolve.profile;
