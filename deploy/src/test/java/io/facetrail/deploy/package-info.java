/**
 * Validation of the deployment files (Dockerfiles, the Compose stack, the Helm chart, the Grafana
 * dashboards) on a machine without a container engine or a Kubernetes cluster.
 */
package io.facetrail.deploy;
