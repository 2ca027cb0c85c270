package io.rollout.project;

import io.rollout.identity.CurrentUser;
import io.rollout.shared.Messages;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The check every project endpoint of {@code /api/projects/{code}/...} makes before it reads or changes
 * anything: the caller is in one of the roles that may use it (403 otherwise) and the project exists
 * (404 otherwise, with {@code project.notFound}). One place, so that an endpoint cannot forget half of it.
 */
@Component
public class ProjectAccess {

    private final CurrentUser user;
    private final ProjectRepository projects;
    private final Messages messages;

    ProjectAccess(CurrentUser user, ProjectRepository projects, Messages messages) {
        this.user = user;
        this.projects = projects;
        this.messages = messages;
    }

    /** 403 unless the caller is in one of {@code roles}, then 404 unless project {@code code} exists. */
    public void require(String code, Collection<String> roles) {
        user.requireAnyOf(roles);
        requireExists(code);
    }

    /** 404 unless project {@code code} exists; for endpoints whose roles are checked per action. */
    public void requireExists(String code) {
        if (!projects.exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
    }

    /**
     * As {@link #require(String, Collection)}, but the 404 says {@code notFound} (a message code, argument: the
     * project code): for endpoints whose clients already read their own wording of it (UAT traceability).
     */
    public void require(String code, Collection<String> roles, String notFound) {
        user.requireAnyOf(roles);
        if (!projects.exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get(notFound, code));
        }
    }
}
