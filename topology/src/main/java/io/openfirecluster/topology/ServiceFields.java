package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code <service>} block and the {@code <node>} template of the plugin configuration have in
 * common: every field but the host (a number in a service, an expression in the template), as the
 * pom gives it. Maven sets fields by element name, superclass fields included, so both blocks keep
 * their element names while the fields and the run part are defined once. The fields are
 * package-private, not protected, so they stay out of the public classes' API as before.
 *
 * <p>Lists and the environment are Maven lists and maps, as in the docker-maven-plugin's own
 * configuration ({@code <ports><port>5432:5432</port></ports>}, {@code <env><DB_HOST>db</DB_HOST></env>}):
 * one item a child element, so an item may hold any character, a comma included.
 */
abstract class ServiceFields {
    /** Short name: the holder is "NETWORK-NAME", and NAME and NAME.SUFFIX resolve to it. */
    String name;
    /** More DNS names for it on the lab network. */
    List<String> aliases = new ArrayList<>();
    /** Published ports, HOST:CONTAINER (TCP), bound to the lab's bind address. */
    List<String> ports = new ArrayList<>();
    /** The image that runs in the holder; empty: the holder alone (e.g. a test's own container joins it). */
    String image = "";
    /** What runs, the last part of its container's name: "NETWORK-NAME-PROCESS" (e.g. -xmpp1-openfire). */
    String process = "";
    /** Services that must be healthy before this one starts (the word "nodes" stands for every node). */
    List<String> after = new ArrayList<>();
    /** Environment of its container, NAME to VALUE (the lab adds LAB_SERVICE and LAB_NODES). */
    Map<String, String> env = new LinkedHashMap<>();

    /** For Maven, which then sets the fields from the pom. */
    ServiceFields() {
    }

    /** The network part but the host; the run part stays empty until {@link #setRunPart}. */
    ServiceFields(String name, List<String> aliases, List<String> ports) {
        this.name = name;
        this.aliases = new ArrayList<>(aliases);
        this.ports = new ArrayList<>(ports);
    }

    /** Gives this (a fresh copy) its run part: how the copy-with-run-part methods of the subclasses finish. */
    final void setRunPart(String image, String process, List<String> after, Map<String, String> env) {
        this.image = image;
        this.process = process;
        this.after = new ArrayList<>(after);
        this.env = new LinkedHashMap<>(env);
    }

    /**
     * The items of a list as the pom gave them, trimmed, without empty ones: Maven leaves an item
     * null when its element is empty (e.g. an alias from a property set to nothing).
     */
    static List<String> items(List<String> list) {
        List<String> items = new ArrayList<>();
        if (list != null) {
            for (String item : list) {
                if (item != null && !item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    /** The environment as the pom gave it; an empty element (null from Maven) is an empty value. */
    static Map<String, String> entries(Map<String, String> map) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> entries.put(key, value == null ? "" : value));
        }
        return entries;
    }
}
