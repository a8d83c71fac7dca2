package io.facetrail.outbound.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Paho subscriber recording every message it receives. Its session is persistent (clean session
 * off) and it reconnects by itself, so messages published while it was away (the broker restarted)
 * reach it afterwards.
 */
public final class MqttRecorder implements AutoCloseable {
  /** One message as received. */
  public record Message(String topic, String payload, boolean retained) {}

  private final MqttClient client;
  private final List<Message> messages = new ArrayList<>();

  public MqttRecorder(String serverUri, String clientId, String filter, boolean persistentSession)
      throws MqttException {
    client = new MqttClient(serverUri, clientId, new MemoryPersistence());
    client.setCallback(
        new MqttCallbackExtended() {
          @Override
          public void connectComplete(boolean reconnect, String serverURI) {
            // The broker kept the subscription with the session.
          }

          @Override
          public void connectionLost(Throwable cause) {
            // Paho reconnects.
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            synchronized (messages) {
              messages.add(
                  new Message(
                      topic,
                      new String(message.getPayload(), StandardCharsets.UTF_8),
                      message.isRetained()));
            }
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {
            // Publishes nothing.
          }
        });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(!persistentSession);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(500);
    client.connect(options);
    client.subscribe(filter, 1);
  }

  public List<Message> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  public boolean connected() {
    return client.isConnected();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(1_000);
    }
    client.close();
  }
}
