package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rollout.migration.RowRules.Outcome;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RowRulesTests {

    static final BiFunction<String, String, Predicate<String>> NO_REFERENCES = (d, c) -> v -> false;

    static RowRules rules(List<String> columns, CleansingRule... rules) {
        return new RowRules(
                new DatasetDefinition(
                        "test", columns, List.of(columns.get(0)), List.of(), null, "finance", List.of(rules)),
                columns,
                NO_REFERENCES);
    }

    static List<Problem> problems(Outcome outcome) {
        return outcome.violations().stream().map(RowRules.Violation::problem).toList();
    }

    @Test
    void requiredRefusesBlankAndWhiteSpaceOnly() {
        RowRules rules = rules(List.of("code", "name"), CleansingRule.required("name"));
        assertThat(rules.check(2, new String[] {"C1", " 上海孙氏包装有限公司  "}).values())
                .containsExactly("C1", "上海孙氏包装有限公司");
        assertThat(problems(rules.check(3, new String[] {"C2", ""})))
                .containsExactly(Problem.of("migration.rule.required", "name"));
        assertThat(rules.check(4, new String[] {"C3", " \u3000 "}).accepted()).isFalse();
    }

    @Test
    void patternMatchesTheWholeValue() {
        RowRules rules = rules(List.of("code", "phone"), CleansingRule.pattern("phone", "1\\d{10}|0\\d{2,3}-\\d{7,8}"));
        assertThat(rules.check(2, new String[] {"C1", "18613361636"}).accepted())
                .isTrue();
        assertThat(rules.check(3, new String[] {"C2", "021-55551234"}).accepted())
                .isTrue();
        assertThat(rules.check(4, new String[] {"C3", ""}).accepted())
                .as("blank is for required")
                .isTrue();
        assertThat(problems(rules.check(5, new String[] {"C4", "021-5555"})))
                .containsExactly(
                        Problem.of("migration.rule.pattern", "phone", "021-5555", "1\\d{10}|0\\d{2,3}-\\d{7,8}"));
        assertThat(rules.check(6, new String[] {"C5", "186133616360"}).accepted())
                .isFalse();
    }

    @Test
    void aPatternThatBacktracksCatastrophicallyStillChecksALongValueAtOnce() {
        RowRules rules = rules(
                List.of("code", "name"),
                CleansingRule.pattern("name", "(a+)+$"),
                CleansingRule.code("code", "(C|C\\d|\\d)+"));
        String longValue = "a".repeat(5_000) + "!";
        String longCode = "C" + "1".repeat(5_000) + "x";

        Outcome outcome = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> rules.check(2, new String[] {longCode, longValue}));

        assertThat(problems(outcome))
                .containsExactlyInAnyOrder(
                        Problem.of("migration.rule.code", "code", longCode, "(C|C\\d|\\d)+"),
                        Problem.of("migration.rule.pattern", "name", longValue, "(a+)+$"));
    }

    @Test
    void datesInAnyAcceptedFormatBecomeIsoDates() {
        RowRules rules =
                rules(List.of("code", "since"), CleansingRule.date("since", "yyyy-MM-dd", "yyyy/M/d", "dd.MM.yyyy"));
        assertThat(rules.check(2, new String[] {"C1", "2021-04-10"}).values()[1])
                .isEqualTo("2021-04-10");
        assertThat(rules.check(3, new String[] {"C2", "2019/3/7"}).values()[1]).isEqualTo("2019-03-07");
        assertThat(rules.check(4, new String[] {"C3", "07.03.2019"}).values()[1])
                .isEqualTo("2019-03-07");
        assertThat(problems(rules.check(5, new String[] {"C4", "2019-02-30"})))
                .containsExactly(
                        Problem.of("migration.rule.date", "since", "2019-02-30", "yyyy-MM-dd, yyyy/M/d, dd.MM.yyyy"));
        assertThat(rules.check(6, new String[] {"C5", "March 2019"}).accepted()).isFalse();
        assertThat(rules.check(7, new String[] {"C6", "2019-03-07x"}).accepted())
                .isFalse();
    }

    @Test
    void numbersAreCheckedAgainstMinAndMaxAndLoadedPlain() {
        RowRules rules = rules(
                List.of("code", "limit"), CleansingRule.number("limit", BigDecimal.ZERO, new BigDecimal("1000000")));
        assertThat(rules.check(2, new String[] {"C1", "50,000.00"}).values()[1]).isEqualTo("50000");
        assertThat(rules.check(3, new String[] {"C2", "１００"}).values()[1]).isEqualTo("100");
        assertThat(rules.check(4, new String[] {"C3", "0"}).values()[1]).isEqualTo("0");
        assertThat(problems(rules.check(5, new String[] {"C4", "十万"})))
                .containsExactly(Problem.of("migration.rule.number", "limit", "十万"));
        assertThat(problems(rules.check(6, new String[] {"C5", "-100"})))
                .containsExactly(Problem.of("migration.rule.min", "limit", "-100", "0"));
        assertThat(problems(rules.check(7, new String[] {"C6", "2000000"})))
                .containsExactly(Problem.of("migration.rule.max", "limit", "2000000", "1000000"));
        assertThat(rules.check(8, new String[] {"C7", "1e3"}).accepted()).isTrue();
        assertThat(RowRules.number("abc")).isNull();
        assertThat(RowRules.number(" ")).isNull();
    }

    @Test
    void allowedValuesAreExact() {
        RowRules rules = rules(List.of("code", "category"), CleansingRule.allowed("category", "成品", "半成品"));
        assertThat(rules.check(2, new String[] {"M1", "成品"}).accepted()).isTrue();
        assertThat(problems(rules.check(3, new String[] {"M2", "杂项"})))
                .containsExactly(Problem.of("migration.rule.allowed", "category", "杂项", "成品, 半成品"));
    }

    @Test
    void exactUniquenessReportsTheFirstRow() {
        RowRules rules = rules(List.of("code", "name"), CleansingRule.unique("code", false));
        assertThat(rules.check(2, new String[] {"C00006", "a"}).accepted()).isTrue();
        Outcome again = rules.check(9, new String[] {" C00006 ", "b"});
        assertThat(problems(again)).containsExactly(Problem.of("migration.rule.duplicate", "code", "C00006", "2"));
        assertThat(again.duplicate()).isEqualTo(new RowRules.Duplicate("C00006", 2));
        assertThat(rules.check(10, new String[] {"c00006", "c"}).accepted())
                .as("case differs")
                .isTrue();
        assertThat(rules.check(11, new String[] {"C００００６", "d"}).accepted())
                .as("full-width differs")
                .isTrue();
        assertThat(rules.check(12, new String[] {"", "e"}).accepted())
                .as("blank keys are for required")
                .isTrue();
        assertThat(rules.check(13, new String[] {"", "f"}).accepted()).isTrue();
    }

    @Test
    void normalisedUniquenessIgnoresWidthCaseAndSpaces() {
        RowRules rules = rules(List.of("code", "name"), CleansingRule.unique("code", true));
        assertThat(rules.check(9, new String[] {"C00008", "合肥林氏包装有限公司"}).accepted())
                .isTrue();
        Outcome fullWidth = rules.check(63, new String[] {"C００００８", "合肥林氏包装有限公司"});
        assertThat(problems(fullWidth))
                .containsExactly(Problem.of("migration.rule.duplicateNormalised", "code", "c00008", "9"));
        assertThat(rules.check(64, new String[] {"c00008\u3000", "x"}).accepted())
                .isFalse();
        assertThat(rules.check(65, new String[] {"Ｃ00009", "x"}).accepted()).isTrue();
    }

    @Test
    void uniquenessOverSeveralColumnsUsesTheKeyColumnsByDefault() {
        DatasetDefinition definition = new DatasetDefinition(
                "orders",
                List.of("order", "line", "qty"),
                List.of("order", "line"),
                List.of(),
                null,
                "sales",
                List.of(CleansingRule.unique("", false)));
        RowRules rules = new RowRules(definition, List.of("qty", "line", "order"), NO_REFERENCES);
        assertThat(rules.check(2, new String[] {"5", "1", "SO-1"}).values()).containsExactly("SO-1", "1", "5");
        assertThat(rules.check(3, new String[] {"5", "2", "SO-1"}).accepted()).isTrue();
        assertThat(problems(rules.check(4, new String[] {"7", "1", "SO-1"})))
                .containsExactly(Problem.of("migration.rule.duplicate", "order, line", "SO-1|1", "2"));
    }

    @Test
    void referencesMustExistInTheOtherDataset() {
        DatasetDefinition definition = new DatasetDefinition(
                "orders",
                List.of("order", "customer"),
                List.of("order"),
                List.of(),
                null,
                "sales",
                List.of(CleansingRule.reference("customer", "customers", "客户编码")));
        RowRules rules = new RowRules(
                definition,
                List.of("order", "customer"),
                (dataset, column) -> dataset.equals("customers") && column.equals("客户编码")
                        ? Set.of("C00001", "C00002")::contains
                        : v -> false);
        assertThat(rules.check(2, new String[] {"SO-1", "C00001"}).accepted()).isTrue();
        assertThat(problems(rules.check(3, new String[] {"SO-2", "C99999"})))
                .containsExactly(Problem.of("migration.rule.reference", "customer", "C99999", "customers", "客户编码"));
    }

    @Test
    void codingStandardsWithAndWithoutCategories() {
        RowRules customers = rules(List.of("code"), CleansingRule.code("code", "C\\d{5}"));
        assertThat(customers.check(2, new String[] {"C00001"}).accepted()).isTrue();
        assertThat(problems(customers.check(3, new String[] {"c-9"})))
                .containsExactly(Problem.of("migration.rule.code", "code", "c-9", "C\\d{5}"));
        assertThat(customers.check(4, new String[] {"C００００８"}).accepted())
                .as("digits are ASCII digits")
                .isFalse();

        RowRules materials =
                rules(List.of("code"), CleansingRule.code("code", "{category}-\\d{2}-\\d{4}", "FG", "SF", "RM", "PK"));
        assertThat(materials.check(2, new String[] {"FG-56-0001"}).accepted()).isTrue();
        assertThat(problems(materials.check(3, new String[] {"RM100-7"})))
                .containsExactly(Problem.of("migration.rule.code", "code", "RM100-7", "{category}-\\d{2}-\\d{4}"));
        assertThat(problems(materials.check(4, new String[] {"XX-12-0001"})))
                .containsExactly(
                        Problem.of("migration.rule.codeCategory", "code", "XX-12-0001", "XX", "FG, SF, RM, PK"));
    }

    @Test
    void aRowNamesEveryRuleItBreaks() {
        RowRules rules = rules(
                List.of("code", "name", "limit"),
                CleansingRule.required("name"),
                CleansingRule.code("code", "C\\d{5}"),
                CleansingRule.number("limit", BigDecimal.ZERO, null));
        Outcome outcome = rules.check(5, new String[] {"c-9", "", "-1"});
        assertThat(outcome.violations())
                .extracting(RowRules.Violation::rule)
                .containsExactly("required name", "code code", "number limit");
    }

    @Test
    void theHeaderMustHaveTheDatasetColumnsInAnyOrder() {
        DatasetDefinition definition = new DatasetDefinition(
                "c", List.of("客户编码", "客户名称", "电话"), List.of(), List.of(), null, "finance", List.of());
        assertThat(new RowRules(definition, List.of("电话", "客户编码", "客户名称"), NO_REFERENCES).columns())
                .containsExactly("客户编码", "客户名称", "电话");
        assertThatThrownBy(() -> new RowRules(definition, List.of("客户编码", "客户名", "传真"), NO_REFERENCES))
                .isInstanceOfSatisfying(
                        ExtractException.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(Problem.of(
                                        "migration.extract.header", "客户名称, 电话", "客户名, 传真", "客户编码, 客户名称, 电话")));
        assertThatThrownBy(() -> new RowRules(definition, List.of("客户编码", "客户名称", "电话", "电话"), NO_REFERENCES))
                .isInstanceOfSatisfying(
                        ExtractException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("migration.extract.duplicateColumns"));
    }

    @Test
    void keyIndexGrowsAndKeepsFirstRows() {
        KeyIndex index = new KeyIndex(16);
        for (int i = 0; i < 100_000; i++) {
            assertThat(index.putIfAbsent("C" + i, i + 2)).isEqualTo(-1);
        }
        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.putIfAbsent("C4711", 1_000_000)).isEqualTo(4713);
        assertThat(index.contains("C99999")).isTrue();
        assertThat(index.contains("C100000")).isFalse();
    }
}
