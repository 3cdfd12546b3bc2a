package io.openfirecluster.it;


import io.openfirecluster.testsupport.Lab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every node serves the admin console, and the seeded admin can log in to it. */
class AdminConsoleIT {
    private static final String ADMIN_PASSWORD = System.getProperty("admin.password", "admin");

    static java.util.List<String> nodes() {
        return Lab.get().nodes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void loginPageAnswers(String node) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(console(node, "/login.jsp")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"password\""), "no login form on " + node);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void adminLogsIn(String node) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        // The login form carries a CSRF token that must come back with the same cookie.
        String form = browser.send(HttpRequest.newBuilder(console(node, "/login.jsp")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(csrf.find(), "no CSRF token in the login form");
        String fields = "url=%2Findex.jsp&login=true&username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(console(node, "/login.jsp"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), "admin login was refused on " + node);
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("index.jsp"));
        // The session now opens the console, which sends a visitor without one back to the login page.
        HttpResponse<String> index = browser.send(HttpRequest.newBuilder(console(node, "/index.jsp")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(!index.body().contains("name=\"password\"") && index.body().contains("admin"), "the console did not open for admin on " + node);
        HttpResponse<String> stranger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(console(node, "/index.jsp")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, stranger.statusCode(), "the console opened without a login on " + node);
    }

    private static URI console(String node, String path) {
        Lab lab = Lab.get();
        return URI.create("http://" + lab.topology().bind(node) + ":" + lab.topology().hostPort(node, 9090) + path);
    }
}
