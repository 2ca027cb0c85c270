package io.rollout.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;

/** The customer's example files (demo/erp-case) and variants of them for the migration tests. */
final class Extracts {

    static final String CUSTOMERS = "legacy-customers.csv";
    static final String MATERIALS = "legacy-materials.xlsx";
    static final ObjectMapper JSON = new ObjectMapper();

    private Extracts() {}

    static byte[] bytes(String name) {
        try (InputStream in = new ClassPathResource("demo/erp-case/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String customersText() {
        return new String(bytes(CUSTOMERS), StandardCharsets.UTF_8);
    }

    /** The dataset definition of the demo project (demo/erp-case/datasets/NAME.json). */
    static DatasetDefinition definition(String dataset) {
        try {
            return JSON.readValue(bytes("datasets/" + dataset + ".json"), DatasetDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text, Charset charset) {
        return write(dir, name, text.getBytes(charset));
    }

    static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }
}
