package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of a post-implementation review with the KPI baseline, and what a baseline must hold. */
class KpiBaselineTests {

    static final LocalDate PLANNED = LocalDate.of(2026, 9, 30);
    static final KpiBaseline BASELINE = new KpiBaseline(
            new BigDecimal("400"),
            new BigDecimal("6.5"),
            new BigDecimal("2.8"),
            new BigDecimal("12"),
            new BigDecimal("80"),
            PLANNED,
            null,
            null);
    static final PostImplementationReviewRules.Kpis AFTER = new PostImplementationReviewRules.Kpis(
            new BigDecimal("120"), new BigDecimal("4.2"), new BigDecimal("75"), null);

    @Test
    void measuredFiguresAreComparedAndADecimalSatisfactionKeepsItsDecimals() {
        List<String> lines = lines(BASELINE.compare(
                AFTER,
                new ReviewMeasures.Measured(
                        new BigDecimal("2.5"), 1, 40, new BigDecimal("5.3"), 7, PLANNED.plusDays(2))));

        assertThat(lines)
                .containsExactly(
                        "operations.compare.errorRate [6.5, 2.5, -4, 1, 40]",
                        "operations.compare.satisfaction [2.8, 4.2, +1.4]",
                        "operations.compare.resolution [12, 5.3, 7]",
                        "operations.compare.hours [120, 400, 30.0]",
                        "operations.compare.activeUsers [75, 80, ✗]",
                        "operations.compare.goLiveLate [2026-09-30, 2026-10-02, 2]");
    }

    @Test
    void whatWasNotMeasuredIsSaidSoAndGoLiveOnOrBeforeThePlanIsOnTime() {
        List<String> lines = lines(BASELINE.compare(AFTER, new ReviewMeasures.Measured(null, 0, 0, null, 0, null)));

        assertThat(lines)
                .contains(
                        "operations.compare.errorRateNotMeasured [6.5]",
                        "operations.compare.resolutionNotMeasured [12]",
                        "operations.compare.goLiveNotRecorded [2026-09-30]");
        assertThat(BASELINE.onTime(null)).isNull();
        assertThat(BASELINE.onTime(PLANNED)).isTrue();
        assertThat(BASELINE.goLive(PLANNED).code()).isEqualTo("operations.compare.goLiveOnTime");
        assertThat(BASELINE.goLive(PLANNED.minusDays(3)).args()).containsExactly("2026-09-30", "2026-09-27", 3L);
    }

    @Test
    void everyFigureKeepsTwoDecimalsAndMoreAreRefusedWithTheReason() {
        var kept = KpiBaselineRules.check(
                new BigDecimal("400.25"),
                new BigDecimal("6.5"),
                new BigDecimal("2.8"),
                new BigDecimal("12"),
                new BigDecimal("80"),
                "2026-09-30",
                null,
                null);
        assertThat(kept.problems()).isEmpty();
        assertThat(kept.baseline().satisfaction()).isEqualTo(new BigDecimal("2.8"));

        var refused = KpiBaselineRules.check(
                new BigDecimal("400"),
                new BigDecimal("6.555"),
                new BigDecimal("2.8"),
                new BigDecimal("12"),
                new BigDecimal("80"),
                "2026-09-30",
                new BigDecimal("-1"),
                new BigDecimal("100"));
        assertThat(refused.problems())
                .extracting(p -> p.code() + " " + Arrays.toString(p.args()))
                .containsExactly(
                        "operations.baseline.decimals [errorRatePct, 2, 6.555]",
                        "operations.baseline.range [hourlyRate, 0, 1000000000, -1]");
    }

    private static List<String> lines(List<KpiBaseline.Line> lines) {
        return lines.stream()
                .map(l -> l.code() + " " + Arrays.toString(l.args()))
                .toList();
    }
}
