package io.rollout.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application node: the packaged jar in a JVM of its own ({@code java -Xmx384m -jar}), on the {@code postgres}
 * profile against the shared database, with its output appended to {@code target/cluster-logs/<name>.log} (a restart
 * continues the same log). Killing it is SIGKILL: no shutdown hook, no graceful end of running jobs.
 */
final class Node {

    static final Duration STARTUP = Duration.ofMinutes(3);

    final String name;
    final int port;
    private final Path jar;
    private final Path log;
    private final List<String> settings;
    private final Map<String, String> environment;
    private Process process;

    Node(String name, Path jar, Path logDir, List<String> settings, Map<String, String> environment) {
        this.name = name;
        this.port = freePort();
        this.jar = jar;
        this.log = logDir.resolve(name + ".log");
        this.settings = settings;
        this.environment = environment;
    }

    /** Starts the JVM and waits until the application answers its health check with UP. */
    Node start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                // start-up on 2 shared cores: C1 only, one GC thread
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "--server.port=" + port));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    System.lineSeparator() + "=== " + name + " started by the test: " + command
                            + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await("node " + name + " up on port " + port + " (log " + log + ")")
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                    }
                    try {
                        var response = client.send(
                                HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                BodyHandlers.ofString());
                        return response.statusCode() == 200 && response.body().contains("\"UP\"");
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    /** SIGKILL, as a crashed machine or the OOM killer would end it; waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the node at the end of the run (SIGTERM, then SIGKILL if it does not stop). */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The files this node's JVM has open right now (Linux {@code /proc/<pid>/fd}). */
    List<Path> openFiles() {
        List<Path> files = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    files.add(Files.readSymbolicLink(fd));
                } catch (IOException e) {
                    // closed between listing and reading
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return files;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Rest as(String user, String password) {
        return new Rest(this, user, password);
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
