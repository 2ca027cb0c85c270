package io.rollout.uat;

import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.shared.CsvCells;
import io.rollout.shared.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only UAT API: {@code GET /api/projects/{code}/uat/traceability} (requirement → cases → latest result →
 * defects) as JSON, {@code .csv} and {@code .xlsx} (one row per requirement × case × defect), and
 * {@code GET /api/projects/{code}/uat/defects} (every defect with its history). For the project's roles and
 * auditors; 403 for others, 401 without credentials, 404 for an unknown project.
 */
@RestController
class UatController {

    static final List<String> READERS = List.of(
            Roles.PMO,
            Roles.KEY_USER,
            Roles.CONSULTANT,
            Roles.DEVELOPER,
            Roles.BUSINESS_OWNER,
            Roles.STEERING_COMMITTEE,
            Roles.AUDITOR);
    static final List<String> COLUMNS = List.of(
            "requirement",
            "title",
            "priority",
            "department",
            "covered",
            "case",
            "caseTitle",
            "latestResult",
            "round",
            "tester",
            "defect",
            "severity",
            "status",
            "developer",
            "reopened");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final UatTraceability traceability;
    private final UatRepository repository;
    private final ProjectAccess access;
    private final Messages messages;

    UatController(UatTraceability traceability, UatRepository repository, ProjectAccess access, Messages messages) {
        this.traceability = traceability;
        this.repository = repository;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/api/projects/{code}/uat/traceability")
    List<UatTraceability.Trace> traceability(@PathVariable String code) {
        requireProject(code);
        return traceability.of(code);
    }

    @GetMapping("/api/projects/{code}/uat/traceability.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code) throws IOException {
        requireProject(code);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(headings());
            for (List<String> row : rows(code)) {
                printer.printRecord(row.stream().map(CsvCells::safe).toList());
            }
        }
        return download(
                out.toString().getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                code + "-uat-traceability.csv");
    }

    @GetMapping("/api/projects/{code}/uat/traceability.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code) throws IOException {
        requireProject(code);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.get("uat.export.sheet.traceability"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            List<String> headings = headings();
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(headings.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (List<String> values : rows(code)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        row.createCell(i).setCellValue(shown(COLUMNS.get(i), values.get(i)));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return download(out.toByteArray(), XLSX, code + "-uat-traceability.xlsx");
        }
    }

    @GetMapping("/api/projects/{code}/uat/defects")
    List<Map<String, Object>> defects(@PathVariable String code) {
        requireProject(code);
        return repository.defects(code).stream()
                .map(d -> Map.<String, Object>of(
                        "id",
                        d.id(),
                        "caseId",
                        d.caseId(),
                        "round",
                        d.round(),
                        "severity",
                        d.severity(),
                        "status",
                        d.status(),
                        "module",
                        d.module() == null ? "" : d.module(),
                        "assignee",
                        d.assignee() == null ? "" : d.assignee(),
                        "description",
                        d.description(),
                        "reopenCount",
                        d.reopenCount(),
                        "history",
                        repository.events(d.id())))
                .toList();
    }

    // one row per requirement x case x defect; a requirement without a case, or a case without defect, once
    private List<List<String>> rows(String code) {
        List<List<String>> rows = new ArrayList<>();
        for (UatTraceability.Trace t : traceability.of(code)) {
            List<String> requirement = List.of(
                    t.requirementId(), nz(t.title()), nz(t.priority()), nz(t.department()), t.covered() ? "yes" : "no");
            if (t.cases().isEmpty()) {
                rows.add(row(requirement, List.of("", "", "", "", ""), List.of("", "", "", "", "")));
            }
            for (UatTraceability.TracedCase c : t.cases()) {
                List<String> tested = List.of(
                        c.caseId(),
                        nz(c.title()),
                        nz(c.latestResult()),
                        c.round() == null ? "" : String.valueOf(c.round()),
                        nz(c.tester()));
                if (c.defects().isEmpty()) {
                    rows.add(row(requirement, tested, List.of("", "", "", "", "")));
                }
                for (UatTraceability.TracedDefect d : c.defects()) {
                    rows.add(row(
                            requirement,
                            tested,
                            List.of(
                                    "#" + d.id(),
                                    d.severity(),
                                    d.status(),
                                    nz(d.assignee()),
                                    String.valueOf(d.reopenCount()))));
                }
            }
        }
        return rows;
    }

    private static List<String> row(List<String> a, List<String> b, List<String> c) {
        List<String> row = new ArrayList<>(a);
        row.addAll(b);
        row.addAll(c);
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void requireProject(String code) {
        access.require(code, READERS, "uat.trace.notFound");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(fileName).build());
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    // the column titles in the reader's language; the English ones are the field names, as before
    private List<String> headings() {
        return COLUMNS.stream().map(c -> messages.get("uat.export.column." + c)).toList();
    }

    // the workbook is read by people: results, severities and yes/no in their words; the CSV keeps the codes
    private String shown(String column, String value) {
        if (value.isBlank()) {
            return value;
        }
        String prefix = switch (column) {
            case "covered" -> "uat.export.covered.";
            case "latestResult" -> "uat.result.";
            case "severity" -> "uat.severity.";
            default -> null;
        };
        try {
            return prefix == null ? value : messages.get(prefix + value);
        } catch (NoSuchMessageException unknown) {
            return value;
        }
    }
}
