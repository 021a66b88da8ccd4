package io.opencdp.schemas.event;

/**
 * The typed properties of an event: at most a few of these are set, the rest are null. What fits
 * none of them goes to the event's {@code custom} map.
 *
 * @param order a purchase or return
 * @param email an email delivery or engagement
 * @param page the web page or app screen
 * @param device the device
 * @param call a call-center contact
 */
public record EventProperties(
    OrderProperties order,
    EmailProperties email,
    PageProperties page,
    DeviceProperties device,
    CallProperties call) {

  /** An event with no typed properties. */
  public static final EventProperties EMPTY = new EventProperties(null, null, null, null, null);
}
