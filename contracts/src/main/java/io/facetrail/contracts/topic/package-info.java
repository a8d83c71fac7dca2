/** The registry of FaceTrail's Kafka topics: one name and one pair of serdes per topic. */
package io.facetrail.contracts.topic;
