package io.rollout.gate;

import java.util.Arrays;

/**
 * One reason a gate or check did not pass: a message code of {@code messages/*.properties} and its arguments. Rules
 * return findings so they stay free of Spring; {@link GateDelegate} renders them in the language of the record
 * ({@code Messages.forRecord}). Two findings are equal when code and arguments are equal, so rule tests compare
 * whole findings.
 *
 * @param code a message key, e.g. {@code uat.gate.passRate} or {@code requirements.signoff.approvalMissing}
 * @param args the message arguments
 */
public record Finding(String code, Object... args) {

    /** A finding with the given code and arguments. */
    public static Finding of(String code, Object... args) {
        return new Finding(code, args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Finding f && code.equals(f.code) && Arrays.deepEquals(args, f.args);
    }

    @Override
    public int hashCode() {
        return 31 * code.hashCode() + Arrays.deepHashCode(args);
    }

    @Override
    public String toString() {
        return code + Arrays.deepToString(args);
    }
}
