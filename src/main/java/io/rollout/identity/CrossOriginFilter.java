package io.rollout.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses browser requests to {@code /api} and {@code /engine-rest} that another site made: a browser repeats a
 * cached basic login and the session cookie on a form post or a script's request from any site, so neither proves
 * the user meant it. The browser's {@code Origin} header must be the application's own origin (scheme, host and
 * port of the request, as {@code X-Forwarded-*} headers tell them behind a proxy) or one of
 * {@code rollout.security.allowed-origins}; without {@code Origin}, {@code Sec-Fetch-Site} must not say
 * {@code cross-site} or {@code same-site}, and a modifying request's {@code Referer} must be ours. Programs such as
 * Camunda Modeler send none of these headers and pass. A link or the address bar may still open a read ({@code GET}
 * navigation): the answer goes to the user's screen, not to the other site. The refusal is 403 naming the origin,
 * before anything runs.
 */
class CrossOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> paths;
    private final List<String> allowedOrigins;
    private final SecurityAnswers answers;

    CrossOriginFilter(List<String> paths, List<String> allowedOrigins, SecurityAnswers answers) {
        this.paths = List.copyOf(paths);
        this.allowedOrigins =
                allowedOrigins.stream().map(CrossOriginFilter::normalized).toList();
        this.answers = answers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String foreign = foreignOrigin(request);
        if (foreign != null) {
            answers.write(request, response, HttpServletResponse.SC_FORBIDDEN, "security.crossOrigin", foreign);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The other site a request comes from, or {@code null} when it is ours or a program's. */
    String foreignOrigin(HttpServletRequest request) {
        boolean safe = SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT));
        if (safe && "navigate".equals(request.getHeader("Sec-Fetch-Mode"))) {
            return null;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return allowed(request, origin) ? null : origin;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(site) || "same-site".equals(site)) {
            return "Sec-Fetch-Site: " + site;
        }
        String referer = request.getHeader("Referer");
        if (!safe && site == null && referer != null && !allowed(request, referer)) {
            String from = normalized(referer);
            return from == null ? referer : from;
        }
        return null;
    }

    private boolean allowed(HttpServletRequest request, String origin) {
        String from = normalized(origin);
        if (from == null) {
            // "null" (a sandboxed frame, a file, a redirect across sites) or garbage: never ours
            return false;
        }
        String own = normalized(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return from.equals(own) || allowedOrigins.contains(from);
    }

    /** {@code scheme://host:port} in lower case with the scheme's default port spelled out, or {@code null}. */
    static String normalized(String url) {
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port =
                    uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
