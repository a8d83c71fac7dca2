/** The API process composed from its configuration: stores, models, routes, server. */
package io.facetrail.api.service;
