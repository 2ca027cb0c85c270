package io.rollout.shared;

import io.rollout.identity.CurrentUser;
import io.rollout.project.ProjectRepository;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The common part of the CSV import endpoints of {@code /api/projects/{code}/...}: the caller must be in
 * one of the importing roles (403), the project must exist (404); the importer stores all rows or none
 * and refuses a bad file with every reason (400, see {@link ApiErrors}).
 */
@Component
public class CsvUpload {

    private final CurrentUser user;
    private final ProjectRepository projects;
    private final Messages messages;

    CsvUpload(CurrentUser user, ProjectRepository projects, Messages messages) {
        this.user = user;
        this.projects = projects;
        this.messages = messages;
    }

    /** Runs {@code importer(stream, userId)} for the project and answers {@code {"imported": n}}. */
    public Map<String, Integer> handle(String projectCode, byte[] csv, Collection<String> importers,
                                       ToIntBiFunction<InputStream, String> importer) {
        user.requireAnyOf(importers);
        if (!projects.exists(projectCode)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", projectCode));
        }
        return Map.of("imported", importer.applyAsInt(new ByteArrayInputStream(csv), user.id()));
    }
}
