#!/bin/sh
# Gives this container its node identity, then runs Openfire in the foreground.
# The templates were rendered from the lab topology at build time; only what differs per node
# (its name, the cluster members' addresses, the address family) is filled in here.
set -eu
# The lab names the node's service LAB_SERVICE (its compose file does); NODE_NAME wins when set by hand.
NODE_NAME=${NODE_NAME:-${LAB_SERVICE:-}}
: "${NODE_NAME:?neither NODE_NAME nor LAB_SERVICE is set: run this image with NODE_NAME=xmpp1 (the node's name on the lab network)}"
# IPv6 is preferred inside a dual-stack lab: "auto" (the default) means "if the nodes have IPv6 addresses".
if [ "$PREFER_IPV6" = auto ]; then
  PREFER_IPV6=false
  getent ahostsv6 "$NODES_ALIAS" | grep -qv '^::ffff:' && PREFER_IPV6=true  # not IPv4-mapped
fi
family=v4
ipv4_stack=true
if [ "$PREFER_IPV6" = true ]; then family=v6; ipv4_stack=false; fi

# Cluster members: every address the nodes' shared DNS name has on the lab network.
members=$(getent "ahosts$family" "$NODES_ALIAS" | awk '{print $1}' | sort -u | sed 's|.*|<member>&</member>|' | tr -d '\n')
[ -n "$members" ] || { echo "entrypoint: $NODES_ALIAS has no $family address: is this node on the lab network?" >&2; exit 1; }

lab=/opt/openfire-lab
sed -e "s|{{NODE_FQDN}}|$NODE_NAME.$DNS_SUFFIX|" -e "s|{{DB_HOST}}|$DB_HOST|" "$lab/openfire.xml" > conf/openfire.xml
sed "s|{{MEMBERS}}|$members|" "$lab/hazelcast-local-config.xml" > conf/hazelcast-local-config.xml
echo "entrypoint: node $NODE_NAME.$DNS_SUFFIX, cluster members $members"

# The archive the image's training boot made is a CDS archive (openfire.jsa, Java 17 and 21) or an
# ahead-of-time cache (openfire.aot, Java 25). The lab's tuning names the CDS archive; on an image
# with an AOT cache that means the cache. A JVM that rejects either boots without it and logs why.
JVM_TUNING=${JVM_TUNING:-}
if [ -f "$lab/openfire.aot" ]; then
  JVM_TUNING=$(echo "$JVM_TUNING" | sed "s|-XX:SharedArchiveFile=$lab/openfire.jsa|-XX:AOTCache=$lab/openfire.aot|")
fi

# --- Domains (lab shapes): the database names the XMPP domain (XMPP_DOMAIN is informational here);
# a domain of one node in a shape of more domains is a standalone server (CLUSTERING=false).
if [ "${CLUSTERING:-true}" = false ]; then
  sed -i 's|<enabled>true</enabled>|<enabled>false</enabled>|' conf/openfire.xml
  echo "entrypoint: standalone server of ${XMPP_DOMAIN:-its domain} (clustering off)"
fi
# --- end of domains

# ---- TLS: the lab CA's certificate for this node's domain ----------------------------------------
# lab:up mounts the domain's stores read-only (LabCertificates: the key and its chain to the lab's
# root; a trust store of that root alone). Copied, not linked: Openfire writes into its stores.
# The keystore serves c2s STARTTLS, BOSH over TLS and s2s; the s2s trust store makes the lab's
# root the only CA a peer server's certificate may chain to. Without the mount (a node run by
# hand) the image's own self-signed certificate stays.
certs=$lab/certs
if [ -f "$certs/keystore" ] && [ -f "$certs/truststore" ]; then
  cp "$certs/keystore" resources/security/keystore
  cp "$certs/truststore" resources/security/truststore
  echo "entrypoint: TLS certificate of the lab CA installed from $certs"
else
  echo "entrypoint: no lab certificates in $certs: the image's self-signed certificate serves TLS"
fi
# ---- end of TLS ----------------------------------------------------------------------------------

# openfire.sh puts OPENFIRE_OPTS last on the java command line, so these -D win over its own;
# the last of two equal -D wins, so HAZELCAST_OPTS may override the join timeout's default (5 s,
# Hazelcast's own; hazelcast-local-config.xml reads it).
debug=""
[ "${DEBUG:-false}" = true ] && debug=$DEBUG_OPTS
export OPENFIRE_OPTS="$JAVA_HEAP $JVM_TUNING $debug -Dlab.hazelcast.join.timeout.seconds=5 $HAZELCAST_OPTS \
 -Djava.net.preferIPv6Addresses=$PREFER_IPV6 -Dhazelcast.prefer.ipv4.stack=$ipv4_stack \
 -Dhazelcast.phone.home.enabled=false -Dlog4j.configurationFile=$lab/log4j2.xml"
exec bin/openfire.sh
