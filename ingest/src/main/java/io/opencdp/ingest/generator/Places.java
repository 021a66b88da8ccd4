package io.opencdp.ingest.generator;

import java.time.ZoneId;
import java.util.SplittableRandom;

/** Cities with their postal-code shape, time zone and area codes; street names per country. */
final class Places {
  record City(
      String country,
      String name,
      String state,
      String postalPrefix,
      ZoneId zone,
      String[] areaCodes) {}

  private static City us(String name, String state, String zip3, String zone, String... areas) {
    return new City("US", name, state, zip3, ZoneId.of(zone), areas);
  }

  static final City[] US = {
    us("New York", "NY", "100", "America/New_York", "212", "646", "917"),
    us("Brooklyn", "NY", "112", "America/New_York", "718", "347"),
    us("Los Angeles", "CA", "900", "America/Los_Angeles", "213", "310", "323"),
    us("San Diego", "CA", "921", "America/Los_Angeles", "619", "858"),
    us("San Francisco", "CA", "941", "America/Los_Angeles", "415", "628"),
    us("San Jose", "CA", "951", "America/Los_Angeles", "408", "669"),
    us("Sacramento", "CA", "958", "America/Los_Angeles", "916"),
    us("Chicago", "IL", "606", "America/Chicago", "312", "773", "872"),
    us("Houston", "TX", "770", "America/Chicago", "713", "281", "832"),
    us("Dallas", "TX", "752", "America/Chicago", "214", "469", "972"),
    us("Austin", "TX", "787", "America/Chicago", "512", "737"),
    us("San Antonio", "TX", "782", "America/Chicago", "210", "726"),
    us("Phoenix", "AZ", "850", "America/Phoenix", "602", "480", "623"),
    us("Philadelphia", "PA", "191", "America/New_York", "215", "267"),
    us("Pittsburgh", "PA", "152", "America/New_York", "412"),
    us("Jacksonville", "FL", "322", "America/New_York", "904"),
    us("Miami", "FL", "331", "America/New_York", "305", "786"),
    us("Tampa", "FL", "336", "America/New_York", "813"),
    us("Orlando", "FL", "328", "America/New_York", "407", "321"),
    us("Columbus", "OH", "432", "America/New_York", "614"),
    us("Cleveland", "OH", "441", "America/New_York", "216"),
    us("Indianapolis", "IN", "462", "America/Indiana/Indianapolis", "317"),
    us("Charlotte", "NC", "282", "America/New_York", "704", "980"),
    us("Raleigh", "NC", "276", "America/New_York", "919"),
    us("Seattle", "WA", "981", "America/Los_Angeles", "206"),
    us("Portland", "OR", "972", "America/Los_Angeles", "503", "971"),
    us("Denver", "CO", "802", "America/Denver", "303", "720"),
    us("Washington", "DC", "200", "America/New_York", "202"),
    us("Boston", "MA", "021", "America/New_York", "617", "857"),
    us("Nashville", "TN", "372", "America/Chicago", "615"),
    us("Memphis", "TN", "381", "America/Chicago", "901"),
    us("Detroit", "MI", "482", "America/Detroit", "313"),
    us("Las Vegas", "NV", "891", "America/Los_Angeles", "702"),
    us("Louisville", "KY", "402", "America/New_York", "502"),
    us("Baltimore", "MD", "212", "America/New_York", "410", "443"),
    us("Milwaukee", "WI", "532", "America/Chicago", "414"),
    us("Albuquerque", "NM", "871", "America/Denver", "505"),
    us("Atlanta", "GA", "303", "America/New_York", "404", "678", "470"),
    us("Minneapolis", "MN", "554", "America/Chicago", "612"),
    us("Salt Lake City", "UT", "841", "America/Denver", "801", "385"),
    us("Honolulu", "HI", "968", "Pacific/Honolulu", "808"),
    us("Anchorage", "AK", "995", "America/Anchorage", "907")
  };

  static final City[] GB = {
    new City("GB", "London", "England", "SW", ZoneId.of("Europe/London"), new String[] {"20"}),
    new City("GB", "Manchester", "England", "M", ZoneId.of("Europe/London"), new String[] {"161"}),
    new City("GB", "Birmingham", "England", "B", ZoneId.of("Europe/London"), new String[] {"121"}),
    new City("GB", "Leeds", "England", "LS", ZoneId.of("Europe/London"), new String[] {"113"}),
    new City("GB", "Glasgow", "Scotland", "G", ZoneId.of("Europe/London"), new String[] {"141"}),
    new City("GB", "Bristol", "England", "BS", ZoneId.of("Europe/London"), new String[] {"117"})
  };

  static final City[] DE = {
    new City("DE", "Berlin", "BE", "10", ZoneId.of("Europe/Berlin"), new String[] {"30"}),
    new City("DE", "München", "BY", "80", ZoneId.of("Europe/Berlin"), new String[] {"89"}),
    new City("DE", "Hamburg", "HH", "20", ZoneId.of("Europe/Berlin"), new String[] {"40"}),
    new City("DE", "Köln", "NW", "50", ZoneId.of("Europe/Berlin"), new String[] {"221"}),
    new City(
        "DE", "Frankfurt am Main", "HE", "60", ZoneId.of("Europe/Berlin"), new String[] {"69"}),
    new City("DE", "Stuttgart", "BW", "70", ZoneId.of("Europe/Berlin"), new String[] {"711"})
  };

  private static final String[] US_STREETS = {
    "Main",
    "Oak",
    "Pine",
    "Maple",
    "Cedar",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Park",
    "Walnut",
    "Sunset",
    "Lincoln",
    "Jackson",
    "Church",
    "Highland",
    "Ridge",
    "Meadow",
    "Willow",
    "Spring",
    "Franklin",
    "Madison",
    "Jefferson",
    "River",
    "Forest",
    "Center",
    "Mill",
    "Chestnut",
    "Adams",
    "Valley",
    "Broad",
    "Cherry",
    "Dogwood",
    "Magnolia",
    "Hickory",
    "Sycamore",
    "Birch",
    "Laurel"
  };
  private static final String[] US_SUFFIXES = {
    "St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Ct", "Way", "Pl", "Ter"
  };
  private static final String[] GB_STREETS = {
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road",
    "Park Avenue", "Queens Road", "The Crescent", "Mill Lane", "Kings Road", "London Road"
  };
  private static final String[] DE_STREETS = {
    "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße", "Bergstraße",
    "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Goethestraße", "Schillerstraße"
  };
  private static final String POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  private Places() {}

  static City city(SplittableRandom r, double internationalShare) {
    if (Rand.chance(r, internationalShare)) {
      return r.nextInt(5) < 3 ? Rand.pick(r, GB) : Rand.pick(r, DE);
    }
    // larger cities first in the list get a little more weight
    int i = Math.min(r.nextInt(US.length), r.nextInt(US.length + 8));
    return US[Math.min(i, US.length - 1)];
  }

  static String street(SplittableRandom r, City city) {
    return switch (city.country()) {
      case "GB" -> (1 + r.nextInt(180)) + " " + Rand.pick(r, GB_STREETS);
      case "DE" -> Rand.pick(r, DE_STREETS) + " " + (1 + r.nextInt(120));
      default -> {
        String s =
            (10 + r.nextInt(9980))
                + " "
                + Rand.pick(r, US_STREETS)
                + " "
                + Rand.pick(r, US_SUFFIXES);
        if (r.nextInt(8) == 0) {
          s += ", Apt " + (1 + r.nextInt(40)) + (char) ('A' + r.nextInt(4));
        }
        yield s;
      }
    };
  }

  static String postalCode(SplittableRandom r, City city) {
    return switch (city.country()) {
      case "GB" ->
          city.postalPrefix()
              + (1 + r.nextInt(20))
              + " "
              + r.nextInt(10)
              + POSTCODE_LETTERS.charAt(r.nextInt(POSTCODE_LETTERS.length()))
              + POSTCODE_LETTERS.charAt(r.nextInt(POSTCODE_LETTERS.length()));
      case "DE" -> city.postalPrefix() + Rand.digits(r, 3);
      default -> city.postalPrefix() + Rand.digits(r, 2);
    };
  }
}
