package io.opencdp.schemas.event;

/**
 * The device an app or web event came from (Segment's {@code context.device} and {@code
 * context.os}).
 *
 * @param deviceId the device's id as sent; also an identifier of type {@code device_id}
 * @param type e.g. {@code ios}, {@code android}, {@code browser}
 * @param manufacturer e.g. {@code Apple}
 * @param model e.g. {@code iPhone15,2}
 * @param os operating system name and version, e.g. {@code iOS 17.4}
 */
public record DeviceProperties(
    String deviceId, String type, String manufacturer, String model, String os) {}
