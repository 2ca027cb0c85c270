package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.migration.ExtractReader.SourceRow;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractReaderTests {

    static final List<String> CUSTOMER_HEADER = List.of("客户编码", "客户名称", "联系人", "电话", "城市", "信用额度", "建档日期");

    @TempDir
    Path dir;

    static List<SourceRow> rows(ExtractReader reader) {
        List<SourceRow> rows = new ArrayList<>();
        try (reader) {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static String code(Path file) {
        try {
            ExtractReader reader = ExtractReader.open(file, file.getFileName().toString());
            rows(reader);
            return "read";
        } catch (ExtractException e) {
            return e.problem().code();
        }
    }

    static ExtractException refusal(Path file) {
        try {
            rows(ExtractReader.open(file, file.getFileName().toString()));
        } catch (ExtractException e) {
            return e;
        }
        throw new AssertionError("not refused: " + file);
    }

    @Test
    void readsTheCustomersUtf8Csv() {
        Path file = Extracts.write(dir, "customers.csv", Extracts.bytes(Extracts.CUSTOMERS));
        ExtractReader reader = ExtractReader.open(file, "customers.csv");
        assertThat(reader.header()).isEqualTo(CUSTOMER_HEADER);
        assertThat(reader.description()).isEqualTo("csv UTF-8 ,");
        List<SourceRow> rows = rows(reader);
        assertThat(rows).hasSize(62);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).values())
                .containsExactly("C00001", "南京何氏机械有限公司", "孙静", "18613361636", "南京", "50000", "2021-04-10");
        assertThat(rows.get(61).number()).isEqualTo(63);
        assertThat(rows.get(61).values()[0]).isEqualTo("C００００８");
    }

    @Test
    void readsUtf8WithBomGbkSemicolonsAndTabs() {
        String text = Extracts.customersText();
        Path bom = Extracts.write(dir, "bom.csv", Extracts.withBom(text));
        Path gbk = Extracts.write(dir, "gbk.csv", text, Charset.forName("GBK"));
        Path semicolons = Extracts.write(dir, "semicolons.csv", text.replace(',', ';'), StandardCharsets.UTF_8);
        Path tabs = Extracts.write(dir, "tabs.txt", text.replace(',', '\t'), Charset.forName("GBK"));

        for (Path file : List.of(bom, gbk, semicolons, tabs)) {
            ExtractReader reader = ExtractReader.open(file, file.getFileName().toString());
            assertThat(reader.header()).as(file.toString()).isEqualTo(CUSTOMER_HEADER);
            List<SourceRow> rows = rows(reader);
            assertThat(rows).as(file.toString()).hasSize(62);
            assertThat(rows.get(3).values()[1]).isEqualTo(" 上海孙氏包装有限公司  ");
            assertThat(rows.get(61).values()[0]).isEqualTo("C００００８");
        }
        assertThat(ExtractReader.open(bom, "bom.csv").description()).isEqualTo("csv UTF-8 BOM ,");
        assertThat(ExtractReader.open(gbk, "gbk.csv").description()).isEqualTo("csv GB18030 ,");
        assertThat(ExtractReader.open(semicolons, "s.csv").description()).isEqualTo("csv UTF-8 ;");
        assertThat(ExtractReader.open(tabs, "t.txt").description()).isEqualTo("csv GB18030 tab");
    }

    @Test
    void readsAShortGbkFileTheDetectorCannotTell() {
        // four Chinese characters: juniversalchardet alone would guess KOI8-R
        Path file = Extracts.write(dir, "short.csv", "编码,名称\nC1,南京\n", Charset.forName("GBK"));
        ExtractReader reader = ExtractReader.open(file, "short.csv");
        assertThat(reader.header()).containsExactly("编码", "名称");
        assertThat(rows(reader))
                .singleElement()
                .satisfies(r -> assertThat(r.values()).containsExactly("C1", "南京"));
    }

    @Test
    void readsQuotedFieldsWithDelimitersInside() {
        Path file = Extracts.write(
                dir,
                "quoted.csv",
                "code;name\nC00001;\"Müller; Söhne\"\n\nC00002;\"say \"\"hi\"\"\"\n",
                StandardCharsets.UTF_8);
        List<SourceRow> rows = rows(ExtractReader.open(file, "quoted.csv"));
        assertThat(rows).extracting(SourceRow::number).containsExactly(2L, 4L);
        assertThat(rows.get(0).values()).containsExactly("C00001", "Müller; Söhne");
        assertThat(rows.get(1).values()).containsExactly("C00002", "say \"hi\"");
    }

    @Test
    void readsTheMaterialsWorkbookAsAStream() {
        Path file = Extracts.write(dir, "materials.xlsx", Extracts.bytes(Extracts.MATERIALS));
        ExtractReader reader = ExtractReader.open(file, "materials.xlsx");
        assertThat(reader.header()).containsExactly("物料编码", "物料名称", "规格型号", "单位", "物料类别", "安全库存");
        assertThat(reader.description()).isEqualTo("xlsx 物料");
        List<SourceRow> rows = rows(reader);
        assertThat(rows).hasSize(41);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).values()).containsExactly("FG-56-0001", "成品1", "Φ68x271", "件", "成品", "157");
        assertThat(rows.get(8).values()[3]).isEmpty();
    }

    @Test
    void readsDatesAndNumbersOfAWorkbookAsWritten() throws IOException {
        Path file = dir.resolve("dates.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                FileOutputStream out = new FileOutputStream(file.toFile())) {
            var sheet = workbook.createSheet("客户");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("code");
            header.createCell(1).setCellValue("since");
            header.createCell(2).setCellValue("limit");
            var row = sheet.createRow(2);
            row.createCell(0).setCellValue("C00001");
            var date = row.createCell(1);
            date.setCellValue(LocalDate.of(2019, 3, 7));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            date.setCellStyle(style);
            row.createCell(2).setCellValue(1234567.5);
            workbook.write(out);
        }
        List<SourceRow> rows = rows(ExtractReader.open(file, "dates.xlsx"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(3);
            assertThat(r.values()).containsExactly("C00001", "2019-03-07", "1234567.5");
        });
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRowsLater() {
        assertThat(code(Extracts.write(dir, "empty.csv", new byte[0]))).isEqualTo("migration.extract.empty");
        assertThat(code(Extracts.write(dir, "blank.csv", "\n\n", StandardCharsets.UTF_8)))
                .isEqualTo("migration.extract.empty");
        assertThat(code(Extracts.write(dir, "header.csv", "a,b\n", StandardCharsets.UTF_8)))
                .isEqualTo("read");
    }

    @Test
    void refusesARaggedRowNamingIt() {
        String text = Extracts.customersText().replace("C00020,武汉杨氏包装有限公司,", "C00020,武汉杨氏包装有限公司,,");
        ExtractException e = refusal(Extracts.write(dir, "ragged.csv", text, StandardCharsets.UTF_8));
        assertThat(e.problem().code()).isEqualTo("migration.extract.ragged");
        assertThat(e.problem().args()).containsExactly(21L, 8, 7);
    }

    @Test
    void refusesBytesThatAreNotTheDetectedEncodingWithTheirRow() {
        StringBuilder text = new StringBuilder("code,name\n");
        for (int i = 0; i < 5000; i++) {
            text.append("C").append(10000 + i).append(",南京何氏机械有限公司\n");
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[utf8.length + 40];
        System.arraycopy(utf8, 0, broken, 0, utf8.length);
        // a GBK line appended to a UTF-8 file, far behind the sample the encoding is detected from
        byte[] gbkLine = "C99999,宁波罗氏\n".getBytes(Charset.forName("GBK"));
        System.arraycopy(gbkLine, 0, broken, utf8.length, gbkLine.length);
        Path file = Extracts.write(dir, "mixed.csv", java.util.Arrays.copyOf(broken, utf8.length + gbkLine.length));

        ExtractException e = refusal(file);
        assertThat(e.problem().code()).isEqualTo("migration.extract.undecodable");
        assertThat(e.problem().args()[1]).isEqualTo("UTF-8");
        assertThat((Long) e.problem().args()[0]).isBetween(4990L, 5002L);
    }

    @Test
    void refusesBinaryDataAndForeignEncodings() {
        assertThat(code(Extracts.write(dir, "image.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13})))
                .isEqualTo("migration.extract.binary");
        StringBuilder latin = new StringBuilder("name,city\n");
        for (int i = 0; i < 200; i++) {
            latin.append("Müller Söhne GmbH Straße,München Köln Düsseldorf\n");
        }
        assertThat(code(Extracts.write(dir, "latin1.csv", latin.toString(), StandardCharsets.ISO_8859_1)))
                .isEqualTo("migration.extract.encoding");
    }

    @Test
    void refusesAnXlsxThatIsNoWorkbookAndOldExcel() {
        assertThat(code(Extracts.write(dir, "customers.xlsx", Extracts.bytes(Extracts.CUSTOMERS))))
                .isEqualTo("migration.extract.notWorkbook");
        assertThat(code(Extracts.write(dir, "broken.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2})))
                .isEqualTo("migration.extract.notWorkbook");
        assertThat(code(Extracts.write(dir, "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})))
                .isEqualTo("migration.extract.oldExcel");
    }
}
