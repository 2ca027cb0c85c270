package io.rollout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The module model of Rollout: each direct sub-package of {@code io.rollout} is a module whose
 * {@code package-info.java} lists the modules it may use ({@code allowedDependencies}, go-live only the
 * {@code readiness} interfaces of the phases it assesses). The build fails on a cycle or an undeclared dependency.
 * No Spring context: the model is read from the compiled classes.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RolloutApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyTheirAllowedDependencies() {
        MODULES.verify();
    }

    // fixtures.modularity (test sources): golive may use planning's readiness interface only, and uses more
    @Test
    void aModuleUsingATypeOutsideItsAllowedInterfaceFailsTheCheck() {
        ApplicationModules fixture = ApplicationModules.of("fixtures.modularity", location -> true);

        assertThatThrownBy(fixture::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("golive")
                .hasMessageContaining("fixtures.modularity.planning.PlanRepository")
                .message()
                .doesNotContain("RiskRegister");
    }

    /** Writes the module diagrams (PlantUML) to {@code target/spring-modulith-docs}, linked from the contributor guide. */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
