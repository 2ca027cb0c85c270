package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollout.golive.ReadinessVerdict.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessVerdictTests {

    static final Row READY = new Row("go", "all", "Every readiness criterion is met.");
    static final Row RISKS = new Row("conditional-go", "risks", "High risks are open");
    static final Row DATA = new Row("no-go", "datasets", "Datasets are not signed off");

    @Test
    void onlyTheReadyRowIsAGo() {
        var recommendation = ReadinessVerdict.combine(List.of(READY));

        assertThat(recommendation.verdict()).isEqualTo("go");
        assertThat(recommendation.reasons()).containsExactly(READY);
        assertThat(recommendation.unmetCriteria()).isEmpty();
    }

    @Test
    void theMostSevereVerdictWinsAndEveryOtherReasonStays() {
        var recommendation = ReadinessVerdict.combine(List.of(RISKS, DATA));

        assertThat(recommendation.verdict()).isEqualTo("no-go");
        assertThat(recommendation.reasons()).containsExactly(DATA, RISKS);
        assertThat(recommendation.unmetCriteria()).containsExactlyInAnyOrder("datasets", "risks");
    }

    @Test
    void aGoRowDoesNotSpeakNextToAConditionalGo() {
        var recommendation = ReadinessVerdict.combine(List.of(RISKS, READY));

        assertThat(recommendation.verdict()).isEqualTo("conditional-go");
        assertThat(recommendation.reasons()).containsExactly(RISKS);
    }

    @Test
    void aTableThatMatchesNothingOrAnswersSomethingElseStopsTheAssessment() {
        assertThatThrownBy(() -> ReadinessVerdict.combine(List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("matched no rule");
        assertThatThrownBy(() -> ReadinessVerdict.combine(List.of(new Row("maybe", "uat", "?"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("verdict maybe");
    }
}
