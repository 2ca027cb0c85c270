package io.rollout.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The largest file a user may upload to an import ({@code rollout.uploads.max-size}, default 10 MB): requirement,
 * test-case and attendance imports, dataset definitions, the task sheet (which keeps its own smaller limit). The
 * migration's extracts have their own, larger {@code rollout.migration.max-upload-size}. A larger upload answers 413
 * naming the limit, checked before the file is read: the request's Content-Length ({@link UploadLimitFilter}), the
 * multipart part's size, and while a body without a length is read.
 */
@Component
public class UploadLimit {

    private final long maxBytes;
    private final Messages messages;

    UploadLimit(@Value("${rollout.uploads.max-size:10MB}") DataSize maxSize, Messages messages) {
        this.maxBytes = maxSize.toBytes();
        this.messages = messages;
    }

    /** The limit in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The bytes of an uploaded part; 413 when it is larger than the limit (nothing of it is read then). */
    public byte[] read(MultipartFile file) {
        if (file.getSize() > maxBytes) {
            throw tooLarge(file.getSize());
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a request body, read up to the limit; 413 as soon as there are more. */
    public byte[] read(InputStream body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge(out.size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The refusal of an upload of {@code sent} bytes, naming the limit. */
    public ResponseStatusException tooLarge(long sent) {
        return new ResponseStatusException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                messages.get("form.file.tooLarge", megabytes(maxBytes), String.valueOf(sent)));
    }

    static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb * 1024 * 1024 == bytes ? String.valueOf(mb) : String.format("%.1f", bytes / (1024.0 * 1024));
    }
}
