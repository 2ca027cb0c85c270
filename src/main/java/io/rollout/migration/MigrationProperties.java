package io.rollout.migration;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rollout.migration.*}: where uploaded extracts and dry-run results are kept, and the largest
 * extract accepted.
 *
 * @param storeDir       directory of extracts and result files (tests use a temporary directory)
 * @param maxUploadSize  larger uploads are refused before anything is stored
 * @param topReasons     how many reject reasons the data steward and the data owner see
 */
@ConfigurationProperties("rollout.migration")
record MigrationProperties(
        @DefaultValue("./data/migration") Path storeDir,
        @DefaultValue("200MB") DataSize maxUploadSize,
        @DefaultValue("5") int topReasons) {}
