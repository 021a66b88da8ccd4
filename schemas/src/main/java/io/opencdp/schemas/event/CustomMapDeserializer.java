package io.opencdp.schemas.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code custom} JSON object with every fraction as a {@code BigDecimal}, so a custom
 * {@code "revenue": 19.90} is not turned into the double {@code 19.9}.
 */
final class CustomMapDeserializer extends StdDeserializer<Map<String, Object>> {

  CustomMapDeserializer() {
    super(Map.class);
  }

  @Override
  public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      p.nextToken();
    } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
      @SuppressWarnings("unchecked")
      Map<String, Object> unexpected =
          (Map<String, Object>) ctxt.handleUnexpectedToken(Map.class, p);
      return unexpected;
    }
    return readFields(p, ctxt);
  }

  /** Reads fields up to the closing brace; the parser is on the first field name or the brace. */
  private static Map<String, Object> readFields(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, readValue(p, ctxt));
    }
    return map;
  }

  private static Object readValue(JsonParser p, DeserializationContext ctxt) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        p.nextToken();
        return readFields(p, ctxt);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p, ctxt));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        return ctxt.handleUnexpectedToken(Object.class, p);
    }
  }
}
