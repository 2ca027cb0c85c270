package io.rollout.golive;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the matching rows of the go-live readiness table into one recommendation: the most severe verdict
 * ({@code no-go} before {@code conditional-go} before {@code go}), with the rows behind it as its reasons.
 * Rows with a milder verdict than the recommendation are kept as reasons too (a no-go caused by data may
 * also carry an open high risk), except {@code go} rows, which only speak when nothing else matched. A table
 * that matches nothing or returns another verdict is a modelling error: it stops the assessment.
 * Plain Java: no Spring, no engine.
 */
final class ReadinessVerdict {

    static final String GO = "go";
    static final String CONDITIONAL_GO = "conditional-go";
    static final String NO_GO = "no-go";
    static final List<String> VERDICTS = List.of(GO, CONDITIONAL_GO, NO_GO);

    /** One matching row: its verdict, the criterion it is about and its reason. */
    record Row(String verdict, String criterion, String reason) {}

    /** The recommendation, its reasons (most severe first) and the criteria that are not met. */
    record Recommendation(String verdict, List<Row> reasons, Set<String> unmetCriteria) {}

    static Recommendation combine(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalStateException(
                    "goLiveReadiness matched no rule: keep a row for the ready case in bpmn/go-live-readiness.dmn");
        }
        for (Row row : rows) {
            if (!VERDICTS.contains(row.verdict())) {
                throw new IllegalStateException(
                        "goLiveReadiness returned verdict " + row.verdict() + ", expected one of " + VERDICTS);
            }
        }
        String verdict = rows.stream()
                .map(Row::verdict)
                .max(Comparator.comparingInt(VERDICTS::indexOf))
                .orElseThrow();
        List<Row> reasons = rows.stream()
                .filter(r -> GO.equals(verdict) || !GO.equals(r.verdict()))
                .sorted(Comparator.comparingInt((Row r) -> VERDICTS.indexOf(r.verdict()))
                        .reversed())
                .toList();
        Set<String> unmet = new LinkedHashSet<>();
        reasons.stream().filter(r -> !GO.equals(r.verdict())).forEach(r -> unmet.add(r.criterion()));
        return new Recommendation(verdict, reasons, unmet);
    }

    private ReadinessVerdict() {}
}
