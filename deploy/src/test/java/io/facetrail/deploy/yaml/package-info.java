/** YAML lint of the deployment files and of the rendered chart (Debian's yamllint). */
package io.facetrail.deploy.yaml;
