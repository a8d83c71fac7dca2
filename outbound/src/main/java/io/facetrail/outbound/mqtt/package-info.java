/**
 * MQTT: identity events published to {@code <prefix>/events/<stream>/<type>}, the last person seen
 * per camera retained for home-automation sensors, and the service's availability on {@code
 * <prefix>/status} (its last will says offline), through Eclipse Paho.
 */
package io.facetrail.outbound.mqtt;
