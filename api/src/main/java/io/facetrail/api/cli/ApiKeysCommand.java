package io.facetrail.api.cli;

import io.facetrail.api.access.ApiKey;
import io.facetrail.api.access.ApiKeyStore;
import io.facetrail.api.access.Role;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiPaths;
import io.facetrail.runtime.cli.ConfigFileOptions;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail api-keys create|list|revoke}: the keys of the HTTP API. */
@Command(
    name = "api-keys",
    mixinStandardHelpOptions = true,
    description =
        "Create, list and revoke the API's keys. A key is shown once, when created; FaceTrail"
            + " keeps only its hash. Roles: viewer (read, identify), operator (also change the"
            + " gallery), admin (also read the audit log).",
    subcommands = {
      ApiKeysCommand.Create.class,
      ApiKeysCommand.ListKeys.class,
      ApiKeysCommand.Revoke.class
    })
public final class ApiKeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the keys are: {@code access.keysFile} of the API's configuration. */
  static final class KeysFile extends ConfigFileOptions {
    @Option(
        names = "--keys-file",
        paramLabel = "FILE",
        description =
            "The keys file (default: access.keysFile, else ~/.config/facetrail/api-keys.json).")
    Path keysFile;

    ApiKeyStore open() {
      Path file =
          keysFile != null ? keysFile : ApiPaths.keysFile(load(ApiConfig.loader()).access());
      return new ApiKeyStore(file, Clock.systemUTC());
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a key and print it (once).")
  static final class Create implements Callable<Integer> {
    @Mixin KeysFile keys;
    @Spec CommandSpec spec;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "viewer, operator or admin")
    String role;

    @Parameters(paramLabel = "NAME", description = "What the key is for, e.g. console-alice or nvr")
    String name;

    @Override
    public Integer call() {
      ApiKeyStore store = keys.open();
      ApiKeyStore.Created created;
      try {
        created = store.create(name, Role.parse(role));
      } catch (IllegalArgumentException e) {
        throw new UserFacingException(e.getMessage(), e);
      }
      spec.commandLine().getOut().println(created.token());
      spec.commandLine()
          .getErr()
          .printf(
              "facetrail: key %s (%s, %s) created in %s; it is shown only now%n",
              created.key().id(),
              DisplayText.safe(created.key().name()),
              created.key().role().id(),
              store.file());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List keys (never their values).")
  static final class ListKeys implements Callable<Integer> {
    @Mixin KeysFile keys;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      for (ApiKey k : keys.open().list()) {
        out.printf(
            "%s\t%s\t%s\tcreated %s\t%s%n",
            k.id(),
            DisplayText.safe(k.name()),
            k.role().id(),
            k.created(),
            k.active() ? "active" : "revoked " + k.revoked());
      }
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a key by id; its sessions end at once.")
  static final class Revoke implements Callable<Integer> {
    @Mixin KeysFile keys;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      if (!keys.open().revoke(id)) {
        throw new UserFacingException("no active key with id " + DisplayText.safe(id));
      }
      spec.commandLine().getErr().println("facetrail: key " + id + " revoked");
      return 0;
    }
  }
}
