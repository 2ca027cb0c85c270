package io.rollout.requirements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fingerprint of a specification: SHA-256 over its requirement rows sorted by id (content fields only,
 * not who edited them when, nor where the loop stands, but whether the requirement was withdrawn, and the solution
 * note the owners read when they approve), so {@code requirementSignOff} can tell whether anything changed after a
 * version was frozen. Plain class.
 */
final class SpecificationHash {

    private SpecificationHash() {}

    static String of(List<Requirement> requirements) {
        StringBuilder text = new StringBuilder();
        requirements.stream().sorted(Comparator.comparing(Requirement::reqId)).forEach(r -> {
            Stream.of(
                            r.reqId(),
                            r.department(),
                            r.title(),
                            r.painPoint(),
                            r.goal(),
                            r.expectedEffect(),
                            r.priority(),
                            r.acceptanceCriterion(),
                            r.solutionMatch())
                    // a unit separator between fields and a marker for null keep "a|b" and "ab|" apart
                    .forEach(field ->
                            text.append(field == null ? "\u0000" : field).append('\u001f'));
            if (r.solutionNote() != null) {
                // only when there is one: versions frozen before notes existed keep their hash
                text.append("note:").append(r.solutionNote()).append('\u001f');
            }
            if (r.isWithdrawn()) {
                // withdrawing a requirement changes the specification; the loop's other statuses don't
                text.append(Requirement.WITHDRAWN).append('\u001f');
            }
            text.append('\u001e');
        });
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
