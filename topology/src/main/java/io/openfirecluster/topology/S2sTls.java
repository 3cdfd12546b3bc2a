package io.openfirecluster.topology;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lab's server-to-server TLS policy ({@code -Dlab.s2s.tls}), the same for every domain: the
 * Openfire properties it stands for are seeded into every domain's database (lab:up). Server
 * dialback stays Openfire's default (enabled) in every policy.
 *
 * <p>Openfire 5.1.1 reads {@code xmpp.server.tls.policy} (ConnectionSettings.Server.TLS_POLICY)
 * for the s2s listener and for outgoing connections (DNSUtil), and
 * {@code xmpp.socket.ssl.certificate.strict-validation} (ConnectionSettings.Server
 * .STRICT_CERTIFICATE_VALIDATION; the s2s listener's prefix xmpp.socket.ssl. + certificate.strict-validation):
 * when true, a peer whose certificate does not validate for its domain is refused instead of
 * falling back to dialback over unauthenticated TLS.
 */
public enum S2sTls {
    /** TLS on every s2s connection, and a peer certificate that validates (the lab's CA) or no session. */
    REQUIRED("required", true),
    /** TLS when both sides offer it; a peer certificate that does not validate falls back to dialback. */
    OPTIONAL("optional", false),
    /** No TLS on s2s: plain connections authenticated by dialback. */
    DISABLED("disabled", false);

    public static final String TLS_POLICY = "xmpp.server.tls.policy";
    public static final String STRICT_VALIDATION = "xmpp.socket.ssl.certificate.strict-validation";

    private final String policy;
    private final boolean strict;

    S2sTls(String policy, boolean strict) {
        this.policy = policy;
        this.strict = strict;
    }

    /** VALUE of -Dlab.s2s.tls (any case); one line naming the choices for anything else. */
    public static S2sTls parse(String value) {
        String given = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.policy.equals(given)).findFirst()
                .orElseThrow(() -> new LabException("lab.s2s.tls=" + value + " is not a server-to-server TLS policy: give required (the default), optional or disabled"));
    }

    /** The Openfire properties of this policy, name to value. */
    public Map<String, String> openfireProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(TLS_POLICY, policy);
        properties.put(STRICT_VALIDATION, Boolean.toString(strict));
        return properties;
    }

    @Override
    public String toString() {
        return policy;
    }
}
