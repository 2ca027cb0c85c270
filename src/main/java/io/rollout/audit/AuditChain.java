package io.rollout.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain of the decision log: a record's hash is SHA-256 over the previous record's hash, its
 * place in the project's chain and every stored field, each written with its length so that no two
 * different records give the same text. The first record of a project follows {@link #GENESIS}.
 * Plain Java: no Spring, no database.
 */
public final class AuditChain {

    /** The "previous hash" of a project's first record. */
    public static final String GENESIS = "0".repeat(64);

    /** The stored fields of one record, as hashed. */
    public record Fields(
            String projectCode,
            String decision,
            String subject,
            String outcome,
            String findings,
            String inputs,
            String decidedBy,
            String processInstanceId,
            Instant decidedAt) {}

    public static String hash(String previousHash, long seq, Fields f) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {
            previousHash,
            Long.toString(seq),
            f.projectCode(),
            f.decision(),
            f.subject(),
            f.outcome(),
            f.findings(),
            f.inputs(),
            f.decidedBy(),
            f.processInstanceId(),
            f.decidedAt() == null ? null : Long.toString(f.decidedAt().toEpochMilli())
        }) {
            text.append(part == null ? "-1:" : part.length() + ":" + part).append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private AuditChain() {}
}
