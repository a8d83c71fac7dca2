/**
 * "Where did this face appear": the track archive searched by photo or by enrolled person over
 * HTTP, with each appearance's best face.
 */
package io.facetrail.api.search;
