package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.migration.DefinitionRules.Form;
import io.rollout.migration.DefinitionRules.Read;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionRulesTests {

    static final List<String> DEPARTMENTS = List.of("finance", "warehouse");
    static final List<String> DATASETS = List.of("customers", "materials", "orders");

    static List<String> codes(DatasetDefinition d) {
        return DefinitionRules.check(d, DEPARTMENTS, DATASETS).stream()
                .map(Problem::code)
                .toList();
    }

    static DatasetDefinition orders(List<CleansingRule> rules) {
        return new DatasetDefinition(
                "orders",
                List.of("order", "customer", "amount"),
                List.of("order"),
                List.of("amount"),
                5,
                "finance",
                rules);
    }

    @Test
    void theDemoDefinitionsAreValid() {
        assertThat(codes(Extracts.definition("customers"))).isEmpty();
        assertThat(codes(Extracts.definition("materials"))).isEmpty();
        assertThat(codes(orders(List.of(
                        CleansingRule.reference("customer", "customers", "客户编码"),
                        CleansingRule.unique("order, customer", true)))))
                .isEmpty();
    }

    @Test
    void refusesMissingAndDoubleColumnsUnknownKeysThresholdAndDepartment() {
        assertThat(codes(new DatasetDefinition("x", List.of(), List.of(), List.of(), null, "finance", List.of())))
                .containsExactly("migration.definition.columnsRequired");
        DatasetDefinition d =
                new DatasetDefinition("x", List.of("a", " a", ""), List.of("k"), List.of("s"), 101, "sales", List.of());
        assertThat(DefinitionRules.check(d, DEPARTMENTS, DATASETS))
                .containsExactly(
                        Problem.of("migration.definition.columnTwice", " a"),
                        Problem.of("migration.definition.columnBlank"),
                        Problem.of("migration.definition.keyColumn", "k"),
                        Problem.of("migration.definition.reconcileColumn", "s"),
                        Problem.of("migration.definition.threshold", "101"),
                        Problem.of("migration.definition.department", "sales", "finance, warehouse"));
    }

    @Test
    void refusesIncompleteRulesNamingTheirNumber() {
        List<Problem> problems = DefinitionRules.check(
                orders(List.of(
                        new CleansingRule("fuzzy", "order", null, null, null, null, null, null, false),
                        CleansingRule.required("nope"),
                        CleansingRule.pattern("order", "SO-(\\d+"),
                        CleansingRule.date("order"),
                        CleansingRule.date("order", "yyyy-MM-dd", "bbb"),
                        CleansingRule.number("amount", BigDecimal.TEN, BigDecimal.ONE),
                        CleansingRule.allowed("customer"),
                        CleansingRule.reference("customer", "orders", " "),
                        CleansingRule.code("order", null),
                        new CleansingRule("required", null, null, null, null, null, null, null, false))),
                DEPARTMENTS,
                DATASETS);
        assertThat(problems)
                .containsExactly(
                        Problem.of(
                                "migration.definition.rule.kind", "1", "fuzzy", String.join(", ", CleansingRule.KINDS)),
                        Problem.of("migration.definition.rule.unknownColumn", "2", "nope"),
                        Problem.of("migration.definition.rule.pattern", "3", "SO-(\\d+"),
                        Problem.of("migration.definition.rule.values", "4", "date"),
                        Problem.of("migration.definition.rule.dateFormat", "5", "bbb"),
                        Problem.of("migration.definition.rule.range", "6", "10", "1"),
                        Problem.of("migration.definition.rule.values", "7", "allowed"),
                        Problem.of("migration.definition.rule.dataset", "8", "orders"),
                        Problem.of("migration.definition.rule.refColumn", "8"),
                        Problem.of("migration.definition.rule.pattern", "9", "-"),
                        Problem.of("migration.definition.rule.column", "10", "required"));
    }

    @Test
    void uniqueWithoutColumnsNeedsKeyColumns() {
        DatasetDefinition noKeys = new DatasetDefinition(
                "x", List.of("a"), List.of(), List.of(), null, "finance", List.of(CleansingRule.unique(null, false)));
        assertThat(codes(noKeys)).containsExactly("migration.definition.rule.column");
    }

    static FormRow rule(int number, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    @Test
    void readsTheFormsColumnsListsAndRuleGrid() {
        Read read = DefinitionRules.read(new Form(
                "orders",
                "order\ncustomer， amount\n",
                "order",
                "amount, ",
                5L,
                "finance",
                List.of(
                        rule(1, "kind", "unique-normalised", "column", "order"),
                        rule(2, "kind", "reference", "column", "customer", "reference", "customers. 客户编码"),
                        rule(3, "kind", "number", "column", "amount", "min", "0", "max", "1e6"),
                        rule(4, "kind", "", "column", ""),
                        rule(5, "kind", "allowed", "column", "customer", "values", "A，B, C"))));

        assertThat(read.problems()).isEmpty();
        assertThat(read.definition())
                .isEqualTo(new DatasetDefinition(
                        "orders",
                        List.of("order", "customer", "amount"),
                        List.of("order"),
                        List.of("amount"),
                        5,
                        "finance",
                        List.of(
                                new CleansingRule("unique", "order", null, List.of(), null, null, null, null, true),
                                new CleansingRule(
                                        "reference",
                                        "customer",
                                        null,
                                        List.of(),
                                        null,
                                        null,
                                        "customers",
                                        "客户编码",
                                        false),
                                new CleansingRule(
                                        "number",
                                        "amount",
                                        null,
                                        List.of(),
                                        BigDecimal.ZERO,
                                        new BigDecimal("1e6"),
                                        null,
                                        null,
                                        false),
                                new CleansingRule(
                                        "allowed",
                                        "customer",
                                        null,
                                        List.of("A", "B", "C"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        false))));
    }

    @Test
    void readRefusesAThresholdAndBoundsThatAreNoNumbers() {
        Read read = DefinitionRules.read(new Form(
                "orders",
                "order",
                null,
                null,
                "five",
                "finance",
                List.of(rule(1, "kind", "number", "column", "order", "min", "zero", "max", "1.5"))));

        assertThat(read.problems())
                .containsExactly(
                        Problem.of("migration.definition.rule.number", "1", "zero"),
                        Problem.of("migration.definition.threshold", "five"));
        assertThat(DefinitionRules.read(new Form("orders", "order", null, null, "2.5", "finance", List.of()))
                        .problems())
                .containsExactly(Problem.of("migration.definition.threshold", "2.5"));
    }
}
