package io.opencdp.schemas.event;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The canonical {@code event_type} names. An event type is 1-64 lowercase letters, digits or {@code
 * _}, starting with a letter; connectors for new sources may add names of that shape.
 */
public final class EventTypes {
  /** Segment identify: traits about a user. */
  public static final String IDENTIFY = "identify";

  /** Segment track with any name but "Order Completed"; the name is in event_name. */
  public static final String TRACK = "track";

  /** Segment page view. */
  public static final String PAGE = "page";

  /** Segment app screen view. */
  public static final String SCREEN = "screen";

  /** Segment alias: previousId and userId are the same person. */
  public static final String ALIAS = "alias";

  /** Segment track "Order Completed": a whole online order. */
  public static final String ORDER_COMPLETED = "order_completed";

  /** One sold line of a POS transaction. */
  public static final String ORDER_LINE = "order_line";

  /** One returned line of a POS transaction. */
  public static final String RETURN_LINE = "return_line";

  public static final String EMAIL_PROCESSED = "email_processed";
  public static final String EMAIL_DELIVERED = "email_delivered";
  public static final String EMAIL_DEFERRED = "email_deferred";
  public static final String EMAIL_BOUNCE = "email_bounce";
  public static final String EMAIL_DROPPED = "email_dropped";
  public static final String EMAIL_OPEN = "email_open";
  public static final String EMAIL_CLICK = "email_click";
  public static final String EMAIL_UNSUBSCRIBE = "email_unsubscribe";
  public static final String EMAIL_SPAMREPORT = "email_spamreport";
  public static final String EMAIL_GROUP_UNSUBSCRIBE = "email_group_unsubscribe";
  public static final String EMAIL_GROUP_RESUBSCRIBE = "email_group_resubscribe";

  /** One Amazon Connect contact (call, chat, task or email). */
  public static final String CALL_CONTACT = "call_contact";

  /** One CRM customer master record. */
  public static final String CUSTOMER_RECORD = "customer_record";

  /** Every canonical name, in the order above. */
  public static final List<String> CANONICAL =
      List.of(
          IDENTIFY,
          TRACK,
          PAGE,
          SCREEN,
          ALIAS,
          ORDER_COMPLETED,
          ORDER_LINE,
          RETURN_LINE,
          EMAIL_PROCESSED,
          EMAIL_DELIVERED,
          EMAIL_DEFERRED,
          EMAIL_BOUNCE,
          EMAIL_DROPPED,
          EMAIL_OPEN,
          EMAIL_CLICK,
          EMAIL_UNSUBSCRIBE,
          EMAIL_SPAMREPORT,
          EMAIL_GROUP_UNSUBSCRIBE,
          EMAIL_GROUP_RESUBSCRIBE,
          CALL_CONTACT,
          CUSTOMER_RECORD);

  static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private EventTypes() {}

  /** The event type of a SendGrid event, e.g. {@code bounce} gives {@code email_bounce}. */
  public static String forSendGridEvent(String sendGridEvent) {
    String type = "email_" + Checks.nonBlank(sendGridEvent, "event");
    if (!CANONICAL.contains(type)) {
      throw new IllegalArgumentException("event is not a SendGrid event: '" + sendGridEvent + "'");
    }
    return type;
  }
}
