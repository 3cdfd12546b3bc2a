package io.openfirecluster.db;

import java.util.Map;
import org.flywaydb.core.api.migration.Context;

/** The Flyway placeholders of this module's migrations (set in db/flyway.conf). */
public final class Placeholders {

    public static final String XMPP_DOMAIN = "xmpp_domain";
    public static final String ADMIN_PASSWORD = "admin_password";
    public static final String USER_PASSWORD = "user_password";

    private Placeholders() {
    }

    /** The value of a placeholder; fails if the configuration does not define it. */
    public static String get(Context context, String name) {
        Map<String, String> placeholders = context.getConfiguration().getPlaceholders();
        String value = placeholders.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("Flyway placeholder '" + name + "' is not set (see db/flyway.conf)");
        }
        return value;
    }
}
