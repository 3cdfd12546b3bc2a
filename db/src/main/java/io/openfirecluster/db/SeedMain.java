package io.openfirecluster.db;

import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs at image build, inside the build container, against the freshly initialised PostgreSQL:
 * applies the base migrations (not the datasets), so the image carries the known state and
 * {@code flyway_schema_history}.
 *
 * <p>Usage: {@code java -cp 'lib/*' io.openfirecluster.db.SeedMain jdbc:postgresql://127.0.0.1:5432/openfire}
 */
public final class SeedMain {

    private SeedMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SeedMain JDBC_URL");
            System.exit(2);
        }
        MigrateResult result = DbFlyway.configure(args[0]).load().migrate();
        if (!result.success) {
            throw new IllegalStateException("Flyway migrate failed: " + result.warnings);
        }
        System.out.printf("[seed] applied %d migrations, schema version %s%n",
                result.migrationsExecuted, result.targetSchemaVersion);
    }
}
