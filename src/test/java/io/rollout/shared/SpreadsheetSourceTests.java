package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetSourceTests {

    static final Map<String, String> COLUMNS = Map.of("name", "name", "姓名", "name", "hours", "hours", "date", "date");

    @Test
    void readsTheFirstSheetOfAWorkbookWithNumbersDatesFormulasAndBlankRows() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Attendance");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(" 姓名 ");
            header.createCell(1).setCellValue("HOURS");
            header.createCell(2).setCellValue("Date");
            header.createCell(3).setCellValue("ignored");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("李伟");
            first.createCell(1).setCellValue(4);
            first.createCell(2).setCellValue(LocalDate.of(2026, 3, 2));
            first.getCell(2).setCellStyle(date);
            // row 3 left empty
            Row third = sheet.createRow(3);
            third.createCell(0).setCellValue("王芳");
            third.createCell(1).setCellFormula("1+2");
            workbook.createSheet("Other").createRow(0).createCell(0).setCellValue("name");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        SpreadsheetSource.Sheet sheet = SpreadsheetSource.read(xlsx, COLUMNS);
        assertThat(sheet.keys()).containsExactly("name", "hours", "date");
        assertThat(sheet.labels()).containsEntry("name", "姓名").containsEntry("hours", "HOURS");
        assertThat(sheet.rows()).extracting(FormRow::number).containsExactly(2, 4);
        assertThat(sheet.rows().get(0).text("name")).isEqualTo("李伟");
        assertThat(sheet.rows().get(0).integer("hours")).isEqualTo(4);
        assertThat(sheet.rows().get(0).date("date")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(sheet.rows().get(1).integer("hours")).isEqualTo(3);
        assertThat(sheet.rows().get(1).text("date")).isNull();
    }

    @Test
    void readsCsvWithTabsAndNumbersRowsAsTheSpreadsheetDoes() {
        String tsv = "name\thours\n李伟\t4\n\n王芳\t3\n";
        SpreadsheetSource.Sheet sheet = SpreadsheetSource.read(tsv.getBytes(CsvSource.GBK), COLUMNS);
        assertThat(sheet.rows()).extracting(FormRow::number).containsExactly(2, 4);
        assertThat(sheet.rows()).extracting(r -> r.text("name")).containsExactly("李伟", "王芳");
    }

    @Test
    void refusesEmptyFilesZipsThatAreNotWorkbooksWorkbooksWithoutHeaderAndBrokenCsv() throws IOException {
        assertThatThrownBy(() -> SpreadsheetSource.read(new byte[0], COLUMNS))
                .isInstanceOfSatisfying(
                        SpreadsheetSource.UnreadableFile.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.of("form.file.empty")));
        assertThatThrownBy(() -> SpreadsheetSource.read(" \n".getBytes(StandardCharsets.UTF_8), COLUMNS))
                .isInstanceOfSatisfying(
                        SpreadsheetSource.UnreadableFile.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.of("form.file.empty")));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("name\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> SpreadsheetSource.read(zip.toByteArray(), COLUMNS))
                .isInstanceOfSatisfying(
                        SpreadsheetSource.UnreadableFile.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.of("form.file.notWorkbook")));

        ByteArrayOutputStream headerless = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Sheet1").createRow(1).createCell(0).setCellValue("李伟");
            workbook.write(headerless);
        }
        assertThatThrownBy(() -> SpreadsheetSource.read(headerless.toByteArray(), COLUMNS))
                .isInstanceOfSatisfying(
                        SpreadsheetSource.UnreadableFile.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.of("form.file.noHeader")));

        assertThatThrownBy(() -> SpreadsheetSource.read("name\n\"李伟,4\n".getBytes(StandardCharsets.UTF_8), COLUMNS))
                .isInstanceOfSatisfying(
                        SpreadsheetSource.UnreadableFile.class,
                        e -> assertThat(e.problem().code()).isEqualTo("form.file.malformed"));
    }

    @Test
    void aRowWithAValueRightOfTheHeaderIsRefusedNamingTheRowInCsvAndWorkbooks() throws IOException {
        byte[] csv = "name,hours\n李伟,4\n王芳,3,,extra\n".getBytes(StandardCharsets.UTF_8);
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("name");
            sheet.getRow(0).createCell(1).setCellValue("hours");
            sheet.createRow(1).createCell(0).setCellValue("李伟");
            sheet.getRow(1).createCell(1).setCellValue(4);
            sheet.getRow(1).createCell(2).setCellValue("");
            sheet.createRow(2).createCell(0).setCellValue("王芳");
            sheet.getRow(2).createCell(3).setCellValue("extra");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        for (byte[] file : java.util.List.of(csv, xlsx)) {
            assertThatThrownBy(() -> SpreadsheetSource.read(file, COLUMNS))
                    .isInstanceOfSatisfying(
                            SpreadsheetSource.UnreadableFile.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.of("form.file.ragged", 3, 4, 2)));
        }
    }

    @Test
    void aWorkbookWithMoreCellsThanTheLimitIsRefusedBeforeItIsLoaded() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("name");
            workbook.write(zip);
        }
        int cells = SpreadsheetSource.MAX_CELLS + 1;
        byte[] large = rewriteSheet(zip.toByteArray(), cells);

        assertThatThrownBy(() -> SpreadsheetSource.read(large, COLUMNS))
                .isInstanceOfSatisfying(
                        SpreadsheetSource.UnreadableFile.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(Problem.of("form.file.tooManyCells", SpreadsheetSource.MAX_CELLS)));
    }

    @Test
    void aCsvFileWithMoreCellsThanTheLimitIsRefused() {
        int rows = SpreadsheetSource.MAX_CSV_CELLS / 2;
        byte[] csv = ("name,hours\n" + "a,1\n".repeat(rows)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SpreadsheetSource.read(csv, COLUMNS))
                .isInstanceOfSatisfying(
                        SpreadsheetSource.UnreadableFile.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(Problem.of("form.file.tooManyCsvCells", SpreadsheetSource.MAX_CSV_CELLS)));
    }

    // the sheet of the workbook replaced by one with one number cell per row, rows numbered from 1
    private static byte[] rewriteSheet(byte[] workbook, int cells) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in =
                        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(result)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] part = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(part);
                    continue;
                }
                out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats."
                                + "org/spreadsheetml/2006/main\"><sheetData>")
                        .getBytes(StandardCharsets.UTF_8));
                for (int r = 1; r <= cells; r++) {
                    out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>")
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            }
        }
        return result.toByteArray();
    }
}
