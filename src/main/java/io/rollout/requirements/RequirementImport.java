package io.rollout.requirements;

import io.rollout.project.ProjectScope;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a customer's requirement list (CSV or Excel .xlsx, see {@link RequirementSheet} for encodings and
 * headers) into a project's specification. Rows of departments outside the project's scope are skipped and
 * counted; if any row is bad, every bad row is reported with its row number and reason and nothing is stored.
 * Existing requirements with the same id are replaced and, like new ones, stored as {@code draft}: they go
 * through clarification, matching and verification again. Once a version is baselined the import is refused:
 * changes go through a change request. Used by {@code POST /api/projects/{code}/requirements/import}, by the
 * demo data, and (reading only) by the Excel upload of the requirement tasks.
 */
@Service
public class RequirementImport {

    private final RequirementRepository requirements;
    private final ProjectScope scope;
    private final Messages messages;
    private final List<String> knownDepartments;
    private final OpenRequirementForms openForms;
    private final Specification specification;

    RequirementImport(
            RequirementRepository requirements,
            ProjectScope scope,
            Messages messages,
            @Value("${rollout.departments}") List<String> knownDepartments,
            OpenRequirementForms openForms,
            Specification specification) {
        this.specification = specification;
        this.requirements = requirements;
        this.scope = scope;
        this.messages = messages;
        this.knownDepartments = knownDepartments;
        this.openForms = openForms;
    }

    /**
     * Reads the whole stream (CSV or .xlsx, told by the content) and stores its requirements for the project, or
     * nothing when a row is bad.
     *
     * @throws IllegalStateException when the project does not exist
     */
    @Transactional
    public Result importCsv(String projectCode, InputStream csv, String uploadedBy) {
        byte[] bytes;
        try {
            bytes = csv.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RequirementSheet.Parsed parsed =
                read(projectCode, bytes, scope.project(projectCode).departments());
        if (!parsed.problems().isEmpty()) {
            return new Result(
                    0,
                    parsed.skipped(),
                    parsed.problems().stream()
                            .map(p -> messages.get(p.code(), p.args()))
                            .toList());
        }
        parsed.rows().forEach(r -> requirements.upsert(projectCode, r, uploadedBy));
        openForms.refresh(projectCode);
        return new Result(parsed.rows().size(), parsed.skipped(), List.of());
    }

    /**
     * Reads a requirement file for a project with every check of the import, storing nothing: refused as a whole once
     * the specification is baselined; rows of known departments outside {@code departments} are skipped. Also reads
     * the file uploaded in a requirement task ({@link RequirementTaskSheet}).
     *
     * @param departments the departments whose rows are read: the project's, or the one of a department's task
     */
    RequirementSheet.Parsed read(String projectCode, byte[] bytes, Collection<String> departments) {
        Optional<Integer> baselined = specification.baselinedVersion(projectCode);
        if (baselined.isPresent()) {
            return RequirementSheet.Parsed.refused(
                    List.of(Problem.of("requirements.baselined", baselined.get(), projectCode)));
        }
        return RequirementSheet.read(bytes, departments, knownDepartments);
    }

    /**
     * What an import did.
     *
     * @param imported requirements stored (new or replaced); 0 when there are errors
     * @param skipped  rows of departments outside the project's scope
     * @param errors   one message per bad row or missing column, in the caller's language
     */
    public record Result(int imported, int skipped, List<String> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
