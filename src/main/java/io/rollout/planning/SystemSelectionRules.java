package io.rollout.planning;

import io.rollout.planning.VendorRanking.RankedVendor;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the consultant must say when choosing how the system is obtained ({@code UserTask_SelectSystem}: build,
 * customise or buy, always with a reason) and what the steering committee or PMO must say when choosing the
 * vendor after the evaluation ({@code UserTask_ChooseVendor}: one of the evaluated vendors, with a reason
 * when it is not a top-ranked one). Plain rule: no engine, no Spring.
 */
final class SystemSelectionRules {

    static final String BUILD = "build";
    static final String CUSTOMISE = "customise";
    static final String BUY = "buy";
    static final List<String> APPROACHES = List.of(BUILD, CUSTOMISE, BUY);

    /** The chosen vendor and whether it was ranked first; the reason may be {@code null} for a top-ranked one. */
    record VendorChoice(String vendor, boolean topRanked, String reason) {}

    private SystemSelectionRules() {}

    /** The problems of a selection; none means it may be stored. */
    static List<Problem> checkSelection(String approach, String reason) {
        List<Problem> problems = new ArrayList<>();
        if (approach == null) {
            problems.add(new Problem("form.field.required", new Label("planning.field.selectionApproach")));
        } else if (!APPROACHES.contains(approach)) {
            problems.add(new Problem(
                    "form.field.choice",
                    new Label("planning.field.selectionApproach"),
                    String.join(", ", APPROACHES),
                    approach));
        }
        if (reason == null) {
            problems.add(new Problem("form.field.required", new Label("planning.field.selectionReason")));
        }
        return List.copyOf(problems);
    }

    /**
     * Checks a vendor choice against the ranking.
     *
     * @return the choice, or empty after adding the problems
     */
    static Optional<VendorChoice> checkChoice(
            String vendor, String reason, List<RankedVendor> ranking, List<Problem> problems) {
        if (vendor == null) {
            problems.add(new Problem("form.field.required", new Label("planning.field.chosenVendor")));
            return Optional.empty();
        }
        Optional<RankedVendor> chosen =
                ranking.stream().filter(r -> r.name().equals(vendor)).findFirst();
        if (chosen.isEmpty()) {
            problems.add(new Problem(
                    "planning.vendorChoice.notEvaluated",
                    vendor,
                    String.join(", ", ranking.stream().map(RankedVendor::name).toList())));
            return Optional.empty();
        }
        boolean top = chosen.get().rank() == 1;
        if (!top && reason == null) {
            String first = ranking.stream()
                    .filter(r -> r.rank() == 1)
                    .map(RankedVendor::name)
                    .findFirst()
                    .orElse("-");
            problems.add(new Problem(
                    "planning.vendorChoice.reasonRequired", vendor, chosen.get().rank(), first));
            return Optional.empty();
        }
        return Optional.of(new VendorChoice(vendor, top, reason));
    }
}
