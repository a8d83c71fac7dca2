/** The append-only audit log: every gallery change, search and erasure, with who, what and when. */
package io.facetrail.api.audit;
