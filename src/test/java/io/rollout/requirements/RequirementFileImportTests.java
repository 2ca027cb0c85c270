package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.project.ProjectRepository;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The requirement import with the customer's list in every shape it arrives in (fixtures under
 * {@code src/test/resources/requirements/}, and an .xlsx written by POI from the same list), and broken files.
 */
// shares the process tests' Spring context; it starts no process
@ProcessTest
class RequirementFileImportTests {

    static final List<String> ALL_FIVE = List.of("procurement", "warehouse", "production", "finance", "sales");

    @Autowired
    RequirementImport importer;

    @Autowired
    RequirementRepository requirements;

    @Autowired
    ProjectRepository projects;

    @BeforeEach
    void english() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "requirements-gbk.csv",
                "requirements-bom.csv",
                "requirements-semicolon.csv",
                "requirements-tab.txt"
            })
    void everyEncodingAndSeparatorStoresTheSameRequirementsAsTheUtf8File(String fixture) throws IOException {
        String reference = project();
        assertThat(importer.importCsv(reference, fixture("requirements-utf8.csv"), "consultant1"))
                .isEqualTo(new RequirementImport.Result(20, 0, List.of()));
        String code = project();
        assertThat(importer.importCsv(code, fixture(fixture), "consultant1"))
                .isEqualTo(new RequirementImport.Result(20, 0, List.of()));
        assertThat(SpecificationHash.of(requirements.findByProject(code)))
                .isEqualTo(SpecificationHash.of(requirements.findByProject(reference)));
    }

    @Test
    void anExcelWorkbookStoresTheSameRequirementsAsTheCsvFile() throws IOException {
        String reference = project();
        importer.importCsv(reference, fixture("requirements-utf8.csv"), "consultant1");
        String code = project();
        RequirementImport.Result result =
                importer.importCsv(code, new ByteArrayInputStream(workbookOfFixture()), "consultant1");
        assertThat(result).isEqualTo(new RequirementImport.Result(20, 0, List.of()));
        assertThat(requirements.findByProject(code)).hasSize(20).allMatch(r -> Requirement.DRAFT.equals(r.status()));
        assertThat(SpecificationHash.of(requirements.findByProject(code)))
                .isEqualTo(SpecificationHash.of(requirements.findByProject(reference)));
    }

    @Test
    void aFileWithWrongHeadersNamesTheMissingColumns() throws IOException {
        assertRefused(
                "requirements-wrong-header.csv",
                "The file has no column title (or 需求名称); the header row must name it.",
                "The file has no column priority (or 优先级); the header row must name it.");
    }

    @Test
    void badRowsAreReportedWithTheirRowNumbersAndNothingIsStored() throws IOException {
        assertRefused(
                "requirements-bad-rows.csv",
                "Row 3: the field \"优先级\" must be one of must/should/could, not \"urgent\".",
                "Row 4: the requirement id REQ-PUR-001 appears more than once (first in row 2).");
    }

    @Test
    void anXlsxThatIsReallyATextFileIsReadAsTextAndRefused() throws IOException {
        assertRefused(
                "requirements-text.xlsx",
                "The file has no column reqId (or 编号); the header row must name it.",
                "The file has no column department (or 部门); the header row must name it.",
                "The file has no column title (or 需求名称); the header row must name it.",
                "The file has no column priority (or 优先级); the header row must name it.");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertRefused("requirements-empty.csv", "The file is empty: expected a header row and one row per record.");
    }

    @Test
    void aZipThatIsNotAWorkbookAndAWorkbookWithoutHeaderAreRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("requirements.csv"));
            out.write(fixture("requirements-utf8.csv").readAllBytes());
        }
        String code = project();
        assertThat(importer.importCsv(code, new ByteArrayInputStream(zip.toByteArray()), "consultant1")
                        .errors())
                .containsExactly(
                        "The file is a zip archive but not an Excel workbook: save it from Excel as .xlsx or as CSV.");
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("需求");
            workbook.write(empty);
        }
        assertThat(importer.importCsv(code, new ByteArrayInputStream(empty.toByteArray()), "consultant1")
                        .errors())
                .containsExactly("The first sheet of the workbook has no header row: row 1 must name the columns.");
        assertThat(requirements.findByProject(code)).isEmpty();
    }

    void assertRefused(String fixture, String... errors) throws IOException {
        String code = project();
        RequirementImport.Result result = importer.importCsv(code, fixture(fixture), "consultant1");
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).containsExactly(errors);
        assertThat(requirements.findByProject(code)).isEmpty();
    }

    String project() {
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, ALL_FIVE, List.of("finance"), List.of());
        return code;
    }

    static InputStream fixture(String name) {
        return RequirementFileImportTests.class.getResourceAsStream("/requirements/" + name);
    }

    /** The customer's list as Excel saves it: the same cells in the first sheet of a workbook. */
    static byte[] workbookOfFixture() throws IOException {
        String text = new String(fixture("requirements-utf8.csv").readAllBytes(), StandardCharsets.UTF_8);
        List<CSVRecord> records =
                CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("需求清单");
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < records.get(r).size(); c++) {
                    row.createCell(c).setCellValue(records.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
