/**
 * One stream's tracking session in terms of the contracts: faces records in, track events out
 * (started, observations without gaps, ended with a summary and the best face), globally unique
 * track ids, and the bookkeeping that must survive a restart. Plain Java: no Kafka.
 */
package io.facetrail.tracker.session;
