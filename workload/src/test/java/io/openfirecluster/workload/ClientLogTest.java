package io.openfirecluster.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client library's lines land in the file next to the reports and never reach the console's handlers. */
class ClientLogTest {
    @TempDir
    Path reports;

    @Test
    void smacksWarningsGoToTheFileAndNotToTheRootLoggersHandlers() throws Exception {
        List<LogRecord> console = new ArrayList<>();
        Handler root = new Handler() {
            @Override
            public void publish(LogRecord record) {
                console.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger rootLogger = Logger.getLogger("");
        Handler[] consoleHandlers = rootLogger.getHandlers();
        for (Handler h : consoleHandlers) {
            rootLogger.removeHandler(h);
        }
        rootLogger.addHandler(root);
        try {
            Path file = ClientLog.toFile(reports.resolve("lab-reports"));
            assertEquals(reports.resolve("lab-reports/smack.log").toAbsolutePath(), file);
            Logger.getLogger("org.jivesoftware.smack.roster.Roster").warning("Exotic presence stanza without from");
            Logger.getLogger("org.jxmpp.jid.impl.JidCreate").warning("a JID library line");
            Logger.getLogger("io.openfirecluster.lab").warning("the lab's own line");
            for (Handler h : Logger.getLogger("org.jivesoftware").getHandlers()) {
                h.flush();
            }
            String written = Files.readString(file);
            assertTrue(written.contains("Exotic presence stanza without from"), written);
            assertTrue(written.contains("a JID library line"), written);
            assertTrue(!written.contains("the lab's own line"), written);
            assertEquals(List.of("the lab's own line"), console.stream().map(LogRecord::getMessage).toList());
        } finally {
            rootLogger.removeHandler(root);
            for (Handler h : consoleHandlers) {
                rootLogger.addHandler(h);
            }
        }
    }
}
