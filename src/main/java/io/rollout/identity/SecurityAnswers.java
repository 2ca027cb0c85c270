package io.rollout.identity;

import io.rollout.shared.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answers of the security layer, in the shape of Rollout's API errors ({@code {"errors": [...]}}) and in the
 * caller's language: 401 when a login is missing or wrong, 403 for a missing CSRF token or a request from another
 * site, 400 for an address the firewall refuses. A program (no {@code Sec-Fetch-Mode} header) is asked for basic credentials with {@code WWW-Authenticate} as
 * Camunda's REST authentication did; a browser is not, so it never shows a password prompt nor keeps a basic login
 * that other sites could make it send.
 */
class SecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final MessageSource messages;

    SecurityAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
            throws IOException {
        if (request.getHeader("Sec-Fetch-Mode") == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"default\"");
        }
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "security.login");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException problem)
            throws IOException {
        write(
                request,
                response,
                HttpServletResponse.SC_FORBIDDEN,
                problem instanceof CsrfException ? "security.session.csrfToken" : "security.forbidden");
    }

    /** Spring Security's firewall refused the address ({@code //}, {@code ;}, an encoded {@code /} or {@code ..}). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException problem)
            throws IOException {
        write(request, response, HttpServletResponse.SC_BAD_REQUEST, "security.rejectedAddress");
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, Object... args)
            throws IOException {
        // before Spring MVC's locale resolution: the language comes from the request itself
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH : request.getLocale();
        ApiErrors.write(response, status, messages.getMessage(code, args, locale));
    }
}
