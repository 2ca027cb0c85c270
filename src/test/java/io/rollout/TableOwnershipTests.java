package io.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.SqlTableScanner.Use;
import io.rollout.shared.OwnsTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table of our Flyway migrations has one owning module ({@link OwnsTables} on the module's
 * {@code package-info.java}), and only the owner's SQL names it: other modules read and change it through the
 * owner's API, so a table's rules and columns can change in one place. The engine's own tables ({@code act_*})
 * belong to Camunda: no module writes them, except as listed below, and only the modules listed read them.
 */
class TableOwnershipTests {

    static final Path SOURCES = Path.of("src/main/java/io/rollout");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Modules that read the engine's tables directly, and why the engine's API is not enough. {@code audit} owns
     * the reading of the engine's history: {@code HistoryChain} reads back, by id and in the committing transaction,
     * the entries the engine just wrote, and {@code HistoryGuard} compares raw rows with what the engine reports.
     */
    static final Map<String, String> ENGINE_READERS =
            Map.of("audit", "chains and guards the engine's history as stored, row by row");

    /** Engine tables a module writes, as {@code module:table}, and why. */
    static final Map<String, String> ENGINE_WRITES = Map.of(
            "shared:act_ru_job", "JobLockKeeper renews the lock of a long-running job; the engine has no API for it");

    /**
     * Our tables that a module other than the owner still names, as {@code module:table}, and why. The decision log's
     * chain head lives in {@code project.audit_seq}/{@code audit_hash} (V17) and locks the project row; {@code audit}
     * sits below {@code project} (projects record decisions), so it cannot call the project's API without a cycle.
     * Moving the head into a table of {@code audit} takes a migration of the head; until then audit names
     * {@code project} for the head and for the project checks of its pages.
     */
    static final Map<String, String> NAMED_ELSEWHERE =
            Map.of("audit:project", "the decision log's chain head is kept in the project row");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableOfTheMigrationsHasExactlyOneOwningModule() {
        Map<String, List<String>> ownersByTable = new TreeMap<>();
        modules()
                .forEach(module -> owned(module)
                        .forEach(table -> ownersByTable
                                .computeIfAbsent(table, t -> new ArrayList<>())
                                .add(module)));

        assertThat(ownersByTable.entrySet())
                .filteredOn(e -> e.getValue().size() > 1)
                .as("tables with more than one owner")
                .isEmpty();
        assertThat(tables()).as("tables without an owner").allMatch(ownersByTable::containsKey);
        assertThat(ownersByTable.keySet())
                .as("owned tables no migration creates")
                .allMatch(tables()::contains);
    }

    @Test
    void onlyTheOwningModuleNamesATableInItsSql() {
        Map<String, String> owners = owners();
        SqlTableScanner scanner = new SqlTableScanner(tables());
        List<String> violations = new ArrayList<>();
        for (String module : modules()) {
            for (Path file : javaFiles(module)) {
                violations.addAll(
                        violations(module, scanner.scan(SOURCES.relativize(file).toString(), read(file)), owners));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aModuleThatWritesAnotherModulesTableIsReported() {
        String source = """
            class Milestones {
                void complete(long id) {
                    jdbc.sql("update milestone set status = 'completed' where id = ?").param(id).update();
                }
                List<String> phases() {
                    return jdbc.sql(\"""
                        select m.name from project_plan p
                        join milestone m on m.project_code = p.project_code\""").query(String.class).list();
                }
            }
            """;
        List<Use> uses =
                new SqlTableScanner(Set.of("milestone", "project_plan")).scan("governance/Milestones.java", source);

        assertThat(violations("governance", uses, Map.of("milestone", "planning", "project_plan", "planning")))
                .containsExactly(
                        "governance/Milestones.java:3 writes table milestone, owned by planning",
                        "governance/Milestones.java:6 reads table project_plan, owned by planning",
                        "governance/Milestones.java:6 reads table milestone, owned by planning");
    }

    @Test
    void theEnginesTablesAreReadOnlyByTheListedModulesAndWrittenByNone() {
        String source = """
            class Peek {
                String sql = "select ID_ from ACT_RU_TASK";
                String renew = "update " + prefix() + "ACT_RU_JOB set LOCK_EXP_TIME_ = ?";
            }
            """;
        List<Use> uses = new SqlTableScanner(Set.of()).scan("planning/Peek.java", source);

        assertThat(violations("planning", uses, Map.of()))
                .containsExactly(
                        "planning/Peek.java:2 reads table act_ru_task, the engine's, read only by "
                                + ENGINE_READERS.keySet(),
                        "planning/Peek.java:3 writes table act_ru_job, the engine's, written by none of our modules");
    }

    @Test
    void everyListedExceptionIsStillNeeded() {
        SqlTableScanner scanner = new SqlTableScanner(tables());
        Set<String> named = new TreeSet<>();
        Set<String> engineWrites = new TreeSet<>();
        for (String module : modules()) {
            for (Path file : javaFiles(module)) {
                for (Use use : scanner.scan(file.toString(), read(file))) {
                    named.add(module + ":" + use.table());
                    if (use.write()) {
                        engineWrites.add(module + ":" + use.table());
                    }
                }
            }
        }
        assertThat(named).containsAll(NAMED_ELSEWHERE.keySet());
        assertThat(engineWrites).containsAll(ENGINE_WRITES.keySet());
    }

    static List<String> violations(String module, List<Use> uses, Map<String, String> owners) {
        List<String> violations = new ArrayList<>();
        for (Use use : uses) {
            String key = module + ":" + use.table();
            String where =
                    use.file() + ":" + use.line() + (use.write() ? " writes" : " reads") + " table " + use.table();
            if (SqlTableScanner.engineTable(use.table())) {
                if (use.write() && !ENGINE_WRITES.containsKey(key)) {
                    violations.add(where + ", the engine's, written by none of our modules");
                } else if (!use.write() && !ENGINE_READERS.containsKey(module)) {
                    violations.add(where + ", the engine's, read only by " + ENGINE_READERS.keySet());
                }
            } else if (!module.equals(owners.get(use.table())) && !NAMED_ELSEWHERE.containsKey(key)) {
                violations.add(where + ", owned by " + owners.get(use.table()));
            }
        }
        return violations;
    }

    static Set<String> tables() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            Set<String> tables = new TreeSet<>();
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = CREATE_TABLE.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            });
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        modules().forEach(module -> owned(module).forEach(table -> owners.put(table, module)));
        return owners;
    }

    static List<String> owned(String module) {
        try {
            OwnsTables owns =
                    Class.forName("io.rollout." + module + ".package-info").getAnnotation(OwnsTables.class);
            return owns == null ? List.of() : Arrays.asList(owns.value());
        } catch (ClassNotFoundException e) {
            return List.of();
        }
    }

    static List<String> modules() {
        try (Stream<Path> entries = Files.list(SOURCES)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(String module) {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
