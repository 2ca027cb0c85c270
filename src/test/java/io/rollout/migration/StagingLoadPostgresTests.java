package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.migration.MigrationRepository.Extract;
import io.rollout.migration.MigrationService.RunOutcome;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.PostgresTest;
import io.rollout.shared.TestProjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a real PostgreSQL: a generated extract of 100,000 customers is accepted, dry run, signed off and
 * loaded into {@code migration_staging} with JDBC batches, every row traceable to its source row.
 */
@PostgresTest
class StagingLoadPostgresTests {

    @Autowired
    MigrationService migration;

    @Autowired
    MigrationRepository migrations;

    @Autowired
    StagingLoader loader;

    @Autowired
    ProjectRepository projects;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void loadsAHundredThousandAcceptedRowsIntoStaging() throws IOException {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, List.of("finance"), List.of("finance"), List.of("customers"));
        migration.define(code, DryRunBenchmark.definition(), "pgsteward");
        Path file = dir.resolve("customers-100000.csv");
        DryRunBenchmark.generate(file, 100_000, 42);

        Extract extract;
        try (InputStream in = Files.newInputStream(file)) {
            extract = migration.accept(
                    code, "customers", file.getFileName().toString(), Files.size(file), in, "pgsteward");
        }
        RunOutcome outcome = migration.dryRun(code, "customers", extract.id());
        assertThat(outcome.run().figures().source()).isEqualTo(100_000);
        assertThat(outcome.run().figures().accepted() + outcome.run().figures().rejected())
                .isEqualTo(100_000);
        assertThat(migrations.sums(code, "customers", 1))
                .singleElement()
                .satisfies(s -> assertThat(s.reconciled()).isTrue());
        migrations.recordSignOff(code, "customers", 1, true, null, "pgowner", Instant.now());

        long loaded = loader.load(
                code,
                migration.definition(code, "customers"),
                migrations.latestSignedOffRun(code, "customers").orElseThrow());

        assertThat(loaded).isEqualTo(outcome.run().figures().accepted()).isGreaterThan(97_000);
        assertThat(jdbc.sql("select count(*) from migration_staging where project_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(loaded);
        assertThat(jdbc.sql("""
                select source_file || '#' || source_row || '#' || record_key from migration_staging
                where project_code = ? and source_row = 2""").param(code).query(String.class).single()).isEqualTo("customers-100000.csv#2#C0000001");
    }
}
