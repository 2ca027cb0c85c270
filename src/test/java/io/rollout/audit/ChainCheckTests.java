package io.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCheckTests {

    static AuditChain.Fields fields(String outcome) {
        return new AuditChain.Fields(
                "ERP-1",
                "uatGate",
                "round 1",
                outcome,
                "",
                null,
                "system",
                null,
                Instant.parse("2026-11-23T10:15:30.123Z"));
    }

    static List<ChainCheck.Stored> chain(String... outcomes) {
        List<ChainCheck.Stored> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < outcomes.length; i++) {
            String hash = AuditChain.hash(previous, i + 1, fields(outcomes[i]));
            chain.add(new ChainCheck.Stored(100 + i, (long) i + 1, previous, hash, fields(outcomes[i])));
            previous = hash;
        }
        return chain;
    }

    @Test
    void anIntactChainAndAnEmptyOnePass() {
        List<ChainCheck.Stored> chain = chain("failed", "passed");

        assertThat(ChainCheck.verify(chain, 2, chain.get(1).recordHash())).isEmpty();
        assertThat(ChainCheck.verify(List.of(), 0, null)).isEmpty();
    }

    @Test
    void theHashCoversEveryFieldAndThePlaceInTheChain() {
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, fields("passed"));

        assertThat(hash)
                .hasSize(64)
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, fields("failed")))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 2, fields("passed")));
        // lengths keep field boundaries: "ab" + "c" differs from "a" + "bc"
        AuditChain.Fields a = new AuditChain.Fields("ERP-1", "ab", "c", "x", null, null, "u", null, null);
        AuditChain.Fields b = new AuditChain.Fields("ERP-1", "a", "bc", "x", null, null, "u", null, null);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, b));
    }

    @Test
    void aChangedRecordIsTheFirstBrokenLink() {
        List<ChainCheck.Stored> chain = new ArrayList<>(chain("failed", "failed", "passed"));
        ChainCheck.Stored second = chain.get(1);
        chain.set(
                1,
                new ChainCheck.Stored(
                        second.id(), second.seq(), second.prevHash(), second.recordHash(), fields("passed")));

        assertThat(ChainCheck.verify(chain, 3, chain.get(2).recordHash())).get().satisfies(b -> {
            assertThat(b.code()).isEqualTo("audit.verify.changed");
            assertThat(b.seq()).isEqualTo(2L);
            assertThat(b.recordId()).isEqualTo(101L);
        });
    }

    @Test
    void aRecordRecomputedByHandBreaksTheNextLink() {
        List<ChainCheck.Stored> chain = new ArrayList<>(chain("failed", "failed", "passed"));
        ChainCheck.Stored second = chain.get(1);
        chain.set(
                1,
                new ChainCheck.Stored(
                        second.id(),
                        2L,
                        second.prevHash(),
                        AuditChain.hash(second.prevHash(), 2, fields("passed")),
                        fields("passed")));

        assertThat(ChainCheck.verify(chain, 3, chain.get(2).recordHash()))
                .get()
                .satisfies(b -> assertThat(b.code()).isEqualTo("audit.verify.prevHash"))
                .satisfies(b -> assertThat(b.seq()).isEqualTo(3L));
    }

    @Test
    void removedRecordsAndUnchainedOnesAreNamed() {
        List<ChainCheck.Stored> chain = chain("failed", "failed", "passed");

        assertThat(ChainCheck.verify(
                        List.of(chain.get(0), chain.get(2)), 3, chain.get(2).recordHash()))
                .get()
                .satisfies(b -> assertThat(b.code()).isEqualTo("audit.verify.gap"));
        assertThat(ChainCheck.verify(chain.subList(0, 2), 3, chain.get(2).recordHash()))
                .get()
                .satisfies(b -> assertThat(b.code()).isEqualTo("audit.verify.head"));
        List<ChainCheck.Stored> withStranger = new ArrayList<>(chain);
        withStranger.add(new ChainCheck.Stored(999, null, null, null, fields("go")));
        assertThat(ChainCheck.verify(withStranger, 3, chain.get(2).recordHash()))
                .get()
                .satisfies(b -> assertThat(b.code()).isEqualTo("audit.verify.unchained"));
    }
}
