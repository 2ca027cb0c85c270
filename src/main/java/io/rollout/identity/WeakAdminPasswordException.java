package io.rollout.identity;

/** Raised at start-up when the administrator password from the environment must not be used. */
class WeakAdminPasswordException extends IllegalStateException {

    private final String messageCode;
    private final String reason;

    WeakAdminPasswordException(String messageCode, String reason) {
        super(messageCode + (reason == null ? "" : ": " + reason));
        this.messageCode = messageCode;
        this.reason = reason;
    }

    String messageCode() {
        return messageCode;
    }

    String reason() {
        return reason;
    }
}
