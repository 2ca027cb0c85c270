package io.rollout.audit;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.shared.Messages;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tamper evidence of the decision log, read-only: {@code GET /api/projects/{code}/audit/verification} checks one
 * project's chain, {@code GET /api/audit/verification} every project's. For auditors, the PMO and the steering
 * committee; 403 for other roles, 401 without credentials, 404 for an unknown project.
 */
@RestController
class AuditController {

    static final List<String> READERS = List.of(Roles.AUDITOR, Roles.PMO, Roles.STEERING_COMMITTEE);

    private final ChainVerification verification;
    private final CurrentUser user;
    private final AuditRepository stored;
    private final Messages messages;

    AuditController(ChainVerification verification, CurrentUser user, AuditRepository stored, Messages messages) {
        this.verification = verification;
        this.user = user;
        this.stored = stored;
        this.messages = messages;
    }

    @GetMapping("/api/projects/{code}/audit/verification")
    ChainVerification.Result project(@PathVariable String code) {
        user.requireAnyOf(READERS);
        if (!stored.projectExists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("audit.project.notFound", code));
        }
        return verification.verify(code);
    }

    @GetMapping("/api/audit/verification")
    List<ChainVerification.Result> all() {
        user.requireAnyOf(READERS);
        return stored.projectCodes().stream().map(verification::verify).toList();
    }
}
