/** The gallery over HTTP: persons listed, enrolled, given photos, renamed and erased. */
package io.facetrail.api.persons;
