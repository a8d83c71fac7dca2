/**
 * The Dockerfiles read as instruction lists and checked for the rules that need no container
 * engine: multi-stage builds, pinned base images, a non-root user, health checks, entry points.
 */
package io.facetrail.deploy.docker;
