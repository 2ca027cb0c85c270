package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvSourceTests {

    static final String TEXT = "编号,名称\nREQ-1,采购审批\n";

    static byte[] withBom(byte[] bytes) {
        byte[] bom = "\uFEFF".getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(bom.length + bytes.length)
                .put(bom)
                .put(bytes)
                .array();
    }

    @Test
    void decodesUtf8Utf8WithBomAndGbkToTheSameText() {
        assertThat(CsvSource.decode(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
        assertThat(CsvSource.decode(withBom(TEXT.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(TEXT);
        assertThat(CsvSource.decode(TEXT.getBytes(CsvSource.GBK))).isEqualTo(TEXT);
    }

    @Test
    void readsGbkBehindABomAsGbkWithoutTheBom() {
        assertThat(CsvSource.decode(withBom(TEXT.getBytes(CsvSource.GBK)))).isEqualTo(TEXT);
    }

    @Test
    void decodesAnEmptyFileToEmptyText() {
        assertThat(CsvSource.decode(new byte[0])).isEmpty();
        assertThat(CsvSource.decode(withBom(new byte[0]))).isEmpty();
    }

    @Test
    void theHeaderLineDecidesTheDelimiter() {
        assertThat(CsvSource.delimiter("a;b;c\n1,5;2;3\n")).isEqualTo(';');
        assertThat(CsvSource.delimiter("a,b;c\n1;2;3;4\n")).isEqualTo(',');
        assertThat(CsvSource.delimiter("a;b,c")).isEqualTo(',');
        assertThat(CsvSource.delimiter("")).isEqualTo(',');
    }

    @Test
    void mapsKnownHeadersToKeysAndNumbersRowsAsTheSpreadsheet() {
        String csv = "编号;Ignored;title\nREQ-1; x ;Purchase approval\n\nREQ-2;y\n";
        CsvSource.Parsed parsed = CsvSource.read(
                new ByteArrayInputStream(withBom(csv.getBytes(StandardCharsets.UTF_8))),
                Map.of("编号", "reqId", "title", "title"));

        assertThat(parsed.keys()).containsExactly("reqId", "title");
        assertThat(parsed.rows()).extracting(FormRow::number).containsExactly(2, 3);
        assertThat(parsed.rows().get(0).values())
                .containsExactly(Map.entry("reqId", "REQ-1"), Map.entry("title", "Purchase approval"));
        assertThat(parsed.rows().get(1).text("reqId")).isEqualTo("REQ-2");
        assertThat(parsed.rows().get(1).text("title")).isNull();
    }
}
