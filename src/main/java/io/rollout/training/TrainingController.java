package io.rollout.training;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.shared.CsvCells;
import io.rollout.shared.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only training API. {@code GET /api/projects/{code}/training/curricula}: the curricula with their
 * sessions. {@code GET /api/projects/{code}/training/accounts} (and {@code .csv}, {@code .xlsx}): the roster
 * for production account creation — only trained-and-passed people are eligible ("no production account
 * without training"), everyone else is listed with why; the CSV holds the eligible only unless {@code all=true}.
 * 403 for roles without access, 401 without credentials, 404 for an unknown project.
 */
@RestController
class TrainingController {

    static final List<String> CURRICULA_READERS = List.of(
            Roles.PMO,
            Roles.TRAINER,
            Roles.KEY_USER,
            Roles.CONSULTANT,
            Roles.BUSINESS_OWNER,
            Roles.STEERING_COMMITTEE,
            Roles.AUDITOR,
            Roles.IT_OPERATIONS);
    static final List<String> ACCOUNT_READERS = List.of(Roles.IT_OPERATIONS, Roles.PMO, Roles.TRAINER, Roles.AUDITOR);
    static final List<String> COLUMNS = List.of(
            "employeeId",
            "name",
            "department",
            "role",
            "userId",
            "curriculum",
            "score",
            "passMark",
            "status",
            "reason");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TrainingCoverage coverage;
    private final CurriculumRepository curricula;
    private final ProjectAccess access;
    private final Messages messages;

    TrainingController(
            TrainingCoverage coverage, CurriculumRepository curricula, ProjectAccess access, Messages messages) {
        this.coverage = coverage;
        this.curricula = curricula;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/api/projects/{code}/training/curricula")
    List<Map<String, Object>> curricula(@PathVariable String code) {
        access.require(code, CURRICULA_READERS);
        List<CurriculumRepository.Session> sessions = curricula.sessions(code);
        return curricula.curricula(code).stream()
                .map(c -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("curriculumId", c.id());
                    json.put("name", c.name());
                    json.put("role", c.role());
                    json.put("department", c.department());
                    json.put("passMark", c.passMark());
                    json.put("description", c.description());
                    json.put(
                            "sessions",
                            sessions.stream()
                                    .filter(s -> s.curriculumId().equals(c.id()))
                                    .toList());
                    return json;
                })
                .toList();
    }

    @GetMapping("/api/projects/{code}/training/accounts")
    Map<String, List<Map<String, Object>>> accounts(@PathVariable String code) {
        access.require(code, ACCOUNT_READERS);
        List<Map<String, Object>> eligible = new ArrayList<>();
        List<Map<String, Object>> notEligible = new ArrayList<>();
        for (List<Object> row : rows(code)) {
            Map<String, Object> json = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (!COLUMNS.get(i).equals("status") && (i < 9 || row.get(i) != null)) {
                    json.put(COLUMNS.get(i), row.get(i));
                }
            }
            ("eligible".equals(row.get(8)) ? eligible : notEligible).add(json);
        }
        return Map.of("eligible", eligible, "notEligible", notEligible);
    }

    @GetMapping("/api/projects/{code}/training/accounts.csv")
    ResponseEntity<byte[]> accountsCsv(@PathVariable String code, @RequestParam(defaultValue = "false") boolean all)
            throws IOException {
        access.require(code, ACCOUNT_READERS);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(headings(all ? COLUMNS : COLUMNS.subList(0, 8)));
            for (List<Object> row : rows(code)) {
                if (all || "eligible".equals(row.get(8))) {
                    printer.printRecord((all ? row : row.subList(0, 8))
                            .stream()
                                    .map(v -> CsvCells.safe(v == null ? "" : v.toString()))
                                    .toList());
                }
            }
        }
        return download(
                out.toString().getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                code + "-accounts.csv");
    }

    @GetMapping("/api/projects/{code}/training/accounts.xlsx")
    ResponseEntity<byte[]> accountsXlsx(@PathVariable String code) throws IOException {
        access.require(code, ACCOUNT_READERS);
        List<List<Object>> rows = rows(code);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(
                    workbook.createSheet(messages.get("training.export.sheet.accounts")),
                    headings(COLUMNS.subList(0, 8)),
                    rows.stream()
                            .filter(r -> "eligible".equals(r.get(8)))
                            .map(r -> r.subList(0, 8))
                            .toList());
            sheet(
                    workbook.createSheet(messages.get("training.export.sheet.notEligible")),
                    headings(COLUMNS),
                    rows.stream()
                            .filter(r -> !"eligible".equals(r.get(8)))
                            .map(this::withStatusInWords)
                            .toList());
            workbook.write(out);
            return download(out.toByteArray(), XLSX, code + "-accounts.xlsx");
        }
    }

    // the column titles in the reader's language; the English ones are the JSON's field names, as before
    private List<String> headings(List<String> columns) {
        return columns.stream()
                .map(c -> messages.get("training.export.column." + c))
                .toList();
    }

    private static void sheet(Sheet sheet, List<String> header, List<List<Object>> rows) {
        Row first = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            first.createCell(i).setCellValue(header.get(i));
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(i).setCellValue(v.toString());
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }

    // the workbook is read by people: the status in their words (the CSV keeps eligible / not eligible)
    private List<Object> withStatusInWords(List<Object> row) {
        List<Object> shown = new ArrayList<>(row);
        shown.set(
                8,
                messages.get(
                        "eligible".equals(row.get(8))
                                ? "training.export.status.eligible"
                                : "training.export.status.notEligible"));
        return shown;
    }

    // one row per planned trainee, in the columns of COLUMNS
    private List<List<Object>> rows(String code) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingCompletionRule.TraineeStatus s : coverage.of(code).trainees()) {
            Trainee t = s.trainee();
            String reason = null;
            if (!s.trained()) {
                var f = TrainingCompletionRule.finding(t.role(), s);
                reason = messages.get(f.code(), f.args());
            }
            List<Object> row = new ArrayList<>();
            row.add(t.employeeId());
            row.add(t.name());
            row.add(t.department());
            row.add(t.role());
            row.add(t.userId());
            row.add(s.curriculum());
            row.add(s.bestScore());
            row.add(s.passMark());
            row.add(s.trained() ? "eligible" : "not eligible");
            row.add(reason);
            rows.add(row);
        }
        return rows;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(fileName).build());
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }
}
