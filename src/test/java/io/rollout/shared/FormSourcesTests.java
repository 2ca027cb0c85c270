package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms that share a part ({@code forms/parts/*.json}, see {@link FormParts}) are committed as their parts make
 * them, so the deployed form is complete and a shared label or rule is changed in one place. After changing a part,
 * or when this fails, write the forms again with {@value FormParts#REGENERATE} and commit them.
 */
class FormSourcesTests {

    @Test
    void everyFormThatSharesAPartIsCommittedAsItsPartsMakeIt() throws IOException {
        List<FormParts.Part> parts = FormParts.parts();
        assertThat(parts).isNotEmpty();
        if (Boolean.getBoolean("forms.write")) {
            Map<String, ObjectNode> made = FormParts.made(parts, FormParts::committed);
            for (String form : FormParts.differing(parts, FormParts::committed)) {
                Files.writeString(FormParts.FORMS.resolve(form), FormParts.print(made.get(form)));
            }
        }
        assertThat(FormParts.differing(parts, FormParts::committed))
                .as("forms that differ from their parts in forms/parts: write them with %s", FormParts.REGENERATE)
                .isEmpty();
    }

    @Test
    void theRequirementGridIsDefinedOnceForEveryFormThatEditsRequirements() {
        FormParts.Part grid = FormParts.parts().stream()
                .filter(p -> p.name().equals("requirement-grid.json"))
                .findFirst()
                .orElseThrow();
        assertThat(grid.uses())
                .extracting(FormParts.Use::form)
                .containsExactlyInAnyOrder(
                        "capture-requirements.form",
                        "clarify-requirements.form",
                        "match-solutions.form",
                        "update-specification.form");
    }
}
