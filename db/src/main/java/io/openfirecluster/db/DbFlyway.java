package io.openfirecluster.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The Flyway configuration of this module for Java callers (the image build and the tests):
 * {@code db/flyway.conf} from the classpath, the base location, and a JDBC url.
 */
public final class DbFlyway {

    /** The migrations that make up the image's known state. */
    public static final String BASE_LOCATION = "classpath:db/migration";

    /** The datasets of this module; each name is also its Flyway location. */
    public static final List<String> DATASETS = List.of("rooms-50", "rooms-10000", "messages", "users-10000");

    private static final String CONFIG = "db/flyway.conf";

    private DbFlyway() {
    }

    /** Flyway for {@code url} with the base location plus {@code extraLocations} (e.g. datasets). */
    public static FluentConfiguration configure(String url, String... extraLocations) {
        List<String> locations = new ArrayList<>();
        locations.add(BASE_LOCATION);
        locations.addAll(List.of(extraLocations));
        return Flyway.configure(DbFlyway.class.getClassLoader())
                .configuration(config())
                .dataSource(url, config().getProperty("flyway.user"), config().getProperty("flyway.password"))
                .locations(locations.toArray(String[]::new));
    }

    /** The contents of db/flyway.conf. */
    public static Properties config() {
        Properties properties = new Properties();
        try (InputStream in = DbFlyway.class.getClassLoader().getResourceAsStream(CONFIG)) {
            if (in == null) {
                throw new IllegalStateException(CONFIG + " is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CONFIG, e);
        }
        return properties;
    }
}
