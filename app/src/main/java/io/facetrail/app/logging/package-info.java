/** What the commands' own logging configuration needs beyond logback's stock parts. */
package io.facetrail.app.logging;
