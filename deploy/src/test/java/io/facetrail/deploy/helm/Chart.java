package io.facetrail.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.facetrail.deploy.RepositoryFiles;
import java.nio.file.Path;

/** The repository's chart, rendered and linted with Helm's engine (no cluster involved). */
final class Chart {
  static final String RELEASE = "ft";
  static final String NAMESPACE = "vision";

  private Chart() {}

  /** {@code helm template ft helm/facetrail [-f values]} in namespace {@value #NAMESPACE}. */
  static Manifests render(Path valuesFile) {
    var template =
        new Helm(RepositoryFiles.chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
    if (valuesFile != null) {
      template = template.withValuesFile(valuesFile);
    }
    return Manifests.parse(template.call());
  }

  /** {@code helm template ft helm/facetrail --set key=value} with the default values otherwise. */
  static Manifests renderWith(String key, Object value) {
    return Manifests.parse(
        new Helm(RepositoryFiles.chart())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .set(key, value)
            .call());
  }

  /** {@code helm lint --strict helm/facetrail} (warnings fail too). */
  static LintResult lint() {
    return new Helm(RepositoryFiles.chart()).lint().strict().call();
  }

  /** The values file with every optional part switched on. */
  static Path fullValues() {
    return RepositoryFiles.chart().resolve("ci").resolve("gpu-autoscaling-monitoring-values.yaml");
  }
}
