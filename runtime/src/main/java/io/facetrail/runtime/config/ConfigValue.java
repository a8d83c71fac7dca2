package io.facetrail.runtime.config;

/**
 * A record written in configuration as one value, not as a section: e.g. a device {@code gpu:1},
 * read through its {@code @JsonCreator} factory, which names the accepted forms in its exception.
 * The loader checks such a setting as a single value (reporting that message), and its environment
 * variable is the setting's own ({@code FACETRAIL_FACES_DEVICE}), so a setting can be held typed
 * from the moment it is read.
 */
public interface ConfigValue {}
