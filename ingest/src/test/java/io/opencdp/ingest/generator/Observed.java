package io.opencdp.ingest.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.ingest.generator.GeneratedTree.Line;
import io.opencdp.ingest.generator.GeneratedTree.PersonRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts, by reading the written files and comparing with truth/persons.csv, what the manifest
 * claims per file. Also keeps the rate denominators (opportunities) the rate test needs.
 */
final class Observed {
  static final Set<String> JUNK =
      Set.of(
          "test@test.com",
          "none@none.com",
          "noemail@noemail.com",
          "n/a",
          "unknown",
          "0000000000",
          "1234567890",
          "9999999999");
  static final String POS_HEADER =
      "transaction_id,line_number,store_id,register_id,transaction_ts,loyalty_id,card_last4,first_name,last_name,phone,zip,sku,description,quantity,unit_price,currency";
  static final String CRM_HEADER =
      "customer_id,email,phone,first_name,last_name,birth_date,street,city,state,postal_code,country,created_at,updated_at";
  private static final DateTimeFormatter POS_TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /** Counts per file, keyed like the manifest. */
  final Map<String, Map<String, Long>> perFile = new TreeMap<>();

  /** Opportunities and hits for rates, keyed by noise name. */
  final Map<String, long[]> rates = new TreeMap<>();

  /** Lines whose malformation the files show, by "file#line". */
  final Set<String> malformedLines = new HashSet<>();

  /** Field values no rule explains; must stay empty. */
  final Map<String, String> unexplained = new TreeMap<>();

  private final GeneratedTree tree;
  private final Map<String, Set<String>> devicePersons = new HashMap<>();

  Observed(GeneratedTree tree) {
    this.tree = tree;
    tree.wellFormed("app")
        .forEach(
            l ->
                devicePersons
                    .computeIfAbsent(
                        l.json().path("context").path("device").path("id").asText(),
                        k -> new HashSet<>())
                    .add(l.personId()));
    Set<String> seenIds = new HashSet<>();
    for (Line line : tree.lines) {
      Map<String, Long> counts = perFile.computeIfAbsent(line.file(), k -> new TreeMap<>());
      add(counts, "records");
      String malformation = malformation(line);
      if (malformation != null) {
        malformedLines.add(line.file() + "#" + line.number());
        add(counts, "malformed");
        add(counts, "malformed_" + malformation);
        continue;
      }
      String kind = observe(line, counts, seenIds);
      add(counts, kind);
    }
  }

  long count(String file, String key) {
    return perFile.getOrDefault(file, Map.of()).getOrDefault(key, 0L);
  }

  double rate(String noise) {
    long[] r = rates.get(noise);
    return r == null || r[0] == 0 ? Double.NaN : (double) r[1] / r[0];
  }

  private static void add(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  private void opportunity(String noise, boolean hit) {
    long[] r = rates.computeIfAbsent(noise, k -> new long[2]);
    r[0]++;
    if (hit) {
      r[1]++;
    }
  }

  // ---- malformation, as a consumer would detect it

  private String malformation(Line line) {
    switch (line.channel()) {
      case "web", "app", "email", "callcenter" -> {
        if (line.json() == null) {
          return "truncated_json";
        }
        JsonNode j = line.json();
        String required =
            switch (line.channel()) {
              case "email" -> "email";
              case "callcenter" -> "ContactId";
              default -> "messageId";
            };
        if (!j.hasNonNull(required)) {
          return "missing_required";
        }
        String date =
            switch (line.channel()) {
              case "callcenter" -> j.path("InitiationTimestamp").asText();
              case "email" -> null;
              default -> j.path("timestamp").asText();
            };
        if (date != null && !parsesInstant(date)) {
          return "impossible_date";
        }
        return null;
      }
      case "pos" -> {
        if (line.csv(POS_HEADER, "transaction_id").isEmpty()) {
          return "missing_required";
        }
        try {
          LocalDateTime.parse(
              line.csv(POS_HEADER, "transaction_ts"),
              POS_TS.withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (RuntimeException e) {
          return "impossible_date";
        }
        return null;
      }
      default -> {
        if (line.csv(CRM_HEADER, "customer_id").isEmpty()) {
          return "missing_required";
        }
        // the generator breaks updated_at: a bad birth date alone does not reject a customer row
        return parsesInstant(line.csv(CRM_HEADER, "updated_at")) ? null : "impossible_date";
      }
    }
  }

  private static boolean parsesInstant(String s) {
    try {
      Instant.parse(s);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  // ---- per channel observations of a well-formed line; returns its kind

  private String observe(Line line, Map<String, Long> counts, Set<String> seenIds) {
    PersonRow p = tree.person(line);
    JsonNode j = line.json();
    switch (line.channel()) {
      case "web", "app" -> {
        boolean dup = !seenIds.add("segment:" + j.path("messageId").asText());
        Instant ts = Instant.parse(j.path("timestamp").asText());
        Instant received = Instant.parse(j.path("receivedAt").asText());
        Instant sent = Instant.parse(j.path("sentAt").asText());
        long delay = received.toEpochMilli() - ts.toEpochMilli();
        if (delay >= 86_400_000L) {
          add(counts, "late");
        } else if (delay >= 3_600_000L) {
          add(counts, "out_of_order");
        }
        if (sent.isAfter(received)) {
          add(counts, "clock_skew");
        }
        if (!dup) {
          opportunity("late", delay >= 86_400_000L);
          opportunity("out_of_order", delay >= 3_600_000L && delay < 86_400_000L);
          opportunity("clock_skew", sent.isAfter(received));
          opportunity("duplicate", false);
        } else {
          rates.get("duplicate")[1]++;
        }
        laterFile(line, counts, month(ts));
        if (line.channel().equals("app")
            && devicePersons.get(j.path("context").path("device").path("id").asText()).size() > 1) {
          add(counts, "shared_device");
        }
        if (j.path("type").asText().equals("identify")) {
          JsonNode traits = j.path("traits");
          email(line, counts, text(traits, "email"), Set.of(p.get("email")));
          if (!p.isolated()) {
            missing(counts, !traits.has("phone"));
          }
          phone(line, counts, text(traits, "phone"), p.get("phone"), false);
          name(line, counts, text(traits, "firstName"), p.get("first_name"), true);
          name(line, counts, text(traits, "lastName"), p.get("last_name"), false);
          missing(counts, !traits.has("birthday"));
          missing(counts, !traits.has("address"));
        }
        return dup ? "duplicate" : "ok";
      }
      case "email" -> {
        boolean dup = !seenIds.add("sendgrid:" + j.path("sg_event_id").asText());
        if (!dup) {
          opportunity("duplicate", false);
        } else {
          rates.get("duplicate")[1]++;
        }
        if (!j.path("email").asText().equals(p.get("email"))) {
          unexplained.put(
              line.file() + "#" + line.number(), "sendgrid email " + j.path("email").asText());
        }
        laterFile(line, counts, month(Instant.ofEpochSecond(j.path("timestamp").asLong())));
        return dup ? "duplicate" : "ok";
      }
      case "callcenter" -> {
        boolean redelivery = !seenIds.add("connect:" + j.path("ContactId").asText());
        if (!redelivery) {
          opportunity("redelivery", false);
        } else {
          rates.get("redelivery")[1]++;
        }
        laterFile(line, counts, month(Instant.parse(j.path("InitiationTimestamp").asText())));
        JsonNode a = j.path("Attributes");
        name(line, counts, text(a, "first_name"), p.get("first_name"), true);
        name(line, counts, text(a, "last_name"), p.get("last_name"), false);
        email(line, counts, text(a, "email"), Set.of(p.get("email")));
        return redelivery ? "redelivery" : "ok";
      }
      case "pos" -> {
        LocalDateTime ts = LocalDateTime.parse(line.csv(POS_HEADER, "transaction_ts"), POS_TS);
        laterFile(line, counts, ts.getYear() * 100 + ts.getMonthValue());
        name(line, counts, line.csv(POS_HEADER, "first_name"), p.get("first_name"), true);
        name(line, counts, line.csv(POS_HEADER, "last_name"), p.get("last_name"), false);
        boolean walkIn = line.csv(POS_HEADER, "loyalty_id").isEmpty();
        if (walkIn) {
          opportunity("store_phone", false);
        }
        phone(line, counts, line.csv(POS_HEADER, "phone"), p.get("phone"), walkIn);
        return "ok";
      }
      default -> {
        String customerId = line.csv(CRM_HEADER, "customer_id");
        boolean second = customerId.equals(p.get("alt_customer_id"));
        if (!second && !customerId.equals(p.get("customer_id"))) {
          unexplained.put(line.file() + "#" + line.number(), "customer id " + customerId);
        }
        opportunity("duplicate_account", second);
        email(
            line,
            counts,
            line.csv(CRM_HEADER, "email"),
            Set.of(second ? p.get("alt_email") : p.get("email")));
        String phone = line.csv(CRM_HEADER, "phone");
        missing(counts, phone.isEmpty());
        phone(line, counts, phone, p.get("phone"), false);
        if (!second) {
          name(line, counts, line.csv(CRM_HEADER, "first_name"), p.get("first_name"), true);
        } else {
          // a second account always differs in the first name; counted but not a rate sample
          String first = line.csv(CRM_HEADER, "first_name");
          add(counts, isNickname(first, p.get("first_name")) ? "nickname" : "name_typo");
        }
        name(line, counts, line.csv(CRM_HEADER, "last_name"), p.get("last_name"), false);
        missing(counts, line.csv(CRM_HEADER, "birth_date").isEmpty());
        missing(counts, line.csv(CRM_HEADER, "street").isEmpty());
        return second ? "duplicate_account" : "ok";
      }
    }
  }

  private void laterFile(Line line, Map<String, Long> counts, int eventMonth) {
    if (eventMonth < line.month()) {
      add(counts, "late_in_later_file");
    }
  }

  private void missing(Map<String, Long> counts, boolean missing) {
    opportunity("missing_field", missing);
    if (missing) {
      add(counts, "missing_field");
    }
  }

  private void name(
      Line line, Map<String, Long> counts, String value, String truth, boolean first) {
    if (value == null || value.isEmpty()) {
      return;
    }
    boolean nicknameable = first && Names.hasNickname(truth);
    if (value.equalsIgnoreCase(truth)) {
      if (nicknameable) {
        opportunity("nickname", false);
      }
      opportunity("name_typo", false);
      return;
    }
    if (first && isNickname(value, truth)) {
      opportunity("nickname", true);
      add(counts, "nickname");
      return;
    }
    if (nicknameable) {
      opportunity("nickname", false);
    }
    opportunity("name_typo", true);
    add(counts, "name_typo");
    if (!isOneEdit(value.toLowerCase(Locale.ROOT), truth.toLowerCase(Locale.ROOT))) {
      unexplained.put(line.file() + "#" + line.number(), "name " + value + " for " + truth);
    }
  }

  private static boolean isNickname(String value, String truth) {
    for (String nick : Names.nicknames(truth)) {
      if (nick.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  private void email(Line line, Map<String, Long> counts, String value, Set<String> truth) {
    if (value == null) {
      return;
    }
    boolean junk = JUNK.contains(value);
    opportunity("junk_value", junk);
    if (junk) {
      add(counts, "junk_value");
      return;
    }
    boolean variant = !truth.contains(value);
    opportunity("email_format", variant);
    if (variant) {
      add(counts, "email_format");
      if (!truth.contains(value.strip().toLowerCase(Locale.ROOT))) {
        unexplained.put(line.file() + "#" + line.number(), "email " + value);
      }
    }
  }

  private void phone(
      Line line, Map<String, Long> counts, String value, String truth, boolean walkIn) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (!JUNK.contains(value) && !value.equals(truth) && !normalize(value, truth).equals(truth)) {
      if (walkIn) {
        rates.get("store_phone")[1]++;
        add(counts, "store_phone");
      } else {
        unexplained.put(line.file() + "#" + line.number(), "phone " + value + " for " + truth);
      }
      return;
    }
    boolean junk = JUNK.contains(value);
    opportunity("junk_value", junk);
    if (junk) {
      add(counts, "junk_value");
      return;
    }
    boolean variant = !value.equals(truth);
    opportunity("phone_format", variant);
    if (variant) {
      add(counts, "phone_format");
    }
  }

  /** E.164 of a typed phone, using the truth's country code for national formats. */
  static String normalize(String value, String truthE164) {
    String digits = value.replace("(0)", "").replaceAll("[^0-9]", "");
    if (value.strip().startsWith("+")) {
      return "+" + digits;
    }
    if (digits.startsWith("00")) {
      return "+" + digits.substring(2);
    }
    String country = truthE164.startsWith("+1") ? "1" : truthE164.substring(1, 3);
    if (digits.startsWith("0")) {
      return "+" + country + digits.substring(1);
    }
    if (digits.length() == 10 && country.equals("1")) {
      return "+1" + digits;
    }
    return "+" + digits;
  }

  private static boolean isOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    if (a.length() == b.length()) {
      int diffs = 0;
      int first = -1;
      for (int i = 0; i < a.length(); i++) {
        if (a.charAt(i) != b.charAt(i)) {
          if (first < 0) {
            first = i;
          }
          diffs++;
        }
      }
      boolean transposed =
          diffs == 2
              && first + 1 < a.length()
              && a.charAt(first) == b.charAt(first + 1)
              && a.charAt(first + 1) == b.charAt(first);
      return diffs == 1 || transposed;
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = a.length() > b.length() ? b : a;
    for (int i = 0; i < longer.length(); i++) {
      if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static int month(Instant instant) {
    YearMonth ym = YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    return ym.getYear() * 100 + ym.getMonthValue();
  }
}
