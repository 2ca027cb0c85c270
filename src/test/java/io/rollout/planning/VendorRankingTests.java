package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rollout.planning.VendorRanking.Criterion;
import io.rollout.planning.VendorRanking.RankedVendor;
import io.rollout.planning.VendorRanking.Result;
import io.rollout.planning.VendorRanking.VendorScores;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorRankingTests {

    static final Map<String, Object> WEIGHTS = weights(40, 25, 20, 15);

    static Map<String, Object> weights(Object technical, Object service, Object cost, Object references) {
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("technical", technical);
        weights.put("service", service);
        weights.put("cost", cost);
        weights.put("references", references);
        return weights;
    }

    static FormRow vendor(int number, String name, Object technical, Object service, Object cost, Object references) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vendor", name);
        values.put("technical", technical);
        values.put("service", service);
        values.put("cost", cost);
        values.put("references", references);
        return new FormRow(number, values);
    }

    static List<String> codes(Result result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void ranksVendorsByWeightedScore() {
        Result result = VendorRanking.check(
                WEIGHTS,
                List.of(
                        vendor(1, "Kingdee", 8, 7, 6, 8),
                        vendor(2, "Yonyou", "7", "9", "7", "7"),
                        vendor(3, "SAP", 9, 6, 3, 9)));

        assertThat(result.valid()).isTrue();
        assertThat(result.ranking())
                .extracting(RankedVendor::name, RankedVendor::rank, RankedVendor::weightedScore)
                .containsExactly(tuple("Yonyou", 1, "7.50"), tuple("Kingdee", 2, "7.35"), tuple("SAP", 3, "7.05"));
        assertThat(result.ranking()).allSatisfy(r -> assertThat(r.notes()).isEmpty());
        assertThat(result.evaluation().criteria()).extracting(Criterion::weight).containsExactly(40, 25, 20, 15);
    }

    @Test
    void equalWeightedScoresAreToldApartByTheHeaviestCriterionThatDiffersAndExplained() {
        // both 7.00: A is better on technical (weight 40), B on service and cost
        List<RankedVendor> ranking = VendorRanking.rank(
                List.of(new Criterion("technical", 40), new Criterion("service", 30), new Criterion("cost", 30)),
                List.of(
                        new VendorScores("B", Map.of("technical", 4, "service", 9, "cost", 9)),
                        new VendorScores("A", Map.of("technical", 10, "service", 5, "cost", 5))));

        assertThat(ranking).extracting(RankedVendor::name).containsExactly("A", "B");
        assertThat(ranking).extracting(RankedVendor::rank).containsExactly(1, 2);
        assertThat(ranking.get(0).notes())
                .containsExactly(new Problem(
                        "planning.ranking.aheadOn", "B", "7.00", new Label("planning.criterion.technical"), 40, 10, 4));
        assertThat(ranking.get(1).notes())
                .containsExactly(new Problem(
                        "planning.ranking.behindOn",
                        "A",
                        "7.00",
                        new Label("planning.criterion.technical"),
                        40,
                        4,
                        10));
    }

    @Test
    void vendorsEqualOnEveryCriterionShareTheirRank() {
        List<RankedVendor> ranking = VendorRanking.rank(
                List.of(new Criterion("technical", 60), new Criterion("cost", 40)),
                List.of(
                        new VendorScores("Zeta", Map.of("technical", 8, "cost", 8)),
                        new VendorScores("Alpha", Map.of("technical", 8, "cost", 8)),
                        new VendorScores("Mid", Map.of("technical", 5, "cost", 5))));

        assertThat(ranking).extracting(RankedVendor::name).containsExactly("Alpha", "Zeta", "Mid");
        assertThat(ranking).extracting(RankedVendor::rank).containsExactly(1, 1, 3);
        assertThat(ranking.get(0).notes()).containsExactly(new Problem("planning.ranking.tied", "Zeta", "8.00"));
        assertThat(ranking.get(2).notes()).isEmpty();
    }

    @Test
    void refusesWeightsThatDoNotAddUpTo100() {
        Result result = VendorRanking.check(
                weights(40, 25, 20, 5), List.of(vendor(1, "A", 5, 5, 5, 5), vendor(2, "B", 6, 6, 6, 6)));
        assertThat(codes(result)).containsExactly("planning.vendor.weightSum");
        assertThat(result.problems().get(0).args()).containsExactly(90);
        assertThat(result.ranking()).isNull();
    }

    @Test
    void refusesMissingOrInvalidWeights() {
        Result result = VendorRanking.check(
                weights(null, "a lot", 0, "100"), List.of(vendor(1, "A", 5, 5, 5, 5), vendor(2, "B", 6, 6, 6, 6)));
        assertThat(codes(result))
                .containsExactly("planning.vendor.weight", "planning.vendor.weight", "planning.vendor.weight");
        assertThat(result.problems().get(1).args()).containsExactly(new Label("planning.criterion.service"), "a lot");
    }

    @Test
    void refusesScoresOutsideOneToTenAndDuplicateVendorsIgnoringBlankRows() {
        Result result = VendorRanking.check(
                WEIGHTS,
                List.of(
                        vendor(1, "Kingdee", 0, 7, 11, "x"),
                        vendor(2, "kingdee", 5, 5, 5, 5),
                        vendor(3, null, null, null, null, null)));

        assertThat(codes(result))
                .containsExactly(
                        "planning.row.number", "planning.row.number", "planning.row.number", "planning.row.duplicate");
        assertThat(result.problems().get(0).args())
                .containsExactly(
                        new Label("planning.list.vendors"), 1, new Label("planning.criterion.technical"), 1, 10, "0");
        assertThat(result.problems().get(3).args()).containsExactly(new Label("planning.list.vendors"), 2, "kingdee");
    }

    @Test
    void oneVendorIsNoComparison() {
        Result result = VendorRanking.check(WEIGHTS, List.of(vendor(1, "A", 5, 5, 5, 5)));
        assertThat(result.problems()).containsExactly(new Problem("planning.vendors.tooFew", 2, 1));
    }
}
