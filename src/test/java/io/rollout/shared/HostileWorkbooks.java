package io.rollout.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks an attacker sends, built from a real one: a shared-strings bomb (a small file whose
 * {@code xl/sharedStrings.xml} unpacks to tens of megabytes of one repeated string) and a workbook whose sheet
 * declares a DOCTYPE.
 */
public final class HostileWorkbooks {

    private HostileWorkbooks() {}

    /** The workbook with {@code megabytes} MB of {@code <si><t>AAAA…</t></si>} added to its shared strings. */
    public static byte[] sharedStringsBomb(byte[] workbook, int megabytes) {
        return rewrite(workbook, "xl/sharedStrings.xml", (out, part) -> {
            String xml = new String(part, StandardCharsets.UTF_8);
            int end = xml.lastIndexOf("</sst>");
            out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
            byte[] string = ("<si><t>" + "A".repeat(1000) + "</t></si>").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < megabytes * 1024L * 1024; written += string.length) {
                out.write(string);
            }
            out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The workbook with a DOCTYPE declaring an entity in its first sheet. */
    public static byte[] withDoctype(byte[] workbook) {
        return rewrite(
                workbook,
                "xl/worksheets/sheet1.xml",
                (out, part) -> out.write(new String(part, StandardCharsets.UTF_8)
                        .replaceFirst("\\?>", "?><!DOCTYPE w [<!ENTITY a \"aaaa\">]>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes one part of a workbook anew. */
    private interface PartWriter {
        void write(ZipOutputStream out, byte[] part) throws IOException;
    }

    private static byte[] rewrite(byte[] workbook, String partName, PartWriter writer) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(result)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] part = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(partName)) {
                    writer.write(out, part);
                    found = true;
                } else {
                    out.write(part);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found) {
            throw new IllegalArgumentException("the workbook has no part " + partName);
        }
        return result.toByteArray();
    }
}
