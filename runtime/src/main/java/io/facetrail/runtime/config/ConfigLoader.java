package io.facetrail.runtime.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads one service's configuration record. Sources, later ones winning: the built-in defaults (a
 * YAML resource next to the record class, which also documents every setting), the optional
 * configuration file, {@code FACETRAIL_*} environment variables, and explicit overrides (e.g.
 * command-line options). Every problem in any source is collected and reported together.
 *
 * @param <T> the configuration record type
 */
public final class ConfigLoader<T> {
  private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

  private final Class<T> type;
  private final List<Defaults> defaults;

  /** One class-path resource of built-in defaults, relative to {@code owner}. */
  private record Defaults(Class<?> owner, String resource) {
    Defaults {
      Objects.requireNonNull(owner);
      Objects.requireNonNull(resource);
    }
  }

  /**
   * @param type the configuration record
   * @param defaultsResource class-path resource holding the defaults, relative to {@code type}
   */
  public ConfigLoader(Class<T> type, String defaultsResource) {
    this(type, List.of(new Defaults(type, defaultsResource)));
  }

  private ConfigLoader(Class<T> type, List<Defaults> defaults) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    this.type = type;
    this.defaults = List.copyOf(defaults);
  }

  /**
   * A loader of {@code type} whose defaults start from another module's resource: a composed
   * service (the app's matcher with a hosted tracker) reuses the defaults of the configuration it
   * extends, and adds its own sections with {@link #withDefaults}.
   *
   * @param owner the class the resource is relative to
   */
  public static <T> ConfigLoader<T> extending(Class<T> type, Class<?> owner, String resource) {
    return new ConfigLoader<>(type, List.of(new Defaults(owner, resource)));
  }

  /**
   * This loader with {@code resource} (relative to {@code owner}) merged over its built-in
   * defaults: sections merge, settings it names replace earlier ones.
   */
  public ConfigLoader<T> withDefaults(Class<?> owner, String resource) {
    List<Defaults> all = new ArrayList<>(defaults);
    all.add(new Defaults(owner, resource));
    return new ConfigLoader<>(type, all);
  }

  /** The built-in defaults, as a tree (e.g. for {@code --print-config}). */
  public ObjectNode defaults() {
    ObjectNode tree = null;
    for (Defaults d : defaults) {
      ObjectNode next = ConfigSources.resource(d.owner(), d.resource());
      if (tree == null) {
        tree = next;
      } else {
        ConfigSources.merge(tree, next);
      }
    }
    return tree;
  }

  /** Loads from the defaults and the process environment only. */
  public T load(Path file) {
    return load(file, System.getenv(), Map.of());
  }

  /**
   * Loads and validates the configuration.
   *
   * @param file configuration file, or null for none
   * @param env environment variables (the process environment, or a map in tests)
   * @param overrides dotted setting paths to values, applied last
   * @throws InvalidConfigurationException listing every problem
   */
  public T load(Path file, Map<String, String> env, Map<String, String> overrides) {
    return loadTree(file, env, overrides, UnaryOperator.identity()).config();
  }

  /**
   * Loads the configuration from the defaults, {@code file}, {@code env} and {@code overrides} (a
   * user's {@code --set}), lets {@code compose} set the values a composing command decides itself
   * (typed: the all-in-one run's broker, its options), and then validates the result, so that every
   * problem of either is listed together.
   *
   * @param file configuration file, or null for none
   * @param compose given the configuration as read (not yet validated), returns the one to use
   * @throws InvalidConfigurationException listing every problem
   */
  public T load(
      Path file, Map<String, String> env, Map<String, String> overrides, UnaryOperator<T> compose) {
    return loadTree(file, env, overrides, compose).config();
  }

  /**
   * The effective configuration as YAML, after loading and validating it like {@link #load}: what
   * {@code --print-config} shows. Every {@link Secret} setting reads {@value Secret#REDACTED}.
   *
   * @throws InvalidConfigurationException listing every problem
   */
  public String effectiveYaml(Path file, Map<String, String> env, Map<String, String> overrides) {
    ObjectNode tree = loadTree(file, env, overrides, UnaryOperator.identity()).tree();
    SecretMask.apply(type, tree);
    return ConfigMapper.get().writeValueAsString(tree);
  }

  private record Loaded<T>(T config, ObjectNode tree) {}

  private Loaded<T> loadTree(
      Path file, Map<String, String> env, Map<String, String> overrides, UnaryOperator<T> compose) {
    ConfigProblems problems = new ConfigProblems();
    ObjectNode defaults = defaults();
    ObjectNode tree = defaults.deepCopy();
    String source = file == null ? null : file.toString();
    if (file != null) {
      ConfigSources.merge(tree, ConfigSources.file(file, problems));
    }
    List<String> applied = EnvironmentOverrides.apply(type, tree, env);
    if (!applied.isEmpty()) {
      log.info("Configuration overridden by environment variables {}", applied);
    }
    overrides.forEach((path, value) -> ConfigSources.set(tree, path, value));
    // Shape problems are repaired with defaults so that validation still reports the rest.
    ConfigShape.check(type, tree, defaults, "", problems);
    T config;
    try {
      config = ConfigMapper.get().treeToValue(tree, type);
    } catch (RuntimeException e) {
      problems.throwIfAny(source);
      // ConfigShape accepted the tree, so this is a gap in it; still report it as configuration.
      throw new InvalidConfigurationException(source, List.of(e.getMessage()));
    }
    config = compose.apply(config);
    if (config instanceof Validated v) {
      v.validate(problems, "");
    }
    problems.throwIfAny(source);
    return new Loaded<>(config, tree);
  }
}
