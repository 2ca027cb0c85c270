package io.rollout.identity;

import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused administrator password into a plain start-up message instead of a stack trace. */
class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeakAdminPasswordException cause) {
        // the message source is not available once the context failed: read the bundle directly
        ResourceBundle bundle = ResourceBundle.getBundle("messages/core", Locale.ROOT);
        String text = new java.text.MessageFormat(bundle.getString(cause.messageCode()), Locale.ROOT)
                .format(new Object[] {cause.reason()});
        return new FailureAnalysis(
                text,
                "Set ROLLOUT_ADMIN_USER and ROLLOUT_ADMIN_PASSWORD in the environment, take the users from the company's "
                        + "directory with the profile ldap (README \"Logging in with LDAP or Active Directory\"), or run the demo "
                        + "with -Dspring-boot.run.profiles=demo.",
                cause);
    }
}
