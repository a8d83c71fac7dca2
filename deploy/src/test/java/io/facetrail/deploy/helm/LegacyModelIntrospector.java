package io.facetrail.deploy.helm;

import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Lets Jackson 3 read fabric8's ServiceMonitor model, which is only published up to 7.5.2 and was
 * built for Jackson 2. Its classes opt out of the polymorphic {@code KubernetesResource}
 * deserializer with a Jackson 2 annotation that Jackson 3 does not see, so Jackson 3 would turn
 * every nested object into a raw extension; this introspector applies the same opt-out.
 */
final class LegacyModelIntrospector extends JacksonAnnotationIntrospector {
  private static final long serialVersionUID = 1L;
  private static final String PACKAGE = "io.fabric8.openshift.api.model.monitoring.";

  @Override
  public Object findDeserializer(MapperConfig<?> config, Annotated a) {
    if (a instanceof AnnotatedClass c && c.getRawType().getName().startsWith(PACKAGE)) {
      return ValueDeserializer.None.class;
    }
    return super.findDeserializer(config, a);
  }
}
