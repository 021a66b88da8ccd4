package io.opencdp.resolve.ids;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that keep profile ids stable across resolution runs, in one place for the batch ({@code
 * io.opencdp.resolve.spark}) and the streaming path:
 *
 * <ol>
 *   <li><b>Choice.</b> Each new component (a person as this run resolved it) wants the previous id
 *       it shares the most identifiers with; ties go to the id first seen earliest, then the
 *       smaller id ({@link #choice}).
 *   <li><b>Conflicts.</b> An id goes to at most one component: of the components that want it, the
 *       one sharing the most identifiers with it wins; ties go to the component first seen
 *       earliest, then the smaller cluster key ({@link #winner}). The others get new ids.
 *   <li><b>New ids</b> are derived from the component's cluster key ({@link #mint}); an id already
 *       used (by any profile, alias or retired id, ever) is never reused: the next attempt is
 *       tried.
 *   <li><b>Merges.</b> A previous id no component took while its identifiers live on in other
 *       profiles becomes an alias of the profile holding most of them; ties go to the profile first
 *       seen earliest, then the smaller id ({@link #survivor}). An id none of whose identifiers
 *       remain in any profile is retired.
 * </ol>
 */
public final class ProfileIdRules {
  /** How a component ranks the previous ids it overlaps: best first. */
  public static final Comparator<Overlap> ID_PREFERENCE =
      Comparator.comparingLong(Overlap::shared)
          .reversed()
          .thenComparing(
              Overlap::previousFirstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Overlap::previousId);

  /** How a previous id ranks the components that want it: best first. */
  public static final Comparator<Overlap> COMPONENT_PREFERENCE =
      Comparator.comparingLong(Overlap::shared)
          .reversed()
          .thenComparing(
              Overlap::componentFirstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Overlap::component);

  /** How an alias's candidate survivors rank: best first. */
  public static final Comparator<Holder> SURVIVOR_PREFERENCE =
      Comparator.comparingLong(Holder::shared)
          .reversed()
          .thenComparing(Holder::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Holder::profileId);

  /** A walk-in profile's events, the one its id is minted from first. */
  private static final Comparator<Map.Entry<String, Instant>> WALK_IN_ORDER =
      Map.Entry.<String, Instant>comparingByValue(Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Map.Entry.comparingByKey());

  private static final String PREFIX = "p_";
  private static final int HEX_DIGITS = 16;
  private static final String WALK_IN = "walk_in:";

  private ProfileIdRules() {}

  /**
   * A profile that holds some identifiers of an id no component took.
   *
   * @param profileId the profile's id in this run
   * @param firstSeen when that id was first seen; null when unknown
   * @param shared how many of the untaken id's identifiers it holds
   */
  public record Holder(String profileId, Instant firstSeen, long shared) {
    public Holder {
      requireNonNull(profileId, "profileId is null");
    }
  }

  /** The previous id one component wants, from its overlaps; empty when it overlaps none. */
  public static Optional<Overlap> choice(Collection<Overlap> overlapsOfOneComponent) {
    return overlapsOfOneComponent.stream().min(ID_PREFERENCE);
  }

  /** Of the components that want one previous id, the one that gets it. */
  public static Optional<Overlap> winner(Collection<Overlap> claimsOnOneId) {
    return claimsOnOneId.stream().min(COMPONENT_PREFERENCE);
  }

  /** The profile an untaken id becomes an alias of; empty when it is retired. */
  public static Optional<Holder> survivor(Collection<Holder> holders) {
    return holders.stream().min(SURVIVOR_PREFERENCE);
  }

  /**
   * The id of a walk-in profile (records no identifier placed, joined by probabilistic links only,
   * {@code MatchLinkGuard}): minted from its earliest received event (then the smallest event id),
   * so it stays while the profile grows.
   *
   * @param receivedAt the received-at time of each of the profile's events (null when unknown)
   */
  public static String walkInId(Map<String, Instant> receivedAt) {
    String earliest =
        receivedAt.entrySet().stream()
            .min(WALK_IN_ORDER)
            .orElseThrow(() -> new IllegalArgumentException("a walk-in profile has events"))
            .getKey();
    return mint(WALK_IN + earliest, 0);
  }

  /**
   * A new profile id: {@code p_} + 16 hex digits of SHA-256 of the cluster key (the id the first
   * resolve version gave), or of {@code clusterKey#attempt} when the earlier attempts are taken.
   */
  public static String mint(String clusterKey, int attempt) {
    requireNonNull(clusterKey, "clusterKey is null");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative, got " + attempt);
    }
    String input = attempt == 0 ? clusterKey : clusterKey + "#" + attempt;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
