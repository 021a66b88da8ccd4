package io.opencdp.ingest.generator;

import java.util.SplittableRandom;

/**
 * The web site's consent banner (Segment Consent Management): on their first web session a person
 * chooses whether to allow the categories {@code ad_targeting} and {@code analytics}; some later
 * withdraw ad targeting in the preference center. Every decision is drawn from a stream of its own
 * per person ({@link Rand#CONSENT}), so the rest of the generated data does not depend on it.
 */
final class ConsentBanner {
  /** The categories as the banner names them; the connector turns each into a purpose. */
  static final String AD_TARGETING = "ad_targeting";

  static final String ANALYTICS = "analytics";

  /** Share of persons who allow ad targeting on the banner. */
  static final double GRANT_AD_TARGETING = 0.66;

  /** Share of those granting, with a later web session, who withdraw ad targeting later. */
  static final double WITHDRAW_AD_TARGETING = 0.15;

  private static final double ANALYTICS_WITH_ADS = 0.9;
  private static final double ANALYTICS_WITHOUT_ADS = 0.35;

  /** What the browser's consent manager reports from a session on. */
  record Choice(boolean adTargeting, boolean analytics) {}

  private final long seed;

  ConsentBanner(long seed) {
    this.seed = seed;
  }

  /**
   * The choice in force in each of a person's web sessions (in time order): the banner's choice
   * from the first session on, and a withdrawal of ad targeting from a later session on for some.
   * Empty without sessions.
   */
  Choice[] plan(Person person, int sessions) {
    Choice[] plan = new Choice[sessions];
    if (sessions == 0) {
      return plan;
    }
    SplittableRandom r = Rand.stream(seed, Rand.CONSENT, person.index());
    boolean ads = r.nextDouble() < GRANT_AD_TARGETING;
    boolean analytics = r.nextDouble() < (ads ? ANALYTICS_WITH_ADS : ANALYTICS_WITHOUT_ADS);
    Choice choice = new Choice(ads, analytics);
    int change = sessions;
    if (ads && sessions > 1 && r.nextDouble() < WITHDRAW_AD_TARGETING) {
      change = 1 + r.nextInt(sessions - 1);
    }
    for (int i = 0; i < sessions; i++) {
      plan[i] = i < change ? choice : new Choice(false, analytics);
    }
    return plan;
  }
}
