package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests {@link CrossOriginFilter} takes for another site's, without the application. */
class CrossOriginFilterTests {

    final CrossOriginFilter filter =
            new CrossOriginFilter(List.of("/api", "/engine-rest"), List.of("https://Rollout.Example.com"), null);

    @Test
    void theOwnOriginWithOrWithoutItsDefaultPortIsOurs() {
        assertThat(filter.foreignOrigin(request("POST", "Origin", "https://app.example.org")))
                .isNull();
        assertThat(filter.foreignOrigin(request("POST", "Origin", "https://app.example.org:443")))
                .isNull();
        assertThat(filter.foreignOrigin(request("POST", "Origin", "http://app.example.org")))
                .isEqualTo("http://app.example.org");
        assertThat(filter.foreignOrigin(request("POST", "Origin", "https://app.example.org.evil.example")))
                .isEqualTo("https://app.example.org.evil.example");
    }

    @Test
    void aConfiguredOriginIsAllowedWhateverItsCase() {
        assertThat(filter.foreignOrigin(request("POST", "Origin", "https://rollout.example.com")))
                .isNull();
        assertThat(filter.foreignOrigin(request("POST", "Origin", "https://rollout.example.com:8443")))
                .isEqualTo("https://rollout.example.com:8443");
    }

    @Test
    void withoutOriginTheFetchSiteAndTheRefererDecide() {
        assertThat(filter.foreignOrigin(request("GET", "Sec-Fetch-Site", "cross-site")))
                .isEqualTo("Sec-Fetch-Site: cross-site");
        assertThat(filter.foreignOrigin(request("GET", "Sec-Fetch-Site", "same-site")))
                .isEqualTo("Sec-Fetch-Site: same-site");
        assertThat(filter.foreignOrigin(request("GET", "Sec-Fetch-Site", "same-origin")))
                .isNull();
        assertThat(filter.foreignOrigin(request("PUT", "Referer", "https://evil.example/page?x=1")))
                .isEqualTo("https://evil.example:443");
        assertThat(filter.foreignOrigin(request("PUT", "Referer", "https://app.example.org/audit/")))
                .isNull();
        // a read's Referer says nothing about who wants the change; programs send none of these headers
        assertThat(filter.foreignOrigin(request("GET", "Referer", "https://evil.example/")))
                .isNull();
        assertThat(filter.foreignOrigin(request("POST", "Accept", "application/json")))
                .isNull();
    }

    @Test
    void aLinkFromAnotherSiteMayOpenAReadButNotAChange() {
        MockHttpServletRequest link = request("GET", "Sec-Fetch-Site", "cross-site");
        link.addHeader("Sec-Fetch-Mode", "navigate");
        assertThat(filter.foreignOrigin(link)).isNull();
        MockHttpServletRequest form = request("POST", "Origin", "https://evil.example");
        form.addHeader("Sec-Fetch-Mode", "navigate");
        assertThat(filter.foreignOrigin(form)).isEqualTo("https://evil.example");
    }

    @Test
    void anOpaqueOrGarbledOriginIsNeverOurs() {
        assertThat(filter.foreignOrigin(request("POST", "Origin", "null"))).isEqualTo("null");
        assertThat(filter.foreignOrigin(request("POST", "Origin", "not a url"))).isEqualTo("not a url");
    }

    @Test
    void onlyTheApiPathsAreChecked() {
        assertThat(filter.shouldNotFilter(path("/api/projects"))).isFalse();
        assertThat(filter.shouldNotFilter(path("/engine-rest/deployment/create")))
                .isFalse();
        assertThat(filter.shouldNotFilter(path("/audit/"))).isTrue();
        assertThat(filter.shouldNotFilter(path("/apiary"))).isTrue();
    }

    private static MockHttpServletRequest request(String method, String header, String value) {
        MockHttpServletRequest request = path("/api/projects");
        request.setMethod(method);
        request.addHeader(header, value);
        return request;
    }

    private static MockHttpServletRequest path(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setScheme("https");
        request.setServerName("app.example.org");
        request.setServerPort(443);
        return request;
    }
}
