package io.rollout.requirements;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.requirements.RequirementRepository.FrozenVersion;
import io.rollout.shared.Messages;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A project's specification versions over HTTP, readable by every project role including auditors:
 * {@code GET /api/projects/{code}/specification/versions} (version, hash, frozen by/at, baselined by/at, reason,
 * approvals per department) and {@code GET .../specification/{version}.xlsx} or {@code .../latest.xlsx} (the
 * signed document, see {@link SpecificationExport}); 404 for an unknown project or version.
 */
@RestController
@RequestMapping("/api/projects/{code}/specification")
class SpecificationController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Specification specification;
    private final RequirementRepository requirements;
    private final SpecificationExport export;
    private final ProjectAccess access;
    private final Messages messages;

    SpecificationController(
            Specification specification,
            RequirementRepository requirements,
            SpecificationExport export,
            ProjectAccess access,
            Messages messages) {
        this.specification = specification;
        this.requirements = requirements;
        this.export = export;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/versions")
    List<Specification.VersionHistory> versions(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return specification.history(code);
    }

    @GetMapping("/{version:\\d+}.xlsx")
    ResponseEntity<byte[]> version(@PathVariable String code, @PathVariable int version) {
        access.require(code, Roles.ALL);
        return xlsx(code, requirements.version(code, version), String.valueOf(version));
    }

    @GetMapping("/latest.xlsx")
    ResponseEntity<byte[]> latest(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return xlsx(code, requirements.latestVersion(code), "latest");
    }

    private ResponseEntity<byte[]> xlsx(String code, Optional<FrozenVersion> version, String asked) {
        FrozenVersion v = version.orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, messages.get("requirements.export.versionNotFound", asked, code)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(code + "-specification-v" + v.version() + ".xlsx")
                .build());
        return new ResponseEntity<>(export.workbook(code, v), headers, HttpStatus.OK);
    }
}
