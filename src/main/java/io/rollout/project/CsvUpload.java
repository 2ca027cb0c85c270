package io.rollout.project;

import io.rollout.identity.CurrentUser;
import io.rollout.shared.ApiErrors;
import io.rollout.shared.UploadLimit;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The common part of the CSV import endpoints of {@code /api/projects/{code}/...}: the caller must be in
 * one of the importing roles (403), the project must exist (404) ({@link ProjectAccess}), the file must not be larger than
 * {@link UploadLimit} (413, checked before it is read); the importer stores all rows or none and refuses a bad file
 * with its reasons (400, see {@link ApiErrors}).
 */
@Component
public class CsvUpload {

    private final CurrentUser user;
    private final ProjectAccess access;
    private final UploadLimit limit;

    CsvUpload(CurrentUser user, ProjectAccess access, UploadLimit limit) {
        this.user = user;
        this.access = access;
        this.limit = limit;
    }

    /** Runs {@code importer(stream, userId)} over an uploaded part and answers {@code {"imported": n}}. */
    public Map<String, Integer> handle(
            String projectCode,
            MultipartFile file,
            Collection<String> importers,
            ToIntBiFunction<InputStream, String> importer) {
        access.require(projectCode, importers);
        return run(limit.read(file), importer);
    }

    /** Runs {@code importer(stream, userId)} over a request body and answers {@code {"imported": n}}. */
    public Map<String, Integer> handle(
            String projectCode,
            InputStream body,
            Collection<String> importers,
            ToIntBiFunction<InputStream, String> importer) {
        access.require(projectCode, importers);
        return run(limit.read(body), importer);
    }

    private Map<String, Integer> run(byte[] file, ToIntBiFunction<InputStream, String> importer) {
        return Map.of("imported", importer.applyAsInt(new ByteArrayInputStream(file), user.id()));
    }
}
