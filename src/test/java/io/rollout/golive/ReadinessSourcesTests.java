package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadinessSourcesTests {

    @Test
    void acceptanceDecisionsOfBuildCountForTheirModule() {
        assertThat(ReadinessSources.item("module inventory iteration 2")).isEqualTo("inventory");
        assertThat(ReadinessSources.item("module inventory iteration 12")).isEqualTo("inventory");
    }

    @Test
    void otherSubjectsAreTakenAsTheyAre() {
        assertThat(ReadinessSources.item("finance")).isEqualTo("finance");
        assertThat(ReadinessSources.item("module finance")).isEqualTo("module finance");
    }
}
