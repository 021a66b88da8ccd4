package io.opencdp.ingest.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code truth/persons.csv}: the true attributes of every person. */
final class PersonsTruth implements AutoCloseable {
  static final String HEADER =
      "person_id,household_id,first_name,last_name,gender,birth_date,street,city,state,postal_code,country,email,phone,customer_id,alt_customer_id,alt_email,loyalty_id,isolated";

  private final BufferedWriter writer;
  private final CsvLine csv = new CsvLine();

  PersonsTruth(Path out) throws IOException {
    Path file = out.resolve("truth/persons.csv");
    Files.createDirectories(file.getParent());
    writer =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    writer.write(HEADER);
    writer.write('\n');
  }

  void write(Person p) throws IOException {
    Household hh = p.household();
    csv.reset()
        .add(p.id())
        .add(hh.id())
        .add(p.firstName())
        .add(p.lastName())
        .add(String.valueOf(p.gender()))
        .add(Times.isoDate(p.birthEpochDay()))
        .add(hh.street())
        .add(hh.city().name())
        .add(hh.city().state())
        .add(hh.postalCode())
        .add(hh.city().country())
        .add(p.email())
        .add(p.phone())
        .add(p.customerId())
        .add(p.altCustomerId())
        .add(p.altEmail())
        .add(p.loyaltyId())
        .add(p.isolated() ? "true" : "false");
    writer.write(csv.toString());
    writer.write('\n');
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
