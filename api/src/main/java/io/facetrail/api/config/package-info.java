/** The API's typed configuration: defaults, YAML, environment and {@code --set}. */
package io.facetrail.api.config;
