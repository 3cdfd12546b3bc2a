package io.openfirecluster.workload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where the XMPP client library's own logging goes: Smack (and the JID and DNS libraries under it)
 * logs through java.util.logging, hundreds of lines in a run with faults ("Exotic presence stanza
 * without from", its roster's exceptions after a crash). That goes to a file next to the reports,
 * never to the console, which is left to the lab's own lines.
 */
public final class ClientLog {
    /** The file's name, in the reports directory. */
    public static final String FILE = "smack.log";

    private static final List<String> LIBRARIES = List.of("org.jivesoftware", "org.jxmpp", "org.minidns");
    /** java.util.logging holds loggers weakly: a configured logger is kept here, or it forgets its handler. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();
    private static Handler handler;
    private static Path current;

    /**
     * For the integration tests' JVM ({@code -Djava.util.logging.config.class}, cluster-it's
     * failsafe): java.util.logging's default console output for everything else, the client
     * library into {@code ${lab.reports}/smack.log}, named in one line.
     */
    public ClientLog() throws IOException {
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(
                "handlers=java.util.logging.ConsoleHandler\n.level=INFO\n".getBytes(StandardCharsets.US_ASCII)));
        String reports = System.getProperty("lab.reports");
        if (reports != null && !reports.isBlank()) {
            System.out.println("[lab] the XMPP client library logs to " + toFile(Path.of(reports)));
        }
    }

    /** Sends the client library's logging to REPORTS/smack.log (appending) and nowhere else; returns that file. */
    public static synchronized Path toFile(Path reports) throws IOException {
        Path file = reports.resolve(FILE).toAbsolutePath();
        if (file.equals(current)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        // "%" starts a pattern element in FileHandler's file name: a literal one is "%%".
        FileHandler next = new FileHandler(file.toString().replace("%", "%%"), true);
        next.setFormatter(new SimpleFormatter());
        for (String library : LIBRARIES) {
            Logger logger = Logger.getLogger(library);
            if (handler != null) {
                logger.removeHandler(handler);
            }
            logger.addHandler(next);
            logger.setUseParentHandlers(false);
            if (!CONFIGURED.contains(logger)) {
                CONFIGURED.add(logger);
            }
        }
        if (handler != null) {
            handler.close();
        }
        handler = next;
        current = file;
        return file;
    }
}
