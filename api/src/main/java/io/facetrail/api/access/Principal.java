package io.facetrail.api.access;

/**
 * The caller of a request: the API key it used (directly, or through a console session signed in
 * with it). The audit log names callers by key id and name, never by the key itself.
 *
 * @param keyId the key's public id
 * @param keyName the name the key was given when created
 * @param role what the key may do
 * @param session whether the request came through a console session (cookie) rather than a key
 */
public record Principal(String keyId, String keyName, Role role, boolean session) {}
