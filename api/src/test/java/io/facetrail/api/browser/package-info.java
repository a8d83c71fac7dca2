/**
 * The web console in a real browser (headless Chromium through Selenium). Not named {@code
 * io.facetrail.api.console}: the console's files are served from that class path folder, and test
 * classes in a package of the same name would put a second folder of that name on the test class
 * path, first, so the server would find no {@code index.html}.
 */
package io.facetrail.api.browser;
