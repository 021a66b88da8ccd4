package io.opencdp.ingest.generator;

import java.util.SplittableRandom;

/** A mobile device running the app: its Segment device id, install anonymousId and model. */
record Device(String id, String anonymousId, boolean ios, String type, String model, String os) {
  private static final String[] IPHONES = {
    "iPhone14,2", "iPhone14,5", "iPhone15,2", "iPhone15,4", "iPhone16,1", "iPhone16,2"
  };
  private static final String[] IPADS = {"iPad13,18", "iPad14,1", "iPad13,4", "iPad12,1"};
  private static final String[] ANDROID_PHONES = {
    "SM-S918U", "SM-S911U", "Pixel 7", "Pixel 8 Pro", "moto g stylus 5G"
  };
  private static final String[] ANDROID_TABLETS = {"SM-X200", "SM-X710", "Lenovo TB-X606F"};

  static Device phone(SplittableRandom r) {
    boolean ios = r.nextInt(100) < 57;
    return new Device(
        ios ? Rand.uuid(r).toUpperCase(java.util.Locale.ROOT) : Rand.hex(r, 16),
        Rand.uuid(r),
        ios,
        ios ? "ios" : "android",
        ios ? Rand.pick(r, IPHONES) : Rand.pick(r, ANDROID_PHONES),
        ios ? "17." + r.nextInt(6) : Integer.toString(12 + r.nextInt(3)));
  }

  static Device tablet(SplittableRandom r) {
    boolean ios = r.nextInt(100) < 60;
    return new Device(
        ios ? Rand.uuid(r).toUpperCase(java.util.Locale.ROOT) : Rand.hex(r, 16),
        Rand.uuid(r),
        ios,
        ios ? "ios" : "android",
        ios ? Rand.pick(r, IPADS) : Rand.pick(r, ANDROID_TABLETS),
        ios ? "17." + r.nextInt(6) : Integer.toString(12 + r.nextInt(3)));
  }

  String manufacturer() {
    if (ios) {
      return "Apple";
    }
    return model.startsWith("SM-")
        ? "samsung"
        : model.startsWith("Pixel") ? "Google" : model.startsWith("moto") ? "motorola" : "LENOVO";
  }
}
