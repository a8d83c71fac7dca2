/**
 * The Helm chart rendered and linted by Helm's own engine (helm-java), its manifests parsed
 * strictly as Kubernetes objects, and the service configurations it renders loaded by the services'
 * own configuration loaders.
 */
package io.facetrail.deploy.helm;
