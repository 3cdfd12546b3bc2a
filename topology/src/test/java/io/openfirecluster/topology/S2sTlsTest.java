package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** -Dlab.s2s.tls: the Openfire properties each policy stands for, and one line for anything else. */
class S2sTlsTest {
    @Test
    void requiredIsTlsWithStrictCertificateValidation() {
        assertEquals(Map.of("xmpp.server.tls.policy", "required", "xmpp.socket.ssl.certificate.strict-validation", "true"),
                S2sTls.parse("required").openfireProperties());
    }

    @Test
    void optionalAndDisabledDoNotRefuseAPeerForItsCertificate() {
        assertEquals(Map.of("xmpp.server.tls.policy", "optional", "xmpp.socket.ssl.certificate.strict-validation", "false"),
                S2sTls.parse(" Optional ").openfireProperties());
        assertEquals(Map.of("xmpp.server.tls.policy", "disabled", "xmpp.socket.ssl.certificate.strict-validation", "false"),
                S2sTls.parse("disabled").openfireProperties());
    }

    @Test
    void anythingElseStopsInOneLine() {
        assertEquals("lab.s2s.tls=strict is not a server-to-server TLS policy: give required (the default), optional or disabled",
                assertThrows(LabException.class, () -> S2sTls.parse("strict")).getMessage());
    }

    @Test
    void theUsersOpenfirePropertiesWinOverThePolicys() {
        OpenfireProperties seeded = OpenfireProperties.parse("xmpp.server.tls.policy=optional,a=1", null)
                .over(S2sTls.REQUIRED.openfireProperties());
        assertEquals(Map.of("xmpp.server.tls.policy", "optional", "xmpp.socket.ssl.certificate.strict-validation", "true", "a", "1"),
                seeded.values());
    }
}
