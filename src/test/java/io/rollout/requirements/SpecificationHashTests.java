package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecificationHashTests {

    static Requirement req(String id, String title, String goal, String by) {
        return new Requirement(
                "P", id, "finance", title, null, goal, null, "must", "c", "standard", null, by, Instant.now());
    }

    @Test
    void isSha256HexAndIndependentOfRowOrderAndEditor() {
        String a = SpecificationHash.of(List.of(req("REQ-1", "A", null, "x"), req("REQ-2", "B", null, "x")));
        String b = SpecificationHash.of(List.of(req("REQ-2", "B", null, "y"), req("REQ-1", "A", null, "z")));
        assertThat(a).hasSize(64).matches("[0-9a-f]+").isEqualTo(b);
    }

    @Test
    void changesWhenAnyContentFieldChanges() {
        String a = SpecificationHash.of(List.of(req("REQ-1", "A", null, "x")));
        assertThat(SpecificationHash.of(List.of(req("REQ-1", "A", "goal", "x"))))
                .isNotEqualTo(a);
        assertThat(SpecificationHash.of(List.of(req("REQ-1", "A ", null, "x")))).isNotEqualTo(a);
        assertThat(SpecificationHash.of(List.of())).isNotEqualTo(a);
    }

    @Test
    void tellsNullFromEmptyAndFieldBoundaries() {
        assertThat(SpecificationHash.of(List.of(req("REQ-1", "A", "", "x"))))
                .isNotEqualTo(SpecificationHash.of(List.of(req("REQ-1", "A", null, "x"))));
        assertThat(SpecificationHash.of(List.of(req("REQ-1", "AB", null, "x"))))
                .isNotEqualTo(SpecificationHash.of(List.of(req("REQ-1A", "B", null, "x"))));
    }

    @Test
    void changesWithTheSolutionNoteButNotForRequirementsWithoutOne() {
        Requirement plain = req("REQ-1", "A", null, "x");
        Requirement noted = new Requirement(
                "P",
                "REQ-1",
                "finance",
                "A",
                null,
                null,
                null,
                "must",
                "c",
                "standard",
                null,
                "x",
                Instant.now(),
                "Approval flow of the purchase module");
        assertThat(SpecificationHash.of(List.of(noted))).isNotEqualTo(SpecificationHash.of(List.of(plain)));
        // versions frozen before notes existed keep their stored hash (computed without a note field)
        assertThat(SpecificationHash.of(List.of(plain)))
                .isEqualTo("55eb5a04ea0bf0a054a1f51b625fc796f96aa91136b00c8cd07c43d304514866");
    }
}
