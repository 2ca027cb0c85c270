package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.CsvSource;
import io.rollout.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementSheetTests {

    static final List<String> KNOWN =
            List.of("procurement", "warehouse", "production", "finance", "sales", "quality", "hr");
    static final List<String> ALL_FIVE = List.of("procurement", "warehouse", "production", "finance", "sales");

    static String customerFile() throws IOException {
        try (InputStream in = RequirementSheetTests.class.getResourceAsStream("/erp-case/requirements.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] withBom(byte[] bytes) {
        byte[] result = new byte[bytes.length + 3];
        result[0] = (byte) 0xEF;
        result[1] = (byte) 0xBB;
        result[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, result, 3, bytes.length);
        return result;
    }

    @Test
    void readsTheCustomersFileWithChineseHeadersAndDepartments() throws IOException {
        RequirementSheet.Parsed parsed =
                RequirementSheet.read(customerFile().getBytes(StandardCharsets.UTF_8), ALL_FIVE, KNOWN);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(20);
        assertThat(parsed.skipped()).isZero();
        Requirement first = parsed.rows().get(0);
        assertThat(first.reqId()).isEqualTo("REQ-PUR-001");
        assertThat(first.department()).isEqualTo("procurement");
        assertThat(first.title()).isEqualTo("采购申请线上审批");
        assertThat(first.painPoint()).isEqualTo("纸质采购申请流转慢，平均审批3天");
        assertThat(first.goal()).isEqualTo("审批周期缩短到1天内");
        assertThat(first.priority()).isEqualTo("must");
        assertThat(first.acceptanceCriterion()).isEqualTo("采购申请提交后24小时内完成三级审批的比例≥90%");
        assertThat(first.solutionMatch()).isEqualTo("configuration");
    }

    @Test
    void readsGbkAndBomCopiesAlike() throws IOException {
        String text = customerFile();
        RequirementSheet.Parsed utf8 = RequirementSheet.read(text.getBytes(StandardCharsets.UTF_8), ALL_FIVE, KNOWN);
        RequirementSheet.Parsed gbk = RequirementSheet.read(text.getBytes(CsvSource.GBK), ALL_FIVE, KNOWN);
        RequirementSheet.Parsed bom =
                RequirementSheet.read(withBom(text.getBytes(StandardCharsets.UTF_8)), ALL_FIVE, KNOWN);
        assertThat(gbk.problems()).isEmpty();
        assertThat(bom.problems()).isEmpty();
        assertThat(gbk.rows()).isEqualTo(utf8.rows());
        assertThat(bom.rows()).isEqualTo(utf8.rows());
    }

    @Test
    void skipsAndCountsRowsOfDepartmentsOutsideTheScope() throws IOException {
        RequirementSheet.Parsed parsed = RequirementSheet.read(
                customerFile().getBytes(StandardCharsets.UTF_8), List.of("procurement", "warehouse"), KNOWN);
        assertThat(parsed.rows())
                .hasSize(8)
                .allMatch(r -> List.of("procurement", "warehouse").contains(r.department()));
        assertThat(parsed.skipped()).isEqualTo(12);
    }

    @Test
    void readsEnglishHeadersInAnyOrderAndSemicolons() {
        String csv = "title;ReqId;department;priority;solutionMatch;expectedEffect\n"
                + "Online approval;REQ-FIN-010;finance;Should;Customization;faster\n";
        RequirementSheet.Parsed parsed =
                RequirementSheet.read(csv.getBytes(StandardCharsets.UTF_8), List.of("finance"), KNOWN);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(r -> {
            assertThat(r.reqId()).isEqualTo("REQ-FIN-010");
            assertThat(r.title()).isEqualTo("Online approval");
            assertThat(r.priority()).isEqualTo("should");
            assertThat(r.solutionMatch()).isEqualTo("customisation");
            assertThat(r.expectedEffect()).isEqualTo("faster");
        });
    }

    @Test
    void reportsEveryBadRowWithItsSpreadsheetRowNumberAndKeepsNoRows() {
        String csv = """
            编号,部门,需求名称,优先级,方案匹配
            REQ-FIN-001,财务部,Good row,must,standard
            REQ-FIN-002,财务部,Urgent row,urgent,
            ,财务部,No id,must,
            REQ-FIN-001,财务部,Duplicate,could,
            REQ-FIN-005,财务部,,could,
            REQ-FIN-006,市场部,Unknown department,must,
            REQ-FIN-007,财务部,Odd match,must,maybe
            REQ-QUA-001,质量部,Out of scope but bad priority,urgent,
            """;
        RequirementSheet.Parsed parsed =
                RequirementSheet.read(csv.getBytes(StandardCharsets.UTF_8), List.of("finance"), KNOWN);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.skipped()).isEqualTo(1);
        assertThat(parsed.problems())
                .containsExactly(
                        Problem.of("form.row.choice", 3, "优先级", "must/should/could", "urgent"),
                        Problem.of("form.row.required", 4, "编号"),
                        Problem.of("requirements.row.duplicateId", 5, "REQ-FIN-001", 2),
                        Problem.of("form.row.required", 6, "需求名称"),
                        Problem.of("requirements.row.departmentUnknown", 7, "市场部", String.join(", ", KNOWN)),
                        Problem.of(
                                "form.row.choice",
                                8,
                                "方案匹配",
                                "standard/configuration/customisation/not-covered",
                                "maybe"));
    }

    @Test
    void reportsMissingColumnsAndEmptyFiles() {
        RequirementSheet.Parsed parsed =
                RequirementSheet.read("编号,需求名称\nREQ-1,x\n".getBytes(StandardCharsets.UTF_8), List.of("finance"), KNOWN);
        assertThat(parsed.problems())
                .containsExactly(
                        Problem.of("requirements.import.columnMissing", "department", "部门"),
                        Problem.of("requirements.import.columnMissing", "priority", "优先级"));
        assertThat(RequirementSheet.read(new byte[0], List.of("finance"), KNOWN).problems())
                .containsExactly(Problem.of("form.file.empty"));
    }

    @Test
    void ignoresEmptyLinesAndCapitalisesIds() {
        String csv = "reqId,department,title,priority\n\nreq-hr-001,hr,Leave requests,could\n,,,\n";
        RequirementSheet.Parsed parsed =
                RequirementSheet.read(csv.getBytes(StandardCharsets.UTF_8), List.of("hr"), KNOWN);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).singleElement().extracting(Requirement::reqId).isEqualTo("REQ-HR-001");
    }
}
