package io.rollout.audit;

import java.util.List;
import java.util.Optional;

/**
 * Walks a project's decision-log chain and names the first broken link: a record whose fields no longer
 * give its hash (changed), whose previous hash is not the hash of the record before it or whose place is
 * not the next one (a record removed or inserted), a record without a hash (added outside the
 * application), or a chain that ends before the head the project keeps (last records removed).
 * Plain Java: no Spring, no database.
 */
final class ChainCheck {

    /** One stored record as read back, in chain order. */
    record Stored(long id, Long seq, String prevHash, String recordHash, AuditChain.Fields fields) {}

    /** The first broken link: the record (or {@code null} for the head) and a message code with its arguments. */
    record Break(Long seq, Long recordId, String code, Object... args) {}

    static Optional<Break> verify(List<Stored> chain, long headSeq, String headHash) {
        String previous = AuditChain.GENESIS;
        long expected = 1;
        for (Stored s : chain) {
            if (s.seq() == null || s.recordHash() == null) {
                return Optional.of(new Break(s.seq(), s.id(), "audit.verify.unchained", s.id()));
            }
            if (s.seq() != expected) {
                return Optional.of(new Break(s.seq(), s.id(), "audit.verify.gap", expected, s.seq()));
            }
            if (!previous.equals(s.prevHash())) {
                return Optional.of(new Break(s.seq(), s.id(), "audit.verify.prevHash", s.seq()));
            }
            if (!AuditChain.hash(previous, s.seq(), s.fields()).equals(s.recordHash())) {
                return Optional.of(new Break(s.seq(), s.id(), "audit.verify.changed", s.seq(), s.id()));
            }
            previous = s.recordHash();
            expected++;
        }
        long last = expected - 1;
        if (last != headSeq || (headSeq > 0 && !previous.equals(headHash))) {
            return Optional.of(new Break(null, null, "audit.verify.head", headSeq, last));
        }
        return Optional.empty();
    }

    private ChainCheck() {}
}
