package io.facetrail.outbound.mqtt;

import io.facetrail.outbound.config.MqttSettings;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Paho client and its options: a clean session (messages not yet acknowledged are FaceTrail's
 * to send again, from the identity topic, not the broker's), the last will {@code offline} on the
 * status topic, and {@code online} published after every connection. Paho's own automatic reconnect
 * is off: the target's one thread reconnects, so that it never publishes over a connection that a
 * background reconnect is replacing.
 */
final class MqttConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

  static final String ONLINE = "online";
  static final String OFFLINE = "offline";

  /** Far above the one message this client has in flight at a time. */
  private static final int MAX_IN_FLIGHT = 1_000;

  private final MqttSettings settings;
  private final String statusTopic;
  private final MqttClient client;
  private final MqttConnectOptions options;

  MqttConnection(MqttSettings settings, String statusTopic) throws MqttException {
    this.settings = settings;
    this.statusTopic = statusTopic;
    // In memory: the default persistence writes files into the working directory.
    this.client =
        new MqttClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    // A publish waits for the broker's acknowledgement at most this long, then counts as failed.
    this.client.setTimeToWait(Math.max(10_000, settings.connectTimeout().toMillis()));
    this.client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {
            log.warn("MQTT connection to {} lost: {}", settings.serverUri(), cause.toString());
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            // Nothing is subscribed.
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() waits for its acknowledgement itself.
          }
        });
    this.options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    // Paho counts a QoS 1 message in flight until its callback thread has processed the PUBACK,
    // which can be after publish() returned: one publish at a time still met its default limit of
    // 10 ("Too many publishes in progress", seen at 2000 events in a row).
    options.setMaxInflight(MAX_IN_FLIGHT);
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
    options.setWill(statusTopic, OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
    if (!settings.username().isEmpty()) {
      options.setUserName(settings.username());
    }
    if (!settings.password().isEmpty()) {
      options.setPassword(settings.password().reveal().toCharArray());
    }
  }

  boolean isConnected() {
    return client.isConnected();
  }

  /** Connects and announces {@code online} (retained). */
  void connect() throws MqttException {
    client.connect(options);
    publish(statusTopic, ONLINE.getBytes(StandardCharsets.UTF_8), 1, true);
  }

  /** Publishes and waits for the broker's acknowledgement (QoS 1 and 2) or the write (QoS 0). */
  void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
    client.publish(topic, payload, qos, retain);
  }

  int qos() {
    return settings.qos();
  }

  boolean retain() {
    return settings.retain();
  }

  /** Says {@code offline} (retained) and disconnects; the last will is for unclean ends only. */
  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        publish(statusTopic, OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        client.disconnect(1_000);
      }
    } catch (MqttException e) {
      log.warn(
          "MQTT: leaving {} uncleanly ({}); the last will says offline",
          settings.serverUri(),
          e.toString());
    }
    try {
      client.close();
    } catch (MqttException e) {
      log.warn("MQTT: closing the client failed: {}", e.toString());
    }
  }
}
