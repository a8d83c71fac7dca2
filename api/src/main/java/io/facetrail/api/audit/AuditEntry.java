package io.facetrail.api.audit;

import java.time.Instant;

/**
 * One line of the audit log. It names persons by id only, never by name or face: the log is kept
 * after an erasure (that the erasure happened must stay on record) and must not keep the erased
 * person's name.
 *
 * @param at when
 * @param keyId the caller's key id
 * @param keyName the caller's key name
 * @param action what was done, e.g. {@code person.create}, {@code person.erase}, {@code
 *     photo.identify}
 * @param target what it was done to (a person id), null when nothing in particular
 * @param outcome {@code ok} or the problem type's status, e.g. {@code 404}
 * @param detail a short summary without personal data (counts, e.g. "3 photos, 2 enrolled")
 */
public record AuditEntry(
    Instant at,
    String keyId,
    String keyName,
    String action,
    String target,
    String outcome,
    String detail) {}
