package io.rollout.requirements;

import io.rollout.requirements.RequirementRepository.FrozenVersion;
import io.rollout.shared.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed specification as an Excel workbook ({@code GET /api/projects/{code}/specification/{version}.xlsx}):
 * a sheet with the requirements exactly as the version was frozen (its snapshot, not today's rows) and a sheet
 * with the sign-off: version, content hash, frozen and baselined by/at, and each department's decisions on that
 * version (approver, decision, time, comment). Headers in the caller's language.
 */
@Component
class SpecificationExport {

    static final List<String> FIELDS = List.of(
            "reqId",
            "department",
            "title",
            "painPoint",
            "goal",
            "expectedEffect",
            "priority",
            "acceptanceCriterion",
            "solutionMatch",
            "status");

    private final RequirementRepository requirements;
    private final Messages messages;

    SpecificationExport(RequirementRepository requirements, Messages messages) {
        this.requirements = requirements;
        this.messages = messages;
    }

    byte[] workbook(String projectCode, FrozenVersion version) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            requirementsSheet(
                    workbook.createSheet(messages.get("requirements.export.sheet.requirements")),
                    bold,
                    requirements.snapshot(projectCode, version.version()));
            signOffSheet(
                    workbook.createSheet(messages.get("requirements.export.sheet.signOff")),
                    bold,
                    projectCode,
                    version,
                    requirements.approvals(projectCode).stream()
                            .filter(a -> a.version() == version.version())
                            .toList());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requirementsSheet(Sheet sheet, CellStyle bold, List<Requirement> rows) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < FIELDS.size(); i++) {
            header.createCell(i).setCellValue(messages.get("requirements.export.column." + FIELDS.get(i)));
            header.getCell(i).setCellStyle(bold);
        }
        for (int r = 0; r < rows.size(); r++) {
            Requirement q = rows.get(r);
            List<String> values = List.of(
                    q.reqId(),
                    q.department(),
                    q.title(),
                    text(q.painPoint()),
                    text(q.goal()),
                    text(q.expectedEffect()),
                    q.priority(),
                    text(q.acceptanceCriterion()),
                    text(q.solutionMatch()),
                    q.status());
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
        sheet.createFreezePane(0, 1);
        for (int i = 0; i < FIELDS.size(); i++) {
            sheet.setColumnWidth(i, 20 * 256);
        }
    }

    private void signOffSheet(
            Sheet sheet,
            CellStyle bold,
            String projectCode,
            FrozenVersion v,
            List<SpecificationApprovalRecord> approvals) {
        String[][] facts = {
            {"project", projectCode},
            {"version", String.valueOf(v.version())},
            {"contentHash", v.contentHash()},
            {"frozenBy", text(v.frozenBy())},
            {"frozenAt", time(v.frozenAt())},
            {"baselinedBy", text(v.baselinedBy())},
            {"baselinedAt", time(v.baselinedAt())},
            {"reason", text(v.reason())},
        };
        int r = 0;
        for (String[] fact : facts) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(messages.get("requirements.export.signOff." + fact[0]));
            row.getCell(0).setCellStyle(bold);
            row.createCell(1).setCellValue(fact[1]);
        }
        r++;
        Row header = sheet.createRow(r++);
        List<String> columns = List.of("department", "approver", "decision", "decidedAt", "comment");
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(messages.get("requirements.export.approval." + columns.get(i)));
            header.getCell(i).setCellStyle(bold);
        }
        for (SpecificationApprovalRecord a : approvals) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(a.department());
            row.createCell(1).setCellValue(a.approver());
            row.createCell(2)
                    .setCellValue(messages.get(
                            a.approved()
                                    ? "requirements.export.approval.approved"
                                    : "requirements.export.approval.rejected"));
            row.createCell(3).setCellValue(time(a.decidedAt()));
            row.createCell(4).setCellValue(text(a.comment()));
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 66 * 256);
        sheet.setColumnWidth(4, 40 * 256);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    // when a department decided, as the reader writes a date and time, in UTC
    private static String time(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                .withLocale(LocaleContextHolder.getLocale())
                                .withZone(ZoneOffset.UTC)
                                .format(at)
                        + " UTC";
    }
}
