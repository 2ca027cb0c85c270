package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV download cannot run a legacy value as a spreadsheet formula. */
class ResultExportTests {

    @TempDir
    Path dir;

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() throws IOException {
        Path csv = dir.resolve("rejected.csv");
        Files.writeString(csv, """
            code,name,credit,note
            C00001,=HYPERLINK("http://evil"),-500,@SUM(A1)
            C00002,+cmd,+12.5,-x
            """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = ResultExport.toSafeCsv(csv, out);

        assertThat(rows).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "code,name,credit,note",
                        "C00001,\"'=HYPERLINK(\"\"http://evil\"\")\",-500,'@SUM(A1)",
                        "C00002,'+cmd,+12.5,'-x");
    }

    @Test
    void headerCellsNamedByTheDataStewardAreDefusedToo() throws IOException {
        Path csv = dir.resolve("accepted.csv");
        Files.writeString(csv, "\uFEFF=HYPERLINK(\"http://evil\"),code,@cmd\nx,C00001,y\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ResultExport.toSafeCsv(csv, out);

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("\uFEFF\"'=HYPERLINK(\"\"http://evil\"\")\",code,'@cmd", "x,C00001,y");
    }
}
