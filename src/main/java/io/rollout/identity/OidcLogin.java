package io.rollout.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single sign-on with the company's OpenID Connect provider (profile {@code oidc}). People log in at the provider
 * instead of Camunda's login form: opening Tasklist, Cockpit, Admin or Welcome without a login sends the browser to
 * the provider ({@code spring.security.oauth2.client.registration.rollout}); back from it, Spring Security keeps the
 * login in the HTTP session and Camunda's {@link ContainerBasedAuthenticationFilter} logs the person in to the web
 * apps from it ({@link OidcWebappAuthentication}, user and groups by {@link OidcUsers}). Rollout's pages and
 * {@code /api} then run with the web apps' login as without the profile ({@link CamundaSession}), with the same
 * CSRF token and origin checks; programs and Camunda Modeler keep basic authentication on {@code /engine-rest}.
 * Logging out of the web apps ends the Spring Security login too.
 * <p>
 * This chain replaces {@link WebSecurity}'s chain of the web apps (same paths, earlier), which stays as it is
 * without the profile. Camunda's own CSRF filter and headers of the web apps stay on.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
class OidcLogin {

    /** The registration of the provider under {@code spring.security.oauth2.client.registration}. */
    static final String REGISTRATION = "rollout";

    private final String webappPath;

    OidcLogin(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        this.webappPath = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
    }

    @Bean
    OidcUsers oidcUsers(OidcProperties properties, ObjectProvider<IdentityService> identity) {
        return new OidcUsers(properties, identity);
    }

    @Bean
    @Order(0)
    SecurityFilterChain singleSignOn(HttpSecurity http, OidcUsers users, SecurityAnswers answers) throws Exception {
        RequestMatcher webapps = path(webappPath + "/**");
        RequestMatcher webappApi = path(webappPath + "/api/**");
        return http.securityMatcher(new OrRequestMatcher(webapps, path("/oauth2/**"), path("/login/oauth2/**")))
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                                .permitAll()
                                .requestMatchers(webapps)
                                .authenticated()
                                .anyRequest()
                                .permitAll())
                .oauth2Login(login -> login.userInfoEndpoint(info -> info.oidcUserService(users))
                        .defaultSuccessUrl(webappPath + "/app/", false)
                        .failureHandler((request, response, problem) -> answers.write(
                                request,
                                response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "security.oidc.failed",
                                problem.getMessage())))
                .exceptionHandling(errors -> errors
                        // the web apps' scripts are answered, only a page is sent to the provider
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION),
                                request -> true))
                .addFilterAfter(new LogoutFilter(webappPath), SecurityContextHolderFilter.class)
                // the web apps keep their own CSRF filter, headers and logout
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Logs the person in to the web apps from the Spring Security login, after Spring Security, before Camunda. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter() {
                    @Override
                    public void init(FilterConfig config) {
                        authenticationProvider = new OidcWebappAuthentication();
                    }
                });
        registration.setName("Rollout single sign-on of the web apps");
        registration.setOrder(WebSecurity.ORDER + 1);
        registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * The web apps' logout ({@code POST .../auth/user/{engine}/logout}) removes only Camunda's login from the
     * session; the Spring Security login would log the person straight back in. Once Camunda's logout succeeded
     * (its CSRF check included), the session ends.
     */
    static final class LogoutFilter extends OncePerRequestFilter {

        private final RequestMatcher logout;

        LogoutFilter(String webappPath) {
            this.logout = PathPatternRequestMatcher.withDefaults()
                    .matcher(HttpMethod.POST, webappPath + "/api/admin/auth/user/*/logout");
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !logout.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if (response.getStatus() < 300) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
    }
}
