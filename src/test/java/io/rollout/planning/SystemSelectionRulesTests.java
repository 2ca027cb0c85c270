package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.planning.SystemSelectionRules.VendorChoice;
import io.rollout.planning.VendorRanking.RankedVendor;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemSelectionRulesTests {

    static final List<RankedVendor> RANKING =
            List.of(new RankedVendor("Yonyou", 1, 750, List.of()), new RankedVendor("Kingdee", 2, 735, List.of()));

    @Test
    void acceptsEachApproachWithAReason() {
        for (String approach : SystemSelectionRules.APPROACHES) {
            assertThat(SystemSelectionRules.checkSelection(approach, "because")).isEmpty();
        }
    }

    @Test
    void refusesAMissingOrUnknownApproachAndAMissingReason() {
        assertThat(SystemSelectionRules.checkSelection(null, null))
                .extracting(Problem::code)
                .containsExactly("form.field.required", "form.field.required");
        assertThat(SystemSelectionRules.checkSelection("lease", "cheaper"))
                .extracting(Problem::code)
                .containsExactly("form.field.choice");
    }

    @Test
    void theTopRankedVendorNeedsNoReason() {
        List<Problem> problems = new ArrayList<>();
        assertThat(SystemSelectionRules.checkChoice("Yonyou", null, RANKING, problems))
                .contains(new VendorChoice("Yonyou", true, null));
        assertThat(problems).isEmpty();
    }

    @Test
    void anotherVendorNeedsAReason() {
        List<Problem> problems = new ArrayList<>();
        assertThat(SystemSelectionRules.checkChoice("Kingdee", null, RANKING, problems))
                .isEmpty();
        assertThat(problems)
                .containsExactly(new Problem("planning.vendorChoice.reasonRequired", "Kingdee", 2, "Yonyou"));

        problems.clear();
        assertThat(SystemSelectionRules.checkChoice("Kingdee", "Local service team", RANKING, problems))
                .contains(new VendorChoice("Kingdee", false, "Local service team"));
        assertThat(problems).isEmpty();
    }

    @Test
    void aVendorTiedForFirstCountsAsTopRanked() {
        List<RankedVendor> tied =
                List.of(new RankedVendor("A", 1, 800, List.of()), new RankedVendor("B", 1, 800, List.of()));
        assertThat(SystemSelectionRules.checkChoice("B", null, tied, new ArrayList<>())
                        .map(VendorChoice::topRanked))
                .contains(true);
    }

    @Test
    void refusesAMissingOrUnevaluatedVendor() {
        List<Problem> problems = new ArrayList<>();
        assertThat(SystemSelectionRules.checkChoice(null, null, RANKING, problems))
                .isEqualTo(Optional.empty());
        assertThat(SystemSelectionRules.checkChoice("SAP", "group standard", RANKING, problems))
                .isEmpty();
        assertThat(problems)
                .extracting(Problem::code)
                .containsExactly("form.field.required", "planning.vendorChoice.notEvaluated");
        assertThat(problems.get(1).args()).containsExactly("SAP", "Yonyou, Kingdee");
    }
}
