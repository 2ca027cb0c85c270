package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ExtractStoreTests {

    @TempDir
    Path store;

    static void age(Path path, Duration age) throws Exception {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(age)));
    }

    @Test
    void aDryRunRemovesTheWorkingDirectoryADeadNodeLeftButNotOneStillInUse() throws Exception {
        ExtractStore extracts = new ExtractStore(new MigrationProperties(store, DataSize.ofMegabytes(1), 5));
        Path dataset = store.resolve("ERP-2026-01").resolve("customers");
        Path abandoned = Files.createDirectories(dataset.resolve("work-dead-node"));
        age(Files.writeString(abandoned.resolve("accepted.csv"), "客户编码\nC00001\n"), Duration.ofHours(7));
        age(abandoned, Duration.ofHours(7));
        Path running = Files.createDirectories(dataset.resolve("work-other-node"));
        age(running, Duration.ofHours(7));
        // the other node's dry run is still writing its files
        Files.writeString(running.resolve("rejected.csv"), "客户编码,reason\n");
        Path round = Files.createDirectories(dataset.resolve("round-1"));
        age(round, Duration.ofDays(30));

        Path fresh = extracts.workDir("ERP-2026-01", "customers");

        assertThat(abandoned).doesNotExist();
        assertThat(running).exists();
        assertThat(round).exists();
        assertThat(fresh).exists().isDirectory();
    }
}
