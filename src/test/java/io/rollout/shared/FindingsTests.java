package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTests {

    @Test
    void writesOneMarkdownItemPerFinding() {
        assertThat(Findings.asText(List.of("3 of 10 cases failed", "REQ-1 not covered")))
                .isEqualTo("- 3 of 10 cases failed\n- REQ-1 not covered");
        assertThat(Findings.asText(List.of())).isEmpty();
    }

    @Test
    void cutsLongFindingsToFitTheVariableColumn() {
        String text = Findings.asText(Collections.nCopies(500, "REQ-FIN-001 not covered"));
        assertThat(text).hasSize(Findings.MAX_LENGTH).endsWith("...");
    }

    @Test
    void writesPlainLinesCutToTheSameLength() {
        assertThat(Findings.asLines(List.of("REQ-1 has no criterion", "REQ-2 not matched")))
                .isEqualTo("REQ-1 has no criterion\nREQ-2 not matched");
        assertThat(Findings.asLines(Collections.nCopies(500, "REQ-FIN-001 not covered")))
                .hasSize(Findings.MAX_LENGTH)
                .endsWith("...");
    }
}
