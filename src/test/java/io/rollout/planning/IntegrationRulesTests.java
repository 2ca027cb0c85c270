package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.planning.IntegrationRules.MigrationNeed;
import io.rollout.planning.IntegrationRules.Result;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationRulesTests {

    static final List<String> DEPARTMENTS = List.of("procurement", "warehouse", "sales");

    static FormRow row(int number, String... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    static final List<FormRow> SYSTEMS = List.of(
            row(1, "name", "Old ERP", "ownerDepartment", "procurement"),
            row(2, "name", "Warehouse Excel", "ownerDepartment", "warehouse"));

    static List<String> codes(Result result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void acceptsACompleteStrategyAndNamesTheLegacySystemAsListed() {
        Result result = IntegrationRules.check(
                SYSTEMS,
                List.of(row(1, "toSystem", "Bank", "kind", "file", "direction", "outbound", "frequency", "daily")),
                List.of(
                        row(1, "dataset", "customers", "legacySystem", "old erp"),
                        row(2, "dataset", "inventory-balances", "legacySystem", "Warehouse Excel")),
                DEPARTMENTS);

        assertThat(result.valid()).isTrue();
        assertThat(result.integration().migrations())
                .containsExactly(
                        new MigrationNeed("customers", "Old ERP"),
                        new MigrationNeed("inventory-balances", "Warehouse Excel"));
        assertThat(result.integration().datasets()).containsExactly("customers", "inventory-balances");
    }

    @Test
    void aGreenfieldProjectMayLeaveEverythingEmpty() {
        assertThat(IntegrationRules.check(List.of(), List.of(row(1, "toSystem", "")), List.of(), DEPARTMENTS)
                        .valid())
                .isTrue();
    }

    @Test
    void refusesDuplicateSystemsAndUnknownDepartments() {
        Result result = IntegrationRules.check(
                List.of(
                        row(1, "name", "Old ERP", "ownerDepartment", "it"),
                        row(2, "name", "old erp", "ownerDepartment", "sales"),
                        row(3, "ownerDepartment", "sales")),
                List.of(),
                List.of(),
                DEPARTMENTS);

        assertThat(codes(result))
                .containsExactly("planning.row.choice", "planning.row.duplicate", "planning.row.required");
        assertThat(result.problems().get(0).args())
                .containsExactly(
                        new Label("planning.list.legacySystems"),
                        1,
                        new Label("planning.field.ownerDepartment"),
                        "procurement, warehouse, sales",
                        "it");
    }

    @Test
    void refusesInterfacesWithUnknownKindDirectionOrFrequency() {
        Result result = IntegrationRules.check(
                SYSTEMS,
                List.of(row(1, "toSystem", "MES", "kind", "email", "direction", "sideways", "frequency", "yearly")),
                List.of(),
                DEPARTMENTS);
        assertThat(codes(result)).containsExactly("planning.row.choice", "planning.row.choice", "planning.row.choice");
    }

    @Test
    void refusesBadDatasetNamesDuplicatesAndUnlistedSources() {
        Result result = IntegrationRules.check(
                SYSTEMS,
                List.of(),
                List.of(
                        row(1, "dataset", "Open Orders", "legacySystem", "Old ERP"),
                        row(2, "dataset", "customers", "legacySystem", "Old ERP"),
                        row(3, "dataset", "customers", "legacySystem", "Old ERP"),
                        row(4, "dataset", "materials", "legacySystem", "Old MES")),
                DEPARTMENTS);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("planning.migration.datasetName", 1, "Open Orders"),
                        new Problem("planning.row.duplicate", new Label("planning.list.migrations"), 3, "customers"),
                        new Problem("planning.migration.unknownSystem", 4, "Old MES", "Old ERP, Warehouse Excel"));
        assertThat(result.integration()).isNull();
    }
}
