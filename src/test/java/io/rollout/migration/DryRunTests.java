package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.rollout.migration.DryRun.ColumnSum;
import io.rollout.migration.DryRun.ReasonCount;
import io.rollout.migration.DryRun.Result;
import io.rollout.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTests {

    static final Function<Problem, String> ENGLISH = english();

    @TempDir
    Path dir;

    static Function<Problem, String> english() {
        Properties messages = new Properties();
        try (InputStream in = DryRunTests.class.getResourceAsStream("/messages/migration.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p -> new MessageFormat(messages.getProperty(p.code())).format(p.args());
    }

    Result run(String dataset, Path file) {
        try (ExtractReader reader = ExtractReader.open(file, file.getFileName().toString())) {
            return DryRun.run(
                    reader,
                    Extracts.definition(dataset),
                    file.getFileName().toString(),
                    (d, c) -> v -> false,
                    dir.resolve("out"),
                    ENGLISH);
        }
    }

    List<String> lines(String name) {
        try {
            return Files.readAllLines(dir.resolve("out").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void customersReconcileAndEveryDeliberateFaultIsRejected() {
        Result result =
                run("customers", Extracts.write(dir, "legacy-customers.csv", Extracts.bytes(Extracts.CUSTOMERS)));

        assertThat(result.sourceRows()).isEqualTo(62);
        assertThat(result.acceptedRows()).isEqualTo(55);
        assertThat(result.rejectedRows()).isEqualTo(7);
        assertThat(result.duplicateRows()).isEqualTo(2);
        assertThat(result.duplicateGroups()).isEqualTo(2);
        assertThat(result.reconciled()).isTrue();
        assertThat(result.sums())
                .containsExactly(new ColumnSum(
                        "信用额度", new BigDecimal("11949900"), new BigDecimal("11100000"), new BigDecimal("849900"), 1));
        assertThat(result.reasons())
                .extracting(ReasonCount::rule, ReasonCount::rows, ReasonCount::firstRow)
                .containsExactly(
                        tuple("code 客户编码", 2L, 11L),
                        tuple("number 信用额度", 2L, 15L),
                        tuple("unique 客户编码", 2L, 62L),
                        tuple("pattern 电话", 1L, 13L),
                        tuple("required 客户名称", 1L, 14L));

        List<String> rejected = lines(DryRun.REJECTED);
        assertThat(rejected.get(0)).isEqualTo("\uFEFFSource row,Rules,Reasons,客户编码,客户名称,联系人,电话,城市,信用额度,建档日期");
        assertThat(rejected.subList(1, rejected.size()))
                .extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("11", "13", "14", "15", "18", "62", "63");
        assertThat(rejected)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("63,code 客户编码; unique 客户编码,")
                        .contains("\"\"C００００８\"\" in column \"\"客户编码\"\" breaks the coding standard C\\d{5}.; "
                                + "Duplicate of row 9: 客户编码 = \"\"c00008\"\" after trimming"));
        assertThat(rejected).anySatisfy(l -> assertThat(l).startsWith("18,number 信用额度,\"-100 in column"));

        List<String> accepted = lines(DryRun.ACCEPTED);
        assertThat(accepted).hasSize(56);
        assertThat(accepted.get(1))
                .isEqualTo("legacy-customers.csv,2,C00001,南京何氏机械有限公司,孙静,18613361636,南京,50000,2021-04-10");
        assertThat(accepted)
                .contains(
                        "legacy-customers.csv,5,C00004,上海孙氏包装有限公司,马敏,15797960291,上海,100000,2017-04-27",
                        "legacy-customers.csv,16,C00015,南京高氏物流有限公司,张静,18346870962,南京,100000,2019-03-07",
                        "legacy-customers.csv,17,C00016,宁波郭氏科技有限公司,陈丽,17815348985,宁波,100000,2019-03-07");

        assertThat(lines(DryRun.DUPLICATES).subList(1, 3))
                .containsExactly(
                        "c00006,62,7,C00006,杭州朱氏包装有限公司,何军,17276331503,杭州,100000,2023-02-16",
                        "c00008,63,9,C００００８,合肥林氏包装有限公司,徐磊,18253395943,合肥,100000,2016-11-11");
    }

    @Test
    void theSameCustomersInGbkWithBomOrSemicolonsGiveTheSameCounts() {
        String text = Extracts.customersText();
        for (Path file : List.of(
                Extracts.write(dir, "gbk.csv", text, Charset.forName("GBK")),
                Extracts.write(dir, "bom.csv", Extracts.withBom(text)),
                Extracts.write(dir, "semicolons.csv", text.replace(',', ';'), StandardCharsets.UTF_8))) {
            Result result = run("customers", file);
            assertThat(result.acceptedRows()).as(file.toString()).isEqualTo(55);
            assertThat(result.rejectedRows()).as(file.toString()).isEqualTo(7);
        }
    }

    @Test
    void materialsReconcileAndEveryDeliberateFaultIsRejected() {
        Result result =
                run("materials", Extracts.write(dir, "legacy-materials.xlsx", Extracts.bytes(Extracts.MATERIALS)));

        assertThat(result.format()).isEqualTo("xlsx 物料");
        assertThat(result.sourceRows()).isEqualTo(41);
        assertThat(result.acceptedRows()).isEqualTo(37);
        assertThat(result.rejectedRows()).isEqualTo(4);
        assertThat(result.duplicateRows()).isEqualTo(1);
        assertThat(result.reconciled()).isTrue();
        assertThat(result.reasons())
                .extracting(ReasonCount::rule, ReasonCount::firstRow)
                .containsExactly(
                        tuple("code 物料编码", 6L),
                        tuple("allowed 物料类别", 8L),
                        tuple("required 单位", 10L),
                        tuple("unique 物料编码", 42L));
        ColumnSum stock = result.sums().get(0);
        assertThat(stock.source()).isEqualTo(stock.accepted().add(new BigDecimal(159 + 385 + 16 + 483)));
    }

    @Test
    void aFaultInTheFileStopsTheRunWithItsRow() {
        String text = Extracts.customersText().replace("C00040,合肥孙氏塑胶有限公司,", "C00040;合肥孙氏塑胶有限公司,");
        assertThatThrownBy(() -> run("customers", Extracts.write(dir, "ragged.csv", text, StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        ExtractException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.of("migration.extract.ragged", 41L, 6, 7)));
        assertThatThrownBy(() -> run("materials", Extracts.write(dir, "c.csv", Extracts.bytes(Extracts.CUSTOMERS))))
                .isInstanceOfSatisfying(
                        ExtractException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("migration.extract.header"));
        assertThatThrownBy(() -> run(
                        "customers",
                        Extracts.write(dir, "h.csv", "客户编码,客户名称,联系人,电话,城市,信用额度,建档日期\n", StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        ExtractException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("migration.extract.noRows"));
    }
}
