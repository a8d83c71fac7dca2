/**
 * Who is calling: API keys (stored hashed), their roles, console sessions signed in with a key
 * (HttpOnly cookie plus a CSRF token for every change), and per-caller rate limits.
 */
package io.facetrail.api.access;
