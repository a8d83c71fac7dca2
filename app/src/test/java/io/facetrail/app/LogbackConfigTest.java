package io.facetrail.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The launcher's logging configuration loads without a single error: a malformed logback.xml (a
 * "--" inside an XML comment did it once) silently drops every logger level it sets, and the
 * commands' output fills with debug lines.
 */
class LogbackConfigTest {
  @Test
  void theShippedConfigurationLoadsCleanly() throws Exception {
    URL config = getClass().getResource("/logback.xml");
    assertThat(config).isNotNull();
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(s -> s.getLevel() >= Status.ERROR)
        .isEmpty();
    assertThat(context.getLogger("io.javalin").getLevel()).hasToString("WARN");
  }
}
