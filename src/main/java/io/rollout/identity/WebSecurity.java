package io.rollout.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The application's one security layer (Spring Security). Two filter chains:
 * <ul>
 * <li>The Camunda web apps ({@code /camunda/**}) keep their own session login, CSRF filter and security headers
 * untouched.</li>
 * <li>Everything else. {@code /api/**} and {@code /engine-rest/**} need a login: HTTP basic against Camunda's users
 * for programs and Camunda Modeler ({@link CamundaPasswords}), or — for {@code /api/**} and Rollout's pages — the
 * web apps' session ({@link CamundaSession}), whose requests must carry the session's CSRF token in
 * {@code X-XSRF-TOKEN} (a same-origin link or the address bar may open a read without it). Browser requests from
 * another origin are refused before anything else ({@link CrossOriginFilter}); there is no CORS. Rollout's pages
 * ({@code /audit/}, {@code /dashboard/}, {@code /process-migration/}) send a visitor without a login to the web
 * apps' login. The engine runs each request as its user ({@link EngineAuthenticationFilter}), so Camunda
 * authorizations apply. Every answer carries frame, content-type, content-security and referrer headers. The OpenAPI
 * description and Swagger UI ({@link #API_DOCS}) take the same logins as {@code /api}; {@code /actuator/prometheus}
 * only HTTP basic of a member of {@code camunda-admin} or {@value #MONITORING}; the health probes stay open and tell
 * no details.</li>
 * </ul>
 * The chains run where Camunda's REST authentication ran ({@link #ORDER}, {@code spring.security.filter.order}):
 * before the task query guard and the other filters of {@code /engine-rest}, which therefore see the user.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /** The position of Spring Security's filter among the servlet filters; {@code spring.security.filter.order}. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    static final String LOGIN = "/camunda/app/welcome/default/#!/login";
    static final String SESSION_INFO = "/api/session";
    /** Rollout's own pages, which call {@code /api} with the web apps' session. */
    static final List<String> PAGES = List.of("/audit", "/dashboard", "/process-migration");
    /** The OpenAPI description of {@code /api} and Swagger UI (springdoc), for logged-in users. */
    static final List<String> API_DOCS = List.of("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");
    /** Scraped with HTTP basic by a member of {@code camunda-admin} or {@value #MONITORING}. */
    static final String PROMETHEUS = "/actuator/prometheus";
    /** The group of the technical users that scrape {@value #PROMETHEUS}; created in Camunda Admin or the directory. */
    static final String MONITORING = "monitoring";
    /**
     * Our pages' policy: scripts, styles, images and requests from our own origin only (no inline code), framed only
     * by our own pages (Tasklist frames the task sheet).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";

    private final String restPath;
    private final String webappPath;

    WebSecurity(
            @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.restPath = trim(restPath);
        this.webappPath = trim(webappPath);
    }

    /** Also the answer to an address Spring Security's firewall refuses: Spring Security takes it as a bean. */
    @Bean
    SecurityAnswers securityAnswers(MessageSource messages) {
        return new SecurityAnswers(messages);
    }

    @Bean
    CamundaPasswords camundaPasswords(ObjectProvider<IdentityService> identity) {
        return new CamundaPasswords(identity);
    }

    /** The web apps guard themselves: their login, their CSRF filter, their headers. */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(path(webappPath + "/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // the session is Camunda's: Spring Security neither stores a login in it nor changes its id
                .sessionManagement(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(
            HttpSecurity http,
            SecurityAnswers answers,
            CamundaPasswords passwords,
            ObjectProvider<IdentityService> identity,
            WebSecurityProperties properties)
            throws Exception {
        RequestMatcher api = path("/api/**");
        RequestMatcher pages =
                new OrRequestMatcher(PAGES.stream().map(p -> path(p + "/**")).toList());
        RequestMatcher apiDocs =
                new OrRequestMatcher(API_DOCS.stream().map(WebSecurity::path).toList());
        RequestMatcher sessionRequests = new OrRequestMatcher(api, pages, apiDocs);
        RequestMatcher sessionInfo = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, SESSION_INFO);
        return http.authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                                .permitAll()
                                // Camunda's REST authentication let the list of engine names through: clients probe it
                                .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                        .matcher(HttpMethod.GET, restPath + "/engine"))
                                .permitAll()
                                .requestMatchers(api, path(restPath + "/**"), pages, apiDocs)
                                .authenticated()
                                .requestMatchers(path(PROMETHEUS))
                                .hasAnyAuthority(Roles.ADMIN, MONITORING)
                                .anyRequest()
                                .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(answers))
                .authenticationProvider(passwords)
                .addFilterBefore(
                        new CrossOriginFilter(List.of("/api", restPath), properties.allowedOrigins(), answers),
                        CsrfFilter.class)
                .addFilterAfter(new CamundaSession.Filter(sessionRequests), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(new CamundaSession.TokenRepository())
                        // the raw token as Camunda hands it out, not Spring's per-request masked form
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(request -> api.matches(request)
                                && !sessionInfo.matches(request)
                                && !sameOriginNavigation(request)
                                && CamundaSession.authenticates(request)))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, problem) -> response.sendRedirect(request.getContextPath() + LOGIN),
                                new OrRequestMatcher(pages, swaggerUi()))
                        .defaultAuthenticationEntryPointFor(answers, request -> true)
                        .accessDeniedHandler(answers))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // static pages and scripts keep their validators and caching as before
                        .cacheControl(HeadersConfigurer.CacheControlConfig::disable))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // the session is Camunda's: Spring Security neither stores a login in it nor changes its id
                .sessionManagement(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * A link on our own pages or the address bar opening a read (a CSV or PDF download): it cannot carry a header,
     * and another site cannot start it as same-origin.
     */
    private static boolean sameOriginNavigation(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && "navigate".equals(request.getHeader("Sec-Fetch-Mode"))
                && ("same-origin".equals(site) || "none".equals(site));
    }

    /** Swagger UI is a page: a visitor without a login goes to the web apps' login, as on our pages. */
    private static RequestMatcher swaggerUi() {
        return new OrRequestMatcher(path("/swagger-ui.html"), path("/swagger-ui/**"));
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static String trim(String path) {
        String trimmed = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
