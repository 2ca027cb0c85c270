package io.rollout.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The files of data migration under {@code rollout.migration.store-dir}:
 * {@code <project>/<dataset>/extracts/<uuid>-<file name>} for uploaded extracts and
 * {@code <project>/<dataset>/round-<n>/} for the result files of a dry run. A dry run writes into a
 * temporary directory that becomes the round's only when the run succeeds, so a refused file leaves
 * nothing behind. A working directory left by a node that died in the middle of a dry run is removed when the
 * dataset's next dry run starts, once it has not changed for {@link #ABANDONED_AFTER} (no dry run takes that long).
 */
@Component
class ExtractStore {

    /** How long a working directory stays untouched before it counts as left behind by a dead node. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    private final Path root;

    ExtractStore(MigrationProperties properties) {
        this.root = properties.storeDir().toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Copies an upload into the store; at most {@code maxBytes} (the caller has checked the size). */
    Path saveExtract(String projectCode, String dataset, String fileName, InputStream content) {
        Path dir = datasetDir(projectCode, dataset).resolve("extracts");
        Path file = dir.resolve(UUID.randomUUID() + "-" + safe(fileName));
        try {
            Files.createDirectories(dir);
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh working directory for a dry run; working directories abandoned by dead nodes are removed first. */
    Path workDir(String projectCode, String dataset) {
        try {
            Path datasetDir = datasetDir(projectCode, dataset);
            removeAbandoned(datasetDir, Instant.now().minus(ABANDONED_AFTER));
            Path dir = datasetDir.resolve("work-" + UUID.randomUUID());
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a finished working directory the result of the round. */
    Path keepAsRound(Path workDir, String projectCode, String dataset, int round) {
        Path target = roundDir(projectCode, dataset, round);
        try {
            delete(target);
            return Files.move(workDir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void removeAbandoned(Path datasetDir, Instant untouchedSince) throws IOException {
        if (!Files.isDirectory(datasetDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(datasetDir)) {
            for (Path work : entries.filter(p -> p.getFileName().toString().startsWith("work-"))
                    .toList()) {
                if (lastChange(work).isBefore(untouchedSince)) {
                    delete(work);
                }
            }
        }
    }

    /** The newest modification of the directory or anything in it: a running dry run keeps writing its files. */
    private static Instant lastChange(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            Instant newest = Instant.EPOCH;
            for (Path p : files.toList()) {
                Instant changed = Files.getLastModifiedTime(p).toInstant();
                newest = changed.isAfter(newest) ? changed : newest;
            }
            return newest;
        }
    }

    Path roundDir(String projectCode, String dataset, int round) {
        return datasetDir(projectCode, dataset).resolve("round-" + round);
    }

    /** Removes a file or a directory with everything in it; nothing when it does not exist. */
    void delete(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path datasetDir(String projectCode, String dataset) {
        Path dir = root.resolve(safe(projectCode)).resolve(safe(dataset)).normalize();
        if (!dir.startsWith(root)) {
            throw new IllegalArgumentException("dataset path outside the store: " + projectCode + "/" + dataset);
        }
        return dir;
    }

    /** A file name without directories or characters that file systems refuse. */
    static String safe(String name) {
        String base = name == null ? "extract" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f:*?\"<>|]", "_");
        if (base.isBlank() || base.equals(".") || base.equals("..")) {
            return "extract";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }
}
