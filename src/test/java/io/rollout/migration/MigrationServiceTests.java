package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.rollout.project.ProjectScope;
import io.rollout.shared.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.unit.DataSize;

/** Accepting an upload: the size limit and the quick checks refuse a file before anything is stored. */
class MigrationServiceTests {

    @TempDir
    Path store;

    DatasetRepository datasets = mock(DatasetRepository.class);
    MigrationRepository migrations = mock(MigrationRepository.class);
    MigrationService service;

    @BeforeEach
    void setUp() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        // the English texts as Messages would give them, without a Spring context
        Messages messages = mock(Messages.class, call -> {
            Object[] args = call.getArguments();
            String text = DryRunTests.ENGLISH.apply(
                    io.rollout.shared.Problem.of((String) args[0], java.util.Arrays.copyOfRange(args, 1, args.length)));
            return call.getMethod().getName().equals("reject") ? new BadUserRequestException(text) : text;
        });
        MigrationProperties properties = new MigrationProperties(store, DataSize.ofKilobytes(4), 5);
        service = new MigrationService(
                datasets,
                migrations,
                new ExtractStore(properties),
                properties,
                mock(ProjectScope.class),
                messages,
                Clock.systemUTC());
        when(datasets.find("P-1", "customers")).thenReturn(Optional.of(Extracts.definition("customers")));
    }

    @Test
    void refusesAFileOverTheConfiguredSizeAndStoresNothing() throws IOException {
        byte[] customers = Extracts.bytes(Extracts.CUSTOMERS);
        assertThat(customers.length).isGreaterThan(4096);

        assertThatThrownBy(() -> service.accept(
                        "P-1",
                        "customers",
                        "legacy-customers.csv",
                        customers.length,
                        new ByteArrayInputStream(customers),
                        "steward"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("The file legacy-customers.csv has " + customers.length
                        + " bytes; the largest extract accepted is 4096 bytes.");
        // a client that understates the size is caught when the stored file is measured
        assertThatThrownBy(() -> service.accept(
                        "P-1",
                        "customers",
                        "legacy-customers.csv",
                        100,
                        new ByteArrayInputStream(customers),
                        "steward"))
                .hasMessageContaining("the largest extract accepted is 4096 bytes");
        assertThat(files()).isZero();
        verify(migrations, never()).addExtract(any());
    }

    @Test
    void refusesAnUndefinedDatasetAndABadHeaderAndStoresNothing() throws IOException {
        assertThatThrownBy(() -> service.accept(
                        "P-1", "suppliers", "s.csv", 3, new ByteArrayInputStream("a\n1".getBytes()), "steward"))
                .hasMessage("The dataset suppliers of project P-1 has no definition yet: the data steward "
                        + "defines its columns and rules first.");
        assertThatThrownBy(() -> service.accept(
                        "P-1",
                        "customers",
                        "c.csv",
                        10,
                        new ByteArrayInputStream(
                                "客户编码,名称\nC00001,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "steward"))
                .hasMessageStartingWith("The header does not match the dataset. Missing columns: 客户名称, 联系人");
        assertThat(files()).isZero();
        verify(migrations, never()).addExtract(any());
    }

    long files() throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
