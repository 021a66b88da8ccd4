package io.opencdp.ingest.generator;

/** The raw data files: a directory, a per-month file name (or one fixed file) and a CSV header. */
enum Channel {
  WEB("web", "web-", ".jsonl", null),
  APP("app", "app-", ".jsonl", null),
  POS(
      "pos",
      "pos-",
      ".csv",
      "transaction_id,line_number,store_id,register_id,transaction_ts,loyalty_id,card_last4,first_name,last_name,phone,zip,sku,description,quantity,unit_price,currency"),
  EMAIL("email", "sendgrid-", ".jsonl", null),
  CALLCENTER("callcenter", "connect-", ".jsonl", null),
  CRM(
      "crm",
      "customers",
      ".csv",
      "customer_id,email,phone,first_name,last_name,birth_date,street,city,state,postal_code,country,created_at,updated_at");

  static final Channel[] ALL = values();

  final String dir;
  final String prefix;
  final String suffix;
  final String header;

  Channel(String dir, String prefix, String suffix, String header) {
    this.dir = dir;
    this.prefix = prefix;
    this.suffix = suffix;
    this.header = header;
  }

  boolean monthly() {
    return this != CRM;
  }

  /** The file path relative to the output directory; month is {@code yyyymm}. */
  String file(int month) {
    return monthly()
        ? dir + "/" + prefix + Times.monthName(month) + suffix
        : dir + "/" + prefix + suffix;
  }
}
