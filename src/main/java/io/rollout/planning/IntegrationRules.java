package io.rollout.planning;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an integration strategy complete ({@code UserTask_DefineIntegration} in {@code planningPhase}):
 * every legacy system has a unique name and an owner department known to Rollout; every interface names the
 * system it connects to, its kind (api, file, database), direction and frequency; every dataset to migrate
 * has a dataset name (lower-case letters, digits and hyphens, as the data-migration phase uses it), appears
 * once, and comes from one of the listed legacy systems. A project without legacy systems (greenfield) may
 * leave all three lists empty. Plain rule: no engine, no Spring.
 */
final class IntegrationRules {

    static final List<String> KINDS = List.of("api", "file", "database");
    static final List<String> DIRECTIONS = List.of("inbound", "outbound", "both");
    static final List<String> FREQUENCIES = List.of("real-time", "hourly", "daily", "weekly", "monthly", "on-demand");
    static final Pattern DATASET = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    record LegacySystem(String name, String ownerDepartment) {}

    record SystemInterface(String toSystem, String kind, String direction, String frequency) {}

    /** A dataset to migrate and the legacy system it comes from. */
    record MigrationNeed(String dataset, String legacySystem) {}

    record Integration(
            List<LegacySystem> legacySystems, List<SystemInterface> interfaces, List<MigrationNeed> migrations) {

        List<String> datasets() {
            return migrations.stream().map(MigrationNeed::dataset).toList();
        }
    }

    /** The checked strategy, or the problems that refuse it (then {@code integration} is {@code null}). */
    record Result(Integration integration, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private IntegrationRules() {}

    /**
     * Checks a submitted strategy. Blank rows are ignored.
     *
     * @param departments the departments known to Rollout ({@code rollout.departments})
     */
    static Result check(
            List<FormRow> legacyRows,
            List<FormRow> interfaceRows,
            List<FormRow> migrationRows,
            List<String> departments) {
        List<Problem> problems = new ArrayList<>();
        // legacy system names as entered, by lower case, so a migration row may differ in case only
        Map<String, String> systemNames = new LinkedHashMap<>();
        List<LegacySystem> systems = legacySystems(legacyRows, departments, systemNames, problems);
        List<SystemInterface> interfaces = interfaces(interfaceRows, problems);
        List<MigrationNeed> migrations = migrations(migrationRows, systemNames, problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(
                new Integration(List.copyOf(systems), List.copyOf(interfaces), List.copyOf(migrations)), List.of());
    }

    /** The valid legacy-system rows; fills {@code systemNames} with every name given, by lower case. */
    private static List<LegacySystem> legacySystems(
            List<FormRow> legacyRows,
            List<String> departments,
            Map<String, String> systemNames,
            List<Problem> problems) {
        List<LegacySystem> systems = new ArrayList<>();
        RowChecks legacy = new RowChecks("planning.list.legacySystems", problems);
        for (FormRow row : legacyRows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String name = legacy.required(row, "name", "planning.field.legacySystem");
            if (name != null && systemNames.putIfAbsent(name.toLowerCase(Locale.ROOT), name) != null) {
                legacy.duplicate(row, name);
            }
            String owner = legacy.choice(row, "ownerDepartment", "planning.field.ownerDepartment", departments);
            if (problems.size() == before) {
                systems.add(new LegacySystem(name, owner));
            }
        }
        return systems;
    }

    private static List<SystemInterface> interfaces(List<FormRow> interfaceRows, List<Problem> problems) {
        List<SystemInterface> interfaces = new ArrayList<>();
        RowChecks iface = new RowChecks("planning.list.interfaces", problems);
        for (FormRow row : interfaceRows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String to = iface.required(row, "toSystem", "planning.field.toSystem");
            String kind = iface.choice(row, "kind", "planning.field.interfaceKind", KINDS);
            String direction = iface.choice(row, "direction", "planning.field.direction", DIRECTIONS);
            String frequency = iface.choice(row, "frequency", "planning.field.frequency", FREQUENCIES);
            if (problems.size() == before) {
                interfaces.add(new SystemInterface(to, kind, direction, frequency));
            }
        }
        return interfaces;
    }

    /** The valid migration rows: each dataset once, from a legacy system of {@code systemNames}. */
    private static List<MigrationNeed> migrations(
            List<FormRow> migrationRows, Map<String, String> systemNames, List<Problem> problems) {
        List<MigrationNeed> migrations = new ArrayList<>();
        Set<String> datasets = new HashSet<>();
        RowChecks migration = new RowChecks("planning.list.migrations", problems);
        for (FormRow row : migrationRows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String dataset = migration.required(row, "dataset", "planning.field.dataset");
            if (dataset != null && !DATASET.matcher(dataset).matches()) {
                problems.add(new Problem("planning.migration.datasetName", row.number(), dataset));
            } else if (dataset != null && !datasets.add(dataset)) {
                migration.duplicate(row, dataset);
            }
            String from = migration.required(row, "legacySystem", "planning.field.fromSystem");
            String system = from == null ? null : systemNames.get(from.toLowerCase(Locale.ROOT));
            if (from != null && system == null) {
                problems.add(new Problem(
                        "planning.migration.unknownSystem",
                        row.number(),
                        from,
                        systemNames.isEmpty() ? "-" : String.join(", ", systemNames.values())));
            }
            if (problems.size() == before) {
                migrations.add(new MigrationNeed(dataset, system));
            }
        }
        return migrations;
    }
}
