package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.build.UpgradeRisk.CountedCustomisation;
import io.rollout.build.UpgradeRisk.ModuleRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeRiskTests {

    static final List<ModuleRequirement> REQUIREMENTS = List.of(
            new ModuleRequirement("R1", "standard"),
            new ModuleRequirement("R2", "configuration"),
            new ModuleRequirement("R3", "customisation"),
            new ModuleRequirement("R4", null),
            new ModuleRequirement("R5", "not-covered"));

    @Test
    void noCustomisationIsNoRisk() {
        assertThat(UpgradeRisk.of(REQUIREMENTS, List.of())).isEqualTo(new UpgradeRisk(4, 0, 0, 0));
    }

    @Test
    void shareOfRequirementsMetByApprovedOrDevelopedCustomisations() {
        UpgradeRisk risk = UpgradeRisk.of(
                REQUIREMENTS,
                List.of(
                        new CountedCustomisation("R3", "developed", 5),
                        new CountedCustomisation("R3", "approved", 2),
                        new CountedCustomisation("R2", "proposed", 8),
                        new CountedCustomisation("R1", "rejected", 3)));

        assertThat(risk).isEqualTo(new UpgradeRisk(4, 1, 25, 7));
    }

    @Test
    void aCustomisedRequirementCountsEvenWhenPlannedAsNotCoveredOrOfAnotherDepartment() {
        UpgradeRisk risk = UpgradeRisk.of(
                REQUIREMENTS,
                List.of(
                        new CountedCustomisation("R5", "approved", 4),
                        new CountedCustomisation("FIN-1", "developed", 1)));

        assertThat(risk).isEqualTo(new UpgradeRisk(6, 2, 33, 5));
    }

    @Test
    void aModuleWithoutRequirementsHasNoShare() {
        assertThat(UpgradeRisk.of(List.of(), List.of())).isEqualTo(new UpgradeRisk(0, 0, 0, 0));
    }
}
