/**
 * Webhooks: identity events POSTed as they are on the topic, signed with HMAC-SHA256, retried with
 * back-off on transient failures and dead-lettered after the last attempt, each webhook with its
 * own queue and thread.
 */
package io.facetrail.outbound.webhook;
