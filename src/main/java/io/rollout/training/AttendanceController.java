package io.rollout.training;

import io.rollout.identity.Roles;
import io.rollout.project.CsvUpload;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/projects/{code}/training/attendance/import}: trainers and the PMO upload the attendance
 * sheet as CSV (multipart {@code file} or a {@code text/csv} body); it fills the roster and the attendance
 * that {@code trainingCompletionCheck} decides on. 200 {@code {imported}}, 400 {@code {errors}}, 403, 404.
 */
@RestController
class AttendanceController {

    static final List<String> IMPORTERS = List.of(Roles.TRAINER, Roles.PMO);

    private final CsvUpload upload;
    private final AttendanceImport importer;

    AttendanceController(CsvUpload upload, AttendanceImport importer) {
        this.upload = upload;
        this.importer = importer;
    }

    @PostMapping(
            path = "/api/projects/{code}/training/attendance/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Integer> importFile(@PathVariable String code, @RequestParam("file") MultipartFile file) {
        return upload.handle(code, file, IMPORTERS, (in, user) -> importer.importCsv(code, in, user));
    }

    @PostMapping(
            path = "/api/projects/{code}/training/attendance/import",
            consumes = {
                "text/csv",
                "text/tab-separated-values",
                MediaType.TEXT_PLAIN_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-excel"
            })
    Map<String, Integer> importBody(@PathVariable String code, InputStream csv) {
        return upload.handle(code, csv, IMPORTERS, (in, user) -> importer.importCsv(code, in, user));
    }
}
