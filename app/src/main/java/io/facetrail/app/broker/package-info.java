/** Commands that run or prepare Kafka for FaceTrail: the in-process broker and topic creation. */
package io.facetrail.app.broker;
