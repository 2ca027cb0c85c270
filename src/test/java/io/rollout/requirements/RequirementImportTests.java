package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.project.ProjectRepository;
import io.rollout.shared.CsvSource;
import io.rollout.shared.ProcessTest;
import io.rollout.shared.TestProjects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

// shares the process tests' Spring context; it starts no process
@ProcessTest
class RequirementImportTests {

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

    static byte[] customerFile() throws IOException {
        try (InputStream in = RequirementImportTests.class.getResourceAsStream("/erp-case/requirements.csv")) {
            return in.readAllBytes();
        }
    }

    String project(List<String> departments) {
        String code = TestProjects.newCode();
        TestProjects.create(projects, code, departments, List.of("finance"), List.of());
        return code;
    }

    RequirementImport.Result importBytes(String code, byte[] bytes) {
        return importer.importCsv(code, new ByteArrayInputStream(bytes), "consultant1");
    }

    @Test
    void importsTheCustomersRequirementList() throws IOException {
        String code = project(ALL_FIVE);
        RequirementImport.Result result = importBytes(code, customerFile());
        assertThat(result).isEqualTo(new RequirementImport.Result(20, 0, List.of()));
        List<Requirement> stored = requirements.findByProject(code);
        assertThat(stored).hasSize(20).allMatch(r -> "consultant1".equals(r.updatedBy()));
        assertThat(stored)
                .filteredOn(r -> r.reqId().equals("REQ-INV-002"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.department()).isEqualTo("warehouse");
                    assertThat(r.title()).isEqualTo("扫码出入库");
                    assertThat(r.acceptanceCriterion()).isEqualTo("出入库扫码率≥95%，错误率≤0.1%");
                    assertThat(r.solutionMatch()).isEqualTo("customisation");
                });
    }

    @Test
    void gbkAndBomCopiesStoreTheSameRequirements() throws IOException {
        String text = new String(customerFile(), StandardCharsets.UTF_8);
        String utf8 = project(ALL_FIVE);
        String gbk = project(ALL_FIVE);
        String bom = project(ALL_FIVE);
        importBytes(utf8, text.getBytes(StandardCharsets.UTF_8));
        assertThat(importBytes(gbk, text.getBytes(CsvSource.GBK)).imported()).isEqualTo(20);
        assertThat(importBytes(bom, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))
                        .imported())
                .isEqualTo(20);
        assertThat(SpecificationHash.of(requirements.findByProject(gbk)))
                .isEqualTo(SpecificationHash.of(requirements.findByProject(utf8)))
                .isEqualTo(SpecificationHash.of(requirements.findByProject(bom)));
    }

    @Test
    void rowsOfDepartmentsOutsideTheScopeAreSkippedAndCounted() throws IOException {
        String code = project(List.of("finance", "sales", "quality"));
        assertThat(importBytes(code, customerFile())).isEqualTo(new RequirementImport.Result(8, 12, List.of()));
        assertThat(requirements.findByProject(code))
                .extracting(Requirement::department)
                .containsOnly("finance", "sales");
    }

    @Test
    void aBadFileStoresNothingAndNamesEveryBadRow() {
        String code = project(ALL_FIVE);
        String csv = """
            编号,部门,需求名称,现状痛点,目标,优先级,验收标准,方案匹配
            REQ-FIN-001,财务部,费用报销线上审批,报销审批效率低,提高效率,must,≤2个工作日,configuration
            REQ-FIN-002,财务部,成本核算准确,成本核算不准,按工单归集成本,urgent,差异≤1%,configuration
            REQ-FIN-001,财务部,重复编号,,,could,,
            """;
        RequirementImport.Result result = importBytes(code, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.imported()).isZero();
        assertThat(result.errors())
                .containsExactly(
                        "Row 3: the field \"优先级\" must be one of must/should/could, not \"urgent\".",
                        "Row 4: the requirement id REQ-FIN-001 appears more than once (first in row 2).");
        assertThat(requirements.findByProject(code)).isEmpty();
    }

    @Test
    void errorsAreInTheCallersLanguage() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        String code = project(ALL_FIVE);
        RequirementImport.Result result = importBytes(code, "编号,需求名称\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.errors())
                .containsExactly("文件缺少列 department（或 部门）；表头行必须包含该列。", "文件缺少列 priority（或 优先级）；表头行必须包含该列。");
    }

    @Test
    void importingAgainReplacesRequirementsWithTheSameId() throws IOException {
        String code = project(ALL_FIVE);
        importBytes(code, customerFile());
        String csv = "reqId,department,title,priority\nREQ-FIN-004,finance,Month-end close in 3 days,must\n";
        assertThat(importBytes(code, csv.getBytes(StandardCharsets.UTF_8)).imported())
                .isEqualTo(1);
        assertThat(requirements.findByProject(code))
                .hasSize(20)
                .filteredOn(r -> r.reqId().equals("REQ-FIN-004"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.title()).isEqualTo("Month-end close in 3 days");
                    assertThat(r.priority()).isEqualTo("must");
                    assertThat(r.acceptanceCriterion()).isNull();
                });
    }
}
