package io.opencdp.schemas.event;

/**
 * The web page (or app screen) an event happened on.
 *
 * @param url the full URL
 * @param path the URL's path
 * @param title the page's title, or the screen's name in an app
 * @param referrer the referring URL
 */
public record PageProperties(String url, String path, String title, String referrer) {}
