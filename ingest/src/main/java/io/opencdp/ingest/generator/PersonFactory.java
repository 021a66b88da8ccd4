package io.opencdp.ingest.generator;

import io.opencdp.schemas.config.GeneratorConfig;
import java.util.SplittableRandom;

/** Creates persons in index order from the seed, their index and their household's head. */
final class PersonFactory {
  private static final String[] USER_AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918U) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 Edg/129.0.0.0"
  };

  private final long seed;
  private final GeneratorConfig config;
  private final Window window;
  private Person head;

  PersonFactory(long seed, GeneratorConfig config, Window window) {
    this.seed = seed;
    this.config = config;
    this.window = window;
  }

  Person create(int index, Household household, SplittableRandom r) {
    int member = index - household.start();
    Places.City city = household.city();
    String country = city.country();
    boolean female = r.nextBoolean();
    String first = Rand.pick(r, firstNames(country, female));
    String last =
        member == 0 || r.nextInt(100) < 80
            ? household.lastName()
            : Rand.pick(r, lastNames(country));
    long birth = birthDay(r, member);
    boolean isolated = household.isolated();

    String ownEmail = Emails.personal(r, first, last, country, index);
    String ownPhone = Phones.personal(seed, index, city, r);
    boolean sharesEmail =
        member > 0 && head != null && Rand.chance(r, config.noise().sharedEmail());
    boolean sharesPhone =
        member > 0 && head != null && Rand.chance(r, config.noise().sharedPhone());
    String email = sharesEmail ? head.email() : ownEmail;
    String phone = sharesPhone ? head.phone() : ownPhone;

    // the two members who share a family tablet both log in on it: anonymous use of a shared
    // device by someone without an account could not be told apart from the other user's
    boolean tabletUser = household.sharesDevice() && member < 2;
    boolean account = !isolated && (r.nextInt(100) < 60 | tabletUser);
    String customerId = account ? customerId(index) : null;
    boolean duplicateAccount = account && Rand.chance(r, config.noise().duplicateAccount());
    String altCustomerId = duplicateAccount ? customerId(index + 500_000_000L) : null;
    String altEmail = duplicateAccount ? Emails.alternative(r, email, country) : null;

    boolean us = country.equals("US");
    boolean pos = us && r.nextInt(100) < 65;
    String loyaltyId = !isolated && pos && r.nextInt(100) < 55 ? loyaltyId(index) : null;
    String cardLast4 = Rand.digits(r, 4);

    Habits habits = habits(r, household, member, isolated, account, pos, sharesEmail);
    Person person =
        new Person(
            index,
            Person.id(index),
            household,
            member,
            female ? 'F' : 'M',
            first,
            last,
            birth,
            email,
            phone,
            sharesEmail,
            sharesPhone,
            customerId,
            altCustomerId,
            altEmail,
            loyaltyId,
            cardLast4,
            habits);
    if (member == 0) {
      head = person;
    }
    return person;
  }

  private Habits habits(
      SplittableRandom r,
      Household household,
      int member,
      boolean isolated,
      boolean account,
      boolean pos,
      boolean sharesEmail) {
    double sigma = 0.9;
    double activity = Math.min(40, Math.exp(sigma * Rand.gaussian(r) - sigma * sigma / 2));
    boolean tablet = household.sharesDevice() && member < 2;
    boolean web = isolated || r.nextInt(100) < 85;
    boolean app = tablet || (account && r.nextInt(100) < 40);
    // an ESP keys its list by address: a member who uses the household's email is not a second
    // subscriber (the mail to that address is the head's)
    boolean subscriber = !isolated && r.nextInt(100) < 62 && !sharesEmail;
    int homeStore = r.nextInt(config.stores());
    Device phone = Device.phone(r);
    String[] anon = new String[1 + (r.nextInt(3) == 0 ? 1 : 0)];
    String[] agents = new String[anon.length];
    for (int i = 0; i < anon.length; i++) {
      anon[i] = Rand.uuid(r);
      agents[i] = Rand.pick(r, USER_AGENTS);
    }
    String ip =
        (r.nextBoolean() ? "73." : "98.")
            + r.nextInt(256)
            + "."
            + r.nextInt(256)
            + "."
            + (1 + r.nextInt(254));
    long created = 0;
    boolean signup = false;
    if (account) {
      signup = r.nextInt(100) < 12;
      created =
          signup
              ? window.randomInstant(r)
              : window.startMs()
                  - Rand.between(r, 1L, 6 * 365L) * Times.DAY
                  - r.nextInt(86_400) * 1000L;
    }
    return new Habits(
        activity, web, app, subscriber, pos, homeStore, phone, anon, agents, ip, created, signup);
  }

  private long birthDay(SplittableRandom r, int member) {
    long endDay = window.endDate().toEpochDay();
    int age =
        switch (member) {
          case 0 -> Rand.between(r, 22, 84);
          case 1 -> Rand.between(r, 22, 80);
          default -> Rand.between(r, 16, 30);
        };
    return endDay - age * 365L - r.nextInt(365);
  }

  private String customerId(long index) {
    return "C"
        + pad(
            Rand.permute(
                index,
                387_420_489L,
                Math.floorMod(Rand.mix(seed + 1), 1_000_000_000L),
                1_000_000_000L),
            9);
  }

  private String loyaltyId(long index) {
    return "LY"
        + pad(
            Rand.permute(
                index,
                1_000_003L,
                Math.floorMod(Rand.mix(seed + 2), 10_000_000_000L),
                10_000_000_000L),
            10);
  }

  static String[] firstNames(String country, boolean female) {
    return switch (country) {
      case "GB" -> female ? NameLists.GB_FEMALE : NameLists.GB_MALE;
      case "DE" -> female ? NameLists.DE_FEMALE : NameLists.DE_MALE;
      default -> female ? NameLists.US_FEMALE : NameLists.US_MALE;
    };
  }

  static String[] lastNames(String country) {
    return switch (country) {
      case "GB" -> NameLists.GB_LAST;
      case "DE" -> NameLists.DE_LAST;
      default -> NameLists.US_LAST;
    };
  }

  private static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
