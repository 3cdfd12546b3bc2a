package io.openfirecluster.dist;

import java.net.URI;

/**
 * Where Openfire's releases are published, under one base URL (-Dopenfire.download.base): the
 * server tarball by version, and the Hazelcast plugin's jar by its version.
 */
record Releases(String base) {
    /** Openfire's own download location. */
    static final String IGNITEREALTIME = "https://www.igniterealtime.org";

    URI openfire(String version) {
        return URI.create(trimmed() + "/downloadServlet?filename=openfire/openfire_" + version.replace('.', '_') + ".tar.gz");
    }

    URI hazelcastPlugin(String version) {
        return URI.create(trimmed() + "/projects/openfire/plugins/" + version + "/hazelcast.jar");
    }

    private String trimmed() {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
