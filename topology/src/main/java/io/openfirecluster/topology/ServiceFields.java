package io.openfirecluster.topology;

/**
 * What a {@code <service>} block and the {@code <node>} template of the plugin configuration have in
 * common: every field but the host (a number in a service, an expression in the template), as the
 * pom gives it. Maven sets fields by element name, superclass fields included, so both blocks keep
 * their element names while the fields and the run part are defined once. The fields are
 * package-private, not protected, so they stay out of the public classes' API as before.
 */
abstract class ServiceFields {
    /** Short name: the holder is "NETWORK-NAME", and NAME and NAME.SUFFIX resolve to it. */
    String name;
    /** More DNS names for it on the lab network. */
    String aliases = "";
    /** Published ports, HOST:CONTAINER (TCP), bound to the lab's bind address. */
    String ports = "";
    /** The image that runs in the holder; empty: the holder alone (e.g. a test's own container joins it). */
    String image = "";
    /** What runs, the last part of its container's name: "NETWORK-NAME-PROCESS" (e.g. -xmpp1-openfire). */
    String process = "";
    /** Services that must be healthy before this one starts (the word "nodes" stands for every node). */
    String after = "";
    /** Environment of its container, NAME=VALUE,... (the lab adds LAB_SERVICE and LAB_NODES). */
    String env = "";

    /** For Maven, which then sets the fields from the pom. */
    ServiceFields() {
    }

    /** The network part but the host; the run part stays empty until {@link #setRunPart}. */
    ServiceFields(String name, String aliases, String ports) {
        this.name = name;
        this.aliases = aliases;
        this.ports = ports;
    }

    /** Gives this (a fresh copy) its run part: how the copy-with-run-part methods of the subclasses finish. */
    final void setRunPart(String image, String process, String after, String env) {
        this.image = image;
        this.process = process;
        this.after = after;
        this.env = env;
    }
}
