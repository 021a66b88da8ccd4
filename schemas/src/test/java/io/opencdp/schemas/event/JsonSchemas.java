package io.opencdp.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Loads the JSON Schema documents from the class path, asserting formats (date, date-time). */
final class JsonSchemas {
  static final String TOUCHPOINT_EVENT = "touchpoint-event.schema.json";
  static final String SEGMENT_MESSAGE = "segment-message.schema.json";
  static final String SENDGRID_EVENT = "sendgrid-event.schema.json";
  static final String AMAZON_CONNECT_CTR = "amazon-connect-ctr.schema.json";
  static final String POS_TRANSACTION_LINE = "pos-transaction-line.schema.json";
  static final String CRM_CUSTOMER = "crm-customer.schema.json";
  static final List<String> ALL =
      List.of(
          TOUCHPOINT_EVENT,
          SEGMENT_MESSAGE,
          SENDGRID_EVENT,
          AMAZON_CONNECT_CTR,
          POS_TRANSACTION_LINE,
          CRM_CUSTOMER);

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private JsonSchemas() {}

  static JsonSchema load(String name) {
    return FACTORY.getSchema(SchemaLocation.of("classpath:json-schema/" + name), CONFIG);
  }

  /** The schema document itself, as a tree. */
  static JsonNode document(String name) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream("/json-schema/" + name)) {
      assertThat(in).as("json-schema/" + name + " on the class path").isNotNull();
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<ValidationMessage> errors(String name, JsonNode json) {
    return load(name).validate(json);
  }

  static Set<ValidationMessage> errors(String name, String json) {
    try {
      return errors(name, Json.mapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertValid(String name, String json) {
    assertThat(errors(name, json)).as(name).isEmpty();
  }

  static void assertInvalid(String name, String json, String expectedInMessage) {
    Set<ValidationMessage> errors = errors(name, json);
    assertThat(errors).as(name).isNotEmpty();
    assertThat(errors.toString()).as(name).contains(expectedInMessage);
  }
}
