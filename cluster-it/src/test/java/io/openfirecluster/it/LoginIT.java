package io.openfirecluster.it;

import io.openfirecluster.testsupport.Lab;

import io.openfirecluster.testsupport.Xmpp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both users log in on every node directly and through the load balancer, always over STARTTLS. */
class LoginIT {
    static Stream<Arguments> usersAndEntryPoints() {
        return Stream.of("user1", "user2").flatMap(user ->
                Stream.concat(Lab.get().nodes().stream(), Stream.of("lb")).map(entry -> Arguments.of(user, entry)));
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("usersAndEntryPoints")
    void userLogsInOverStartTls(String user, String entry) throws Exception {
        // The client insists on STARTTLS (LabClients): without it the login fails.
        try (Xmpp session = Xmpp.login(user, entry)) {
            assertEquals(Xmpp.jid(user), session.connection.getUser().asEntityBareJid());
        }
    }
}
