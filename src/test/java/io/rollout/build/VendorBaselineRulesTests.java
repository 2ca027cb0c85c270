package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.build.VendorBaselineRules.Baseline;
import io.rollout.shared.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VendorBaselineRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    @Test
    void acceptsProductVersionDateAndBackupLocation() {
        assertThat(VendorBaselineRules.baseline(
                                "Kingdee K/3 Cloud", "8.1.0", "2026-05-04", "\\\\nas\\erp\\baseline", TODAY)
                        .value())
                .isEqualTo(new Baseline("Kingdee K/3 Cloud", "8.1.0", TODAY, "\\\\nas\\erp\\baseline"));
    }

    @Test
    void refusesMissingFieldsAndAFutureDate() {
        assertThat(VendorBaselineRules.baseline(null, null, null, null, TODAY).problems())
                .extracting(p -> p.args()[0])
                .containsExactly(
                        new Problem.Label("build.field.baselineProduct"),
                        new Problem.Label("build.field.baselineVersion"),
                        new Problem.Label("build.field.baselineDate"),
                        new Problem.Label("build.field.baselineBackup"));
        assertThat(VendorBaselineRules.baseline("ERP", "8.1", "2026-05-05", "OPS-123", TODAY)
                        .problems())
                .containsExactly(new Problem("build.baseline.futureDate", LocalDate.of(2026, 5, 5)));
    }
}
