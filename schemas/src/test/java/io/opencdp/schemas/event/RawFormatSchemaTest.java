package io.opencdp.schemas.event;

import static io.opencdp.schemas.event.JsonSchemas.AMAZON_CONNECT_CTR;
import static io.opencdp.schemas.event.JsonSchemas.CRM_CUSTOMER;
import static io.opencdp.schemas.event.JsonSchemas.POS_TRANSACTION_LINE;
import static io.opencdp.schemas.event.JsonSchemas.SEGMENT_MESSAGE;
import static io.opencdp.schemas.event.JsonSchemas.SENDGRID_EVENT;
import static io.opencdp.schemas.event.JsonSchemas.assertInvalid;
import static io.opencdp.schemas.event.JsonSchemas.assertValid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A hand-written example of each raw input format passes its schema; broken ones fail. */
class RawFormatSchemaTest {

  private static final String SEGMENT_TRACK =
      """
      {"type": "track", "messageId": "ajs-next-1714555800-1", "anonymousId": "a1b2c3",
       "userId": null, "event": "Order Completed",
       "properties": {"order_id": "W-1", "revenue": 39.80, "currency": "USD",
                      "products": [{"sku": "SKU-1", "quantity": 2, "price": 19.90}]},
       "context": {"ip": "203.0.113.7", "userAgent": "Mozilla/5.0", "locale": "en-US",
                   "page": {"url": "https://shop.example.com/checkout", "path": "/checkout",
                            "title": "Checkout", "referrer": "https://google.com/"},
                   "library": {"name": "analytics.js", "version": "4.1.0"},
                   "traits": {"email": "ana@example.com"}},
       "integrations": {}, "channel": "browser",
       "timestamp": "2024-05-01T09:30:00.123Z", "originalTimestamp": "2024-05-01T09:29:59.987Z",
       "sentAt": "2024-05-01T09:30:00.100Z", "receivedAt": "2024-05-01T09:30:00.456Z",
       "writeKey": "abc", "version": 2}
      """;

  @Test
  void segmentTrackMessageIsValid() {
    assertValid(SEGMENT_MESSAGE, SEGMENT_TRACK);
  }

  @Test
  void segmentIdentifyScreenAndAliasMessagesAreValid() {
    assertValid(
        SEGMENT_MESSAGE,
        """
        {"type": "identify", "messageId": "m-2", "userId": "C-1001",
         "traits": {"email": "Ana@Example.com", "firstName": "Ana", "birthday": "1988-02-29"},
         "timestamp": "2024-05-01T09:31:00Z"}
        """);
    assertValid(
        SEGMENT_MESSAGE,
        """
        {"type": "screen", "messageId": "m-3", "anonymousId": "inst-9", "name": "Home",
         "properties": {},
         "context": {"device": {"id": "dev-9", "manufacturer": "Apple", "model": "iPhone15,2",
                                "type": "ios", "adTrackingEnabled": false},
                     "os": {"name": "iOS", "version": "17.4"},
                     "app": {"name": "Shop", "version": "5.2.0", "build": "520"}},
         "timestamp": "2024-05-01T09:32:00Z"}
        """);
    assertValid(
        SEGMENT_MESSAGE,
        """
        {"type": "alias", "messageId": "m-4", "previousId": "a1b2c3", "userId": "C-1001",
         "timestamp": "2024-05-01T09:33:00Z"}
        """);
  }

  @Test
  void segmentMessageWithoutMessageIdIsRejected() {
    assertInvalid(
        SEGMENT_MESSAGE, SEGMENT_TRACK.replace("\"messageId\"", "\"message_id\""), "messageId");
  }

  @Test
  void segmentTrackWithoutEventNameIsRejected() {
    assertInvalid(
        SEGMENT_MESSAGE, SEGMENT_TRACK.replace("\"event\": \"Order Completed\",", ""), "event");
  }

  @Test
  void segmentMessageWithNeitherUserIdNorAnonymousIdIsRejected() {
    assertInvalid(
        SEGMENT_MESSAGE, SEGMENT_TRACK.replace("\"anonymousId\": \"a1b2c3\",", ""), "anonymousId");
  }

  @Test
  void segmentAliasWithoutPreviousIdIsRejected() {
    assertInvalid(
        SEGMENT_MESSAGE,
        """
        {"type": "alias", "messageId": "m-4", "userId": "C-1001", "timestamp": "2024-05-01T09:33:00Z"}
        """,
        "previousId");
  }

  @Test
  void segmentTimestampThatIsNotADateTimeIsRejected() {
    assertInvalid(
        SEGMENT_MESSAGE,
        SEGMENT_TRACK.replace("2024-05-01T09:30:00.123Z", "2024-05-01 09:30:00"),
        "timestamp");
  }

  @Test
  void segmentGroupMessageIsNotAnAcceptedType() {
    assertInvalid(
        SEGMENT_MESSAGE,
        SEGMENT_TRACK.replace("\"type\": \"track\"", "\"type\": \"group\""),
        "type");
  }

  private static final String SENDGRID_BOUNCE =
      """
      {"email": "ana@example.com", "timestamp": 1714555800, "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
       "event": "bounce", "category": ["newsletter", "spring"], "sg_event_id": "6g4ZI7SA-xmRDv57GoPIPw==",
       "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
       "reason": "500 unknown recipient", "status": "5.0.0", "type": "bounce", "tls": 1,
       "campaign": "spring-sale", "customer_ref": "C-1001"}
      """;

  @Test
  void sendGridBounceWithCustomArgumentsIsValid() {
    assertValid(SENDGRID_EVENT, SENDGRID_BOUNCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "processed",
        "delivered",
        "deferred",
        "dropped",
        "open",
        "unsubscribe",
        "spamreport"
      })
  void sendGridEventOfEachKindIsValid(String event) {
    assertValid(
        SENDGRID_EVENT,
        """
        {"email": "ana@example.com", "timestamp": 1714555800, "event": "%s",
         "sg_event_id": "ev-1", "sg_message_id": "msg-1", "category": "newsletter",
         "useragent": "Mozilla/5.0", "ip": "203.0.113.7"}
        """
            .formatted(event));
  }

  @Test
  void sendGridClickAndGroupUnsubscribeCarryTheirFields() {
    assertValid(
        SENDGRID_EVENT,
        """
        {"email": "ana@example.com", "timestamp": 1714555800, "event": "click",
         "sg_event_id": "ev-2", "url": "https://shop.example.com/sale", "url_offset": {"index": 0, "type": "html"}}
        """);
    assertValid(
        SENDGRID_EVENT,
        """
        {"email": "ana@example.com", "timestamp": 1714555800, "event": "group_unsubscribe",
         "sg_event_id": "ev-3", "asm_group_id": 42}
        """);
    assertInvalid(
        SENDGRID_EVENT,
        """
        {"email": "ana@example.com", "timestamp": 1714555800, "event": "group_unsubscribe",
         "sg_event_id": "ev-3"}
        """,
        "asm_group_id");
  }

  @Test
  void sendGridTimestampAsAStringIsRejected() {
    assertInvalid(
        SENDGRID_EVENT,
        SENDGRID_BOUNCE.replace("1714555800", "\"2024-05-01T09:30:00Z\""),
        "timestamp");
  }

  @Test
  void sendGridEventWithoutSgEventIdIsRejected() {
    assertInvalid(
        SENDGRID_EVENT, SENDGRID_BOUNCE.replace("\"sg_event_id\"", "\"event_id\""), "sg_event_id");
  }

  @Test
  void sendGridUnknownEventIsRejected() {
    assertInvalid(
        SENDGRID_EVENT,
        SENDGRID_BOUNCE.replace("\"event\": \"bounce\"", "\"event\": \"opened\""),
        "event");
  }

  private static final String CONNECT_VOICE =
      """
      {"AWSAccountId": "123456789012", "AWSContactTraceRecordFormatVersion": "2017-03-10",
       "ContactId": "6a1e1c0e-5b4f-4f4e-9d3a-2f1d2c3b4a59", "InitialContactId": null,
       "PreviousContactId": null, "NextContactId": null,
       "InstanceARN": "arn:aws:connect:us-east-1:123456789012:instance/abc",
       "Channel": "VOICE", "InitiationMethod": "INBOUND",
       "InitiationTimestamp": "2024-05-01T09:30:00Z", "ConnectedToSystemTimestamp": "2024-05-01T09:30:01Z",
       "DisconnectTimestamp": "2024-05-01T09:35:12Z", "LastUpdateTimestamp": "2024-05-01T09:45:10Z",
       "DisconnectReason": "CUSTOMER_DISCONNECT", "AgentConnectionAttempts": 1,
       "Agent": {"ARN": "arn:aws:connect:us-east-1:123456789012:instance/abc/agent/x",
                 "Username": "agent.smith", "RoutingProfile": {"ARN": "arn:r", "Name": "Basic"},
                 "ConnectedToAgentTimestamp": "2024-05-01T09:31:00Z", "AgentInteractionDuration": 240,
                 "AfterContactWorkDuration": 30, "CustomerHoldDuration": 0, "LongestHoldDuration": 0,
                 "NumberOfHolds": 0, "HierarchyGroups": null},
       "Queue": {"ARN": "arn:q", "Name": "Billing", "EnqueueTimestamp": "2024-05-01T09:30:05Z",
                 "DequeueTimestamp": "2024-05-01T09:31:00Z", "Duration": 55},
       "CustomerEndpoint": {"Type": "TELEPHONE_NUMBER", "Address": "+14155550132"},
       "SystemEndpoint": {"Type": "TELEPHONE_NUMBER", "Address": "+18005550100"},
       "Attributes": {"reason": "refund", "customer_id": "C-1001"},
       "Recording": {"Location": "bucket/rec.wav", "Status": "AVAILABLE", "Type": "AUDIO"},
       "MediaStreams": [{"Type": "AUDIO"}]}
      """;

  @Test
  void connectVoiceContactRecordIsValid() {
    assertValid(AMAZON_CONNECT_CTR, CONNECT_VOICE);
  }

  @Test
  void connectAbandonedContactWithoutAgentOrQueueIsValid() {
    assertValid(
        AMAZON_CONNECT_CTR,
        """
        {"AWSAccountId": "123456789012", "AWSContactTraceRecordFormatVersion": "2017-03-10",
         "ContactId": "c-2", "Channel": "CHAT", "InitiationMethod": "API",
         "InitiationTimestamp": "2024-05-01T10:00:00Z", "ConnectedToSystemTimestamp": null,
         "DisconnectTimestamp": "2024-05-01T10:00:20Z", "LastUpdateTimestamp": "2024-05-01T10:01:00Z",
         "Agent": null, "Queue": null, "CustomerEndpoint": null, "SystemEndpoint": null,
         "Attributes": {}}
        """);
  }

  @Test
  void connectRecordWithoutContactIdIsRejected() {
    assertInvalid(
        AMAZON_CONNECT_CTR,
        CONNECT_VOICE.replace("\"ContactId\": \"6a1e1c0e-5b4f-4f4e-9d3a-2f1d2c3b4a59\",", ""),
        "ContactId");
  }

  @Test
  void connectRecordWithUnknownChannelIsRejected() {
    assertInvalid(
        AMAZON_CONNECT_CTR,
        CONNECT_VOICE.replace("\"Channel\": \"VOICE\"", "\"Channel\": \"SMS\""),
        "Channel");
  }

  @Test
  void connectAttributesMustBeStrings() {
    assertInvalid(
        AMAZON_CONNECT_CTR,
        CONNECT_VOICE.replace("\"reason\": \"refund\"", "\"reason\": 7"),
        "reason");
  }

  private static final String POS_LINE =
      """
      {"transaction_id": "T-1001", "line_number": "2", "store_id": "store-042", "register_id": "R3",
       "transaction_ts": "2024-05-01 11:30:00", "loyalty_id": "L-778899", "card_last4": "4242",
       "first_name": "Ana", "last_name": "Lopez", "phone": "(415) 555-0132", "zip": "94105",
       "sku": "SKU-1", "description": "Linen shirt", "quantity": "2", "unit_price": "19.90",
       "currency": "USD"}
      """;

  @Test
  void posLineIsValid() {
    assertValid(POS_TRANSACTION_LINE, POS_LINE);
  }

  @Test
  void posAnonymousReturnLineWithEmptyOptionalCellsIsValid() {
    assertValid(
        POS_TRANSACTION_LINE,
        POS_LINE
            .replace("\"L-778899\"", "\"\"")
            .replace("\"4242\"", "\"\"")
            .replace("\"Ana\"", "\"\"")
            .replace("\"quantity\": \"2\"", "\"quantity\": \"-1\""));
  }

  @Test
  void posLineWithAnIsoTimestampIsRejected() {
    assertInvalid(
        POS_TRANSACTION_LINE,
        POS_LINE.replace("2024-05-01 11:30:00", "2024-05-01T11:30:00Z"),
        "transaction_ts");
  }

  @Test
  void posLineWithoutSkuIsRejected() {
    assertInvalid(POS_TRANSACTION_LINE, POS_LINE.replace("\"sku\": \"SKU-1\",", ""), "sku");
  }

  @Test
  void posQuantityMustBeAWholeNumberAndTheCellAString() {
    assertInvalid(
        POS_TRANSACTION_LINE,
        POS_LINE.replace("\"quantity\": \"2\"", "\"quantity\": \"1.5\""),
        "quantity");
    assertInvalid(
        POS_TRANSACTION_LINE,
        POS_LINE.replace("\"quantity\": \"2\"", "\"quantity\": 2"),
        "quantity");
  }

  @Test
  void posCardLast4MustBeFourDigits() {
    assertInvalid(
        POS_TRANSACTION_LINE, POS_LINE.replace("\"4242\"", "\"4111111111111111\""), "card_last4");
  }

  private static final String CRM_ROW =
      """
      {"customer_id": "C-1001", "email": "Ana.Lopez@Example.com", "phone": "+1 415 555 0132",
       "first_name": "Ana", "last_name": "López", "birth_date": "1988-02-29",
       "street": "1 Market St", "city": "San Francisco", "state": "CA", "postal_code": "94105",
       "country": "US", "created_at": "2019-03-04T10:00:00Z", "updated_at": "2024-04-30T22:15:00Z",
       "segment_hint": "vip"}
      """;

  @Test
  void crmCustomerIsValid() {
    assertValid(CRM_CUSTOMER, CRM_ROW);
  }

  @Test
  void crmCustomerWithEmptyOptionalCellsIsValid() {
    assertValid(
        CRM_CUSTOMER,
        CRM_ROW
            .replace("\"1988-02-29\"", "\"\"")
            .replace("\"2019-03-04T10:00:00Z\"", "\"\"")
            .replace("\"+1 415 555 0132\"", "\"\""));
  }

  @Test
  void crmCustomerWithoutCustomerIdIsRejected() {
    assertInvalid(CRM_CUSTOMER, CRM_ROW.replace("\"customer_id\": \"C-1001\",", ""), "customer_id");
  }

  @Test
  void crmMessyPersonalValuesAreLeftToTheNormalizers() {
    assertValid(
        CRM_CUSTOMER,
        CRM_ROW.replace("1988-02-29", "02/29/1988").replace("\"US\"", "\"United States\""));
  }

  @Test
  void crmUpdatedAtMustBeADateTimeWithOffset() {
    assertInvalid(
        CRM_CUSTOMER, CRM_ROW.replace("2024-04-30T22:15:00Z", "2024-04-30 22:15:00"), "updated_at");
    assertInvalid(CRM_CUSTOMER, CRM_ROW.replace("2024-04-30T22:15:00Z", ""), "updated_at");
  }

  @Test
  void crmCellThatIsNotAStringIsRejected() {
    assertInvalid(CRM_CUSTOMER, CRM_ROW.replace("\"94105\"", "94105"), "postal_code");
  }
}
