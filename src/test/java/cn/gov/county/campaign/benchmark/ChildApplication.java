package cn.gov.county.campaign.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application in a JVM of its own ({@code java -cp <classpath> <main class> --server.port=…}),
 * so that its start-up (until /engine-rest answers) and its resident memory are its own.
 */
final class ChildApplication implements AutoCloseable {

  final int port;
  final Http http;
  final double startupSeconds;
  private final Process process;

  private ChildApplication(int port, Process process, double startupSeconds) {
    this.port = port;
    this.http = new Http(port);
    this.process = process;
    this.startupSeconds = startupSeconds;
  }

  /** Starts the application in {@code workDir} and waits until {@code /engine-rest/engine} answers 200 as {@code user}. */
  static ChildApplication start(String classpath, String mainClass, Path workDir, Map<String, String> environment,
      List<String> arguments, String user) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, mainClass,
        "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve("application.log").toFile());
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // also when the driver is stopped
    Http http = new Http(port);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            mainClass + " stopped during start-up, see " + workDir.resolve("application.log"));
      }
      try {
        if (http.get(user, "/engine-rest/engine").status() == 200) {
          break;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
        process.destroyForcibly();
        throw new IllegalStateException(mainClass + " did not answer within 5 minutes");
      }
      Thread.sleep(100);
    }
    return new ChildApplication(port, process, (System.nanoTime() - start) / 1e9);
  }

  /** Resident set size now, from /proc (Linux), in MiB; NaN where /proc is missing. */
  double rssMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return Double.NaN;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static String classpathWithout(String classpath, String directory) {
    String excluded = new File(directory).getAbsolutePath();
    return String.join(File.pathSeparator, List.of(classpath.split(File.pathSeparator)).stream()
        .filter(entry -> !new File(entry).getAbsolutePath().equals(excluded)).toList());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
