package io.opencdp.schemas.config;

/**
 * How often the data generator injects each kind of realistic noise. Every value is a probability
 * per opportunity; the opportunity of each key is documented in {@code cdp-defaults.yaml}.
 *
 * @param nameTypo a written name has a typo (transposition, deletion or substitution)
 * @param nickname a written first name with a known nickname uses it (Robert as Bob)
 * @param phoneFormat a written phone number uses a formatting variant instead of E.164
 * @param emailFormat a written email is upper-cased or has surrounding spaces
 * @param missingField an optional identifying field is left out
 * @param junkValue a written email or phone is a junk value (test@test.com, 0000000000, n/a)
 * @param sharedEmail a household member uses the household's email instead of an own one
 * @param sharedPhone a household member uses the household's phone instead of an own one
 * @param sharedDevice a household of two or more shares a family tablet in the app
 * @param storePhone a walk-in POS transaction carries the store's own default phone
 * @param duplicate a Segment message or SendGrid event is delivered twice
 * @param redelivery an Amazon Connect contact record is re-sent later with newer data
 * @param late a record is received days after it occurred
 * @param outOfOrder a Segment message is received hours late, after later messages
 * @param clockSkew a Segment message comes from a client whose clock runs ahead
 * @param isolated a person shares no identifier across channels
 * @param duplicateAccount a customer has a second e-commerce account
 * @param malformed a record is malformed (truncated, impossible date, missing required field)
 */
public record NoiseRates(
    double nameTypo,
    double nickname,
    double phoneFormat,
    double emailFormat,
    double missingField,
    double junkValue,
    double sharedEmail,
    double sharedPhone,
    double sharedDevice,
    double storePhone,
    double duplicate,
    double redelivery,
    double late,
    double outOfOrder,
    double clockSkew,
    double isolated,
    double duplicateAccount,
    double malformed) {

  public NoiseRates {
    ConfigChecks.rate("generator.noise.name_typo", nameTypo);
    ConfigChecks.rate("generator.noise.nickname", nickname);
    ConfigChecks.rate("generator.noise.phone_format", phoneFormat);
    ConfigChecks.rate("generator.noise.email_format", emailFormat);
    ConfigChecks.rate("generator.noise.missing_field", missingField);
    ConfigChecks.rate("generator.noise.junk_value", junkValue);
    ConfigChecks.rate("generator.noise.shared_email", sharedEmail);
    ConfigChecks.rate("generator.noise.shared_phone", sharedPhone);
    ConfigChecks.rate("generator.noise.shared_device", sharedDevice);
    ConfigChecks.rate("generator.noise.store_phone", storePhone);
    ConfigChecks.rate("generator.noise.duplicate", duplicate);
    ConfigChecks.rate("generator.noise.redelivery", redelivery);
    ConfigChecks.rate("generator.noise.late", late);
    ConfigChecks.rate("generator.noise.out_of_order", outOfOrder);
    ConfigChecks.rate("generator.noise.clock_skew", clockSkew);
    ConfigChecks.rate("generator.noise.isolated", isolated);
    ConfigChecks.rate("generator.noise.duplicate_account", duplicateAccount);
    ConfigChecks.rate("generator.noise.malformed", malformed);
    if (late + outOfOrder > 1.0) {
      throw new IllegalArgumentException(
          "generator.noise.late + generator.noise.out_of_order must be at most 1.0, got "
              + (late + outOfOrder));
    }
    if (isolated > 0.5) {
      throw new IllegalArgumentException(
          "generator.noise.isolated must be at most 0.5, got " + isolated);
    }
  }
}
