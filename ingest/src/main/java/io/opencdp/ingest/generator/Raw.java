package io.opencdp.ingest.generator;

/**
 * One raw record on its way to a file: its text (one physical line without the newline), where it
 * goes, its truth kind and the noise it carries.
 */
final class Raw {
  final Channel channel;
  final long receivedMs;
  final int fileMonth;
  final int eventMonth;
  final int seq;
  final String text;
  final Kind kind;
  final Malformation malformation;
  final byte[] tallies;

  Raw(
      Channel channel,
      long receivedMs,
      int fileMonth,
      int eventMonth,
      int seq,
      String text,
      Kind kind,
      Malformation malformation,
      byte[] tallies) {
    this.channel = channel;
    this.receivedMs = receivedMs;
    this.fileMonth = fileMonth;
    this.eventMonth = eventMonth;
    this.seq = seq;
    this.text = text;
    this.kind = malformation != null ? Kind.MALFORMED : kind;
    this.malformation = malformation;
    this.tallies = tallies;
  }

  static byte[] tallies() {
    return new byte[Tally.ALL.length];
  }
}
