package io.openfirecluster.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openfirecluster.testsupport.Lab;
import org.junit.jupiter.api.Test;

/** Every domain's users log in on every node of their own domain, without TLS (client TLS is offered, not required). */
class LoginIT {
    @Test
    void usersOfEveryDomainLogInWithoutTls() throws Exception {
        Lab lab = Lab.get();
        Domains domains = Domains.of(lab);
        for (Domains.Domain domain : java.util.List.of(domains.home(), domains.remote())) {
            for (String user : domain.users()) {
                for (String node : domain.nodes()) {
                    try (Client client = Client.login(lab, user, domain, node)) {
                        assertEquals(user + "@" + domain.name(), client.jid().asBareJid().toString(), "logged in on " + node);
                        assertEquals(false, client.connection.isSecureConnection(), "the session on " + node + " must be plain");
                    }
                }
            }
        }
    }
}
