package io.facetrail.benchmarks.faults;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the suite's child processes (FaceTrail services in JVMs like this one, redis-server) with
 * their output in log files, and kills every one still alive when closed or when this JVM exits
 * (Ctrl-C, an exception): a fault suite that left brokers and embedders behind would skew every
 * later measurement on the machine.
 */
final class ChildProcesses implements AutoCloseable {
  private final List<Process> started = new ArrayList<>();
  private final Thread hook = new Thread(this::killAll, "bench-faults-children");
  private final List<String> javaCommand;
  private final Map<String, String> environment;

  /**
   * @param environment variables every FaceTrail child gets on top of this process's (Kafka and
   *     gallery addresses)
   */
  ChildProcesses(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    this.javaCommand = javaCommand();
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The java binary, JVM options, class path and main class of the running command: the children
   * run the same build with the same flags (Vector API module, native-library settings).
   */
  private static List<String> javaCommand() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell this JVM's java binary"));
    String mainCommand = System.getProperty("sun.java.command", "").trim();
    if (mainCommand.isEmpty() || mainCommand.endsWith(".jar")) {
      throw new IllegalStateException(
          "cannot tell this JVM's main class (sun.java.command='"
              + mainCommand
              + "'): start bench faults with java -cp ... io.facetrail.app.FacetrailCli");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // A debugger agent would make every child wait on the same port.
      if (!arg.startsWith("-agentlib:") && !arg.startsWith("-Xrunjdwp")) {
        cmd.add(arg);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainCommand.split("\\s+")[0]);
    return List.copyOf(cmd);
  }

  /** Starts {@code facetrail ARGS...} in a child JVM, output and errors to {@code log}. */
  synchronized Process facetrail(Path log, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(javaCommand);
    cmd.addAll(args);
    return start(cmd, log, environment);
  }

  /** Starts any program, output and errors to {@code log}. */
  synchronized Process program(Path log, List<String> cmd) throws IOException {
    return start(cmd, log, Map.of());
  }

  private Process start(List<String> cmd, Path log, Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    return p;
  }

  /** SIGKILL, and waits for the process to be gone. */
  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + p.pid() + " survived SIGKILL for 30 s");
    }
  }

  /** SIGTERM, then SIGKILL after {@code graceSeconds}; waits for the process to be gone. */
  static void stop(Process p, int graceSeconds) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
      kill(p);
    }
  }

  private synchronized void killAll() {
    for (Process p : started) {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    for (Process p : started) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook itself is running killAll.
    }
  }
}
