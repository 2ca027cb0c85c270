package io.rollout.uat;

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
 * {@code POST /api/projects/{code}/test-cases/import}: key users, consultants and the PMO upload test
 * cases as CSV (multipart {@code file} or a {@code text/csv} body), the form {@code prepareTestCases} shows
 * them when the UAT phase starts. 200 {@code {imported}}, 400 {@code {errors}}, 403, 404.
 */
@RestController
class TestCaseController {

    static final List<String> IMPORTERS = List.of(Roles.KEY_USER, Roles.CONSULTANT, Roles.PMO);

    private final CsvUpload upload;
    private final TestCaseImport importer;

    TestCaseController(CsvUpload upload, TestCaseImport importer) {
        this.upload = upload;
        this.importer = importer;
    }

    @PostMapping(path = "/api/projects/{code}/test-cases/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Integer> importFile(@PathVariable String code, @RequestParam("file") MultipartFile file) {
        return upload.handle(code, file, IMPORTERS, (in, user) -> importer.importCsv(code, in, user));
    }

    @PostMapping(
            path = "/api/projects/{code}/test-cases/import",
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
