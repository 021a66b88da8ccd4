package io.opencdp.resolve.profile;

import io.opencdp.schemas.event.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The computed traits of a golden profile. Money is in the reporting currency. Windowed traits
 * ({@code *_30d}, {@code rfm}) are computed at {@code asOf}: events in {@code (asOf - 30 days,
 * asOf]} count; lifetime traits count every event.
 *
 * @param firstSeenAt the earliest event
 * @param lastSeenAt the latest event
 * @param eventCount events of the profile
 * @param channels the channels the person used, sorted
 * @param eventsPerChannel events per channel
 * @param orderCount distinct orders (an online order, a POS transaction) that were not returns
 * @param totalSpend sales minus refunds
 * @param averageOrderValue sales over the orders whose amount converted; null without one
 * @param lastOrderAt the latest order
 * @param returnCount distinct returns (a POS return transaction, an online refund)
 * @param returnedAmount refunded money, positive
 * @param unconvertedOrders orders and returns left out of spend: no rate for their currency on
 *     their date
 * @param emailDelivered30d email deliveries in the window
 * @param emailOpened30d email opens in the window
 * @param emailClicked30d email clicks in the window
 * @param emailSuppressed the primary email is suppressed (hard bounce, spam report, unsubscribe)
 * @param emailSuppressionReason that suppression's reason; null when not suppressed
 * @param emailSuppressedAt when it happened; null when not suppressed
 * @param callContacts call-center contacts
 * @param lastCallAt the latest contact
 * @param lastCallReason the reason of the latest contact that recorded one
 * @param rfm the scores; null for a profile without orders
 * @param asOf the time windowed traits are computed at
 */
public record Traits(
    Instant firstSeenAt,
    Instant lastSeenAt,
    long eventCount,
    List<String> channels,
    Map<String, Long> eventsPerChannel,
    long orderCount,
    Money totalSpend,
    Money averageOrderValue,
    Instant lastOrderAt,
    long returnCount,
    Money returnedAmount,
    long unconvertedOrders,
    long emailDelivered30d,
    long emailOpened30d,
    long emailClicked30d,
    boolean emailSuppressed,
    String emailSuppressionReason,
    Instant emailSuppressedAt,
    long callContacts,
    Instant lastCallAt,
    String lastCallReason,
    RfmScore rfm,
    Instant asOf) {
  public Traits {
    channels = List.copyOf(channels);
    eventsPerChannel = Collections.unmodifiableMap(new TreeMap<>(eventsPerChannel));
  }
}
