package io.rollout.planning;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The weighted vendor evaluation of a buy decision ({@code UserTask_EvaluateVendors} in
 * {@code planningPhase}): the criteria technical strength, service capability, cost and references each
 * get a whole-number weight, the weights sum to 100; at least two vendors, each named once, get a score
 * from 1 to 10 on every criterion. Vendors are ranked by weighted score (the sum of weight x score, shown
 * divided by 100, so 1.00 to 10.00). Equal weighted scores are told apart by the score on the most heavily
 * weighted criterion where they differ, and each such tie is explained; vendors equal on every criterion
 * share a rank. Plain rule: no engine, no Spring.
 */
final class VendorRanking {

    static final String TECHNICAL = "technical";
    static final String SERVICE = "service";
    static final String COST = "cost";
    static final String REFERENCES = "references";
    /** The criteria in the order the form shows them. */
    static final List<String> CRITERIA = List.of(TECHNICAL, SERVICE, COST, REFERENCES);

    static final int MIN_SCORE = 1;
    static final int MAX_SCORE = 10;
    static final int MIN_VENDORS = 2;

    record Criterion(String name, int weight) {}

    /** A vendor's score per criterion name. */
    record VendorScores(String name, Map<String, Integer> scores) {

        int points(List<Criterion> criteria) {
            return criteria.stream()
                    .mapToInt(c -> c.weight() * scores.get(c.name()))
                    .sum();
        }
    }

    record Evaluation(List<Criterion> criteria, List<VendorScores> vendors) {}

    /**
     * A vendor's place in the ranking.
     *
     * @param points the weighted score x 100
     * @param notes  why it stands where it stands among vendors of equal weighted score (empty if none)
     */
    record RankedVendor(String name, int rank, int points, List<Problem> notes) {

        /** The weighted score with two decimals, e.g. {@code 7.45}. */
        String weightedScore() {
            return String.format(Locale.ROOT, "%d.%02d", points / 100, points % 100);
        }
    }

    /** The checked evaluation and its ranking, or the problems that refuse it (then both are {@code null}). */
    record Result(Evaluation evaluation, List<RankedVendor> ranking, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private VendorRanking() {}

    /**
     * Checks a submitted evaluation and ranks it. Blank vendor rows are ignored.
     *
     * @param weights the entered weight per criterion of {@link #CRITERIA}, as submitted
     * @param vendorRows rows with {@code vendor} and one score per criterion, keyed by the criterion's name
     */
    static Result check(Map<String, Object> weights, List<FormRow> vendorRows) {
        List<Problem> problems = new ArrayList<>();
        List<Criterion> criteria = new ArrayList<>();
        for (String criterion : CRITERIA) {
            Integer weight = weight(weights.get(criterion));
            if (weight == null) {
                problems.add(new Problem(
                        "planning.vendor.weight",
                        new Label(label(criterion)),
                        weights.get(criterion) == null
                                ? ""
                                : weights.get(criterion).toString().trim()));
            } else {
                criteria.add(new Criterion(criterion, weight));
            }
        }
        int sum = criteria.stream().mapToInt(Criterion::weight).sum();
        if (criteria.size() == CRITERIA.size() && sum != 100) {
            problems.add(new Problem("planning.vendor.weightSum", sum));
        }
        List<VendorScores> vendors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        RowChecks check = new RowChecks("planning.list.vendors", problems);
        int rows = 0;
        for (FormRow row : vendorRows) {
            if (row.isBlank()) {
                continue;
            }
            rows++;
            int before = problems.size();
            String name = check.required(row, "vendor", "planning.field.vendor");
            if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
                check.duplicate(row, name);
            }
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (String criterion : CRITERIA) {
                scores.put(criterion, check.number(row, criterion, label(criterion), MIN_SCORE, MAX_SCORE));
            }
            if (problems.size() == before) {
                vendors.add(new VendorScores(name, scores));
            }
        }
        if (rows < MIN_VENDORS) {
            problems.add(new Problem("planning.vendors.tooFew", MIN_VENDORS, rows));
        }
        if (!problems.isEmpty()) {
            return new Result(null, null, List.copyOf(problems));
        }
        return new Result(
                new Evaluation(List.copyOf(criteria), List.copyOf(vendors)), rank(criteria, vendors), List.of());
    }

    /** The message code of a criterion's name. */
    static String label(String criterion) {
        return "planning.criterion." + criterion;
    }

    /** Ranks vendors by weighted score, ties told apart by the most heavily weighted criterion that differs. */
    static List<RankedVendor> rank(List<Criterion> criteria, List<VendorScores> vendors) {
        // most heavily weighted first; equal weights keep the form's order (stable sort)
        List<Criterion> byWeight = criteria.stream()
                .sorted(Comparator.comparingInt(Criterion::weight).reversed())
                .toList();
        Comparator<VendorScores> order =
                Comparator.comparingInt((VendorScores v) -> v.points(criteria)).reversed();
        for (Criterion c : byWeight) {
            order = order.thenComparing(
                    Comparator.comparingInt((VendorScores v) -> v.scores().get(c.name()))
                            .reversed());
        }
        List<VendorScores> sorted =
                vendors.stream().sorted(order.thenComparing(VendorScores::name)).toList();
        List<List<Problem>> notes = new ArrayList<>();
        sorted.forEach(v -> notes.add(new ArrayList<>()));
        int[] ranks = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            ranks[i] = i + 1;
            if (i == 0) {
                continue;
            }
            VendorScores ahead = sorted.get(i - 1);
            VendorScores behind = sorted.get(i);
            if (ahead.points(criteria) != behind.points(criteria)) {
                continue;
            }
            Criterion decisive = byWeight.stream()
                    .filter(c ->
                            !ahead.scores().get(c.name()).equals(behind.scores().get(c.name())))
                    .findFirst()
                    .orElse(null);
            String score = new RankedVendor(ahead.name(), 0, ahead.points(criteria), List.of()).weightedScore();
            if (decisive == null) {
                ranks[i] = ranks[i - 1];
                notes.get(i - 1).add(new Problem("planning.ranking.tied", behind.name(), score));
                notes.get(i).add(new Problem("planning.ranking.tied", ahead.name(), score));
            } else {
                Label criterion = new Label(label(decisive.name()));
                int a = ahead.scores().get(decisive.name());
                int b = behind.scores().get(decisive.name());
                notes.get(i - 1)
                        .add(new Problem(
                                "planning.ranking.aheadOn", behind.name(), score, criterion, decisive.weight(), a, b));
                notes.get(i)
                        .add(new Problem(
                                "planning.ranking.behindOn", ahead.name(), score, criterion, decisive.weight(), b, a));
            }
        }
        List<RankedVendor> ranking = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ranking.add(new RankedVendor(
                    sorted.get(i).name(), ranks[i], sorted.get(i).points(criteria), List.copyOf(notes.get(i))));
        }
        return List.copyOf(ranking);
    }

    private static Integer weight(Object value) {
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            int weight = new BigDecimal(text).intValueExact();
            return weight >= 1 && weight <= 100 ? weight : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
