package io.facetrail.runtime.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
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
  private final List<Section> sections;
  private final List<Fixed> fixed;

  /**
   * One class-path resource of built-in defaults, relative to {@code owner}: its sub-tree at {@code
   * from} (empty: all of it) is merged at {@code at} (empty: the top).
   */
  private record Defaults(Class<?> owner, String resource, String from, String at) {
    Defaults {
      Objects.requireNonNull(owner);
      Objects.requireNonNull(resource);
      Objects.requireNonNull(from);
      Objects.requireNonNull(at);
    }

    Defaults(Class<?> owner, String resource) {
      this(owner, resource, "", "");
    }
  }

  /** A section holding another command's configuration, whose variables keep their names. */
  private record Section(String at, Class<?> type) {}

  /** A setting the composing command decides itself, and why. */
  private record Fixed(String path, String why) {
    boolean covers(String key) {
      return key.equals(path) || key.startsWith(path + ".");
    }
  }

  /**
   * @param type the configuration record
   * @param defaultsResource class-path resource holding the defaults, relative to {@code type}
   */
  public ConfigLoader(Class<T> type, String defaultsResource) {
    this(type, List.of(new Defaults(type, defaultsResource)), List.of(), List.of());
  }

  private ConfigLoader(
      Class<T> type, List<Defaults> defaults, List<Section> sections, List<Fixed> fixed) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    this.type = type;
    this.defaults = List.copyOf(defaults);
    this.sections = List.copyOf(sections);
    this.fixed = List.copyOf(fixed);
  }

  /**
   * A loader of a configuration made of other commands' configurations, one per section (the
   * all-in-one run's {@code embedder}, {@code tracker}, {@code matcher}): add each with {@link
   * #withSection}. Its defaults are those of the sections.
   */
  public static <T> ConfigLoader<T> composed(Class<T> type) {
    return new ConfigLoader<>(type, List.of(), List.of(), List.of());
  }

  /**
   * This loader with the section {@code at}, of type {@code sectionType}, whose defaults are those
   * of {@code resource} (relative to {@code owner}), or only its setting or section {@code from}
   * (kept under its name: {@code tracking} of the tracker's defaults is {@code at.tracking}). The
   * section's {@code FACETRAIL_*} variables are those of {@code sectionType} on its own ({@code
   * FACETRAIL_DECISION_FPIR} sets {@code matcher.decision.fpir}), so that the variables a service
   * reads configure its stage in a composed run too.
   */
  public ConfigLoader<T> withSection(
      String at, Class<?> sectionType, Class<?> owner, String resource, String from) {
    List<Defaults> d = new ArrayList<>(defaults);
    d.add(new Defaults(owner, resource, from, from.isEmpty() ? at : at + "." + from));
    List<Section> s = new ArrayList<>(sections);
    s.add(new Section(at, sectionType));
    return new ConfigLoader<>(type, d, s, fixed);
  }

  /**
   * This loader refusing {@code path} (and every setting under it) in the file and the overrides:
   * the composing command sets it itself, for the reason {@code why}. Such settings are left out of
   * {@link #effectiveYaml}. Environment variables naming them are ignored (they are the services'
   * and may be set for them in the same shell).
   */
  public ConfigLoader<T> withFixed(String path, String why) {
    List<Fixed> f = new ArrayList<>(fixed);
    f.add(new Fixed(path, why));
    return new ConfigLoader<>(type, defaults, sections, f);
  }

  /**
   * A loader of {@code type} whose defaults start from another module's resource: a composed
   * service (the app's matcher with a hosted tracker) reuses the defaults of the configuration it
   * extends, and adds its own sections with {@link #withDefaults}.
   *
   * @param owner the class the resource is relative to
   */
  public static <T> ConfigLoader<T> extending(Class<T> type, Class<?> owner, String resource) {
    return new ConfigLoader<>(type, List.of(new Defaults(owner, resource)), List.of(), List.of());
  }

  /**
   * This loader with {@code resource} (relative to {@code owner}) merged over its built-in
   * defaults: sections merge, settings it names replace earlier ones.
   */
  public ConfigLoader<T> withDefaults(Class<?> owner, String resource) {
    List<Defaults> all = new ArrayList<>(defaults);
    all.add(new Defaults(owner, resource));
    return new ConfigLoader<>(type, all, sections, fixed);
  }

  /** The built-in defaults, as a tree (e.g. for {@code --print-config}). */
  public ObjectNode defaults() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    for (Defaults d : defaults) {
      ObjectNode next = ConfigSources.resource(d.owner(), d.resource());
      if (!d.from().isEmpty()) {
        next = ConfigSources.section(next, d.from());
      }
      ConfigSources.merge(d.at().isEmpty() ? tree : ConfigSources.section(tree, d.at()), next);
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
    return effectiveYaml(file, env, overrides, UnaryOperator.identity());
  }

  /**
   * Like {@link #effectiveYaml(Path, Map, Map)}, validated after {@code compose} as {@link
   * #load(Path, Map, Map, UnaryOperator)} does; the settings {@link #withFixed fixed} by the
   * composing command are left out (they are not the user's to set).
   *
   * @throws InvalidConfigurationException listing every problem
   */
  public String effectiveYaml(
      Path file, Map<String, String> env, Map<String, String> overrides, UnaryOperator<T> compose) {
    ObjectNode tree = loadTree(file, env, overrides, compose).tree();
    for (Fixed f : fixed) {
      remove(tree, f.path());
    }
    SecretMask.apply(type, tree);
    return ConfigMapper.get().writeValueAsString(tree);
  }

  /** Sets {@code path} of {@code tree} back to its value in {@code defaults} (absent: removed). */
  private static void restore(ObjectNode tree, ObjectNode defaults, String path) {
    JsonNode original = at(defaults, path);
    if (original == null) {
      remove(tree, path);
      return;
    }
    int dot = path.lastIndexOf('.');
    ObjectNode parent = dot < 0 ? tree : ConfigSources.section(tree, path.substring(0, dot));
    parent.set(path.substring(dot + 1), original.deepCopy());
  }

  private static void remove(ObjectNode tree, String path) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? tree : at(tree, path.substring(0, dot));
    if (parent instanceof ObjectNode p) {
      p.remove(path.substring(dot + 1));
    }
  }

  /** The node at a dotted path, or null. */
  private static JsonNode at(JsonNode tree, String path) {
    JsonNode node = tree;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    return node;
  }

  private record Loaded<T>(T config, ObjectNode tree) {}

  /** Records a problem for every fixed setting the file or the overrides name. */
  private void refuseFixed(
      ObjectNode file, Map<String, String> overrides, Path source, ConfigProblems problems) {
    for (Fixed f : fixed) {
      if (file != null && at(file, f.path()) != null) {
        problems.add(f.path(), "cannot be set (in " + source + "): " + f.why());
      }
      for (String key : overrides.keySet()) {
        if (f.covers(key)) {
          problems.add(key, "cannot be set (--set " + key + "): " + f.why());
        }
      }
    }
  }

  private Loaded<T> loadTree(
      Path file, Map<String, String> env, Map<String, String> overrides, UnaryOperator<T> compose) {
    ConfigProblems problems = new ConfigProblems();
    ObjectNode defaults = defaults();
    ObjectNode tree = defaults.deepCopy();
    String source = file == null ? null : file.toString();
    if (file != null) {
      ObjectNode read = ConfigSources.file(file, problems);
      refuseFixed(read, overrides, file, problems);
      ConfigSources.merge(tree, read);
    } else {
      refuseFixed(null, overrides, null, problems);
    }
    List<String> applied = new ArrayList<>();
    if (sections.isEmpty()) {
      applied.addAll(EnvironmentOverrides.apply(type, tree, env));
    } else {
      for (Section s : sections) {
        applied.addAll(
            EnvironmentOverrides.apply(s.type(), ConfigSources.section(tree, s.at()), env));
      }
    }
    if (!applied.isEmpty()) {
      log.info("Configuration overridden by environment variables {}", applied);
    }
    for (Fixed f : fixed) {
      // A service's variable naming what the composing command decides is not this command's.
      restore(tree, defaults, f.path());
    }
    overrides.forEach(
        (path, value) -> {
          if (fixed.stream().noneMatch(f -> f.covers(path))) {
            ConfigSources.set(tree, path, value);
          }
        });
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
