package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DualRunRulesTests {

    static final List<String> FIGURES = List.of("Open orders", "Stock value", "Open invoices");

    static FormRow row(int number, String name, String legacy, String current) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("legacyValue", legacy);
        values.put("newValue", current);
        return new FormRow(number, values);
    }

    @Test
    void bothValuesOfEveryFigureAreReadAsNumbersWithThousandsSeparators() {
        var result = DualRunRules.check(
                List.of(
                        row(1, "Open orders", "1,200", "1200"),
                        row(2, "Stock value", "10.5", " 11 "),
                        row(3, "Open invoices", "0", "0")),
                FIGURES);

        assertThat(result.problems()).isEmpty();
        assertThat(result.values())
                .containsExactly(
                        new DualRunRules.Values("Open orders", new BigDecimal("1200"), new BigDecimal("1200")),
                        new DualRunRules.Values("Stock value", new BigDecimal("10.5"), new BigDecimal("11")),
                        new DualRunRules.Values("Open invoices", BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void aFigureNotInThePlanAndAValueThatIsNoNumberAreNamedByRow() {
        var result = DualRunRules.check(
                List.of(row(1, "Headcount", "1", "1"), row(2, "Open orders", "12", "twelve")), FIGURES);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("golive.dualRun.unknownFigure", 1, "Headcount"),
                        new Problem("golive.dualRun.values", 2, "Open orders"));
    }

    @Test
    void theFirstMissingFigureIsNamedWhenTheRowsAreFine() {
        var result = DualRunRules.check(List.of(row(1, "Stock value", "1", "1")), FIGURES);

        assertThat(result.problems()).containsExactly(new Problem("golive.dualRun.missing", "Open orders"));
    }
}
