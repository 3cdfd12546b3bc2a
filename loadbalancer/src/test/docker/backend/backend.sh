#!/bin/bash
# A stand-in for an Openfire node: on every node port a real TCP server (socat) answers each
# connection with one line, "NAME ADDRESS PORT" (its name and the address and port the connection
# reached, so a test sees which node and which address family the load balancer chose), then echoes
# what it receives until the client closes (so a session can stay open, as an XMPP one does).
#   NAME          the node's name (default LAB_SERVICE, which the lab's compose file sets)
#   TLS_PORTS     ports that speak TLS, as Openfire's 7443 (BOSH) and 5270 (Direct TLS s2s) do, with
#                 a certificate for CN=NAME made at start: a client that sees that certificate through
#                 the load balancer knows TLS was passed through, not terminated there
#   V6ONLY_PORTS  ports that listen on IPv6 only, when the container has IPv6 (default none)
#   V6ONLY_ON_LAST  as V6ONLY_PORTS, on the lab's last node only (the node whose number is LAB_NODES)
set -euo pipefail
name=${NAME:-${LAB_SERVICE:?set NAME (or LAB_SERVICE) to the node name}}
export NAME=$name
ports=${PORTS:-5222 7070 7443 5269 5270}
tls_ports=" ${TLS_PORTS:-7443 5270} "
v6only_ports=" ${V6ONLY_PORTS:-} "
if [ -n "${V6ONLY_ON_LAST:-}" ] && [ "${name##*[!0-9]}" = "${LAB_NODES:-}" ]; then v6only_ports="$v6only_ports$V6ONLY_ON_LAST "; fi
ipv6=false
if grep -q . /proc/net/if_inet6; then ipv6=true; fi

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$name" \
    -keyout /tmp/key.pem -out /tmp/cert.pem 2>/dev/null
cat /tmp/key.pem /tmp/cert.pem > /tmp/tls.pem

listen() { # FAMILY PORT
    local address="TCP-LISTEN:$2"
    case "$tls_ports" in *" $2 "*) address="OPENSSL-LISTEN:$2,cert=/tmp/tls.pem,verify=0" ;; esac
    local family="pf=ip4"
    if [ "$1" = 6 ]; then family="pf=ip6,ipv6only=1"; fi
    socat "$address,$family,fork,reuseaddr,backlog=64" SYSTEM:'echo "$NAME $SOCAT_SOCKADDR $SOCAT_SOCKPORT"; exec cat' &
}

trap 'kill $(jobs -p) 2>/dev/null; exit 0' TERM INT
for port in $ports; do
    v6only=false
    case "$v6only_ports" in *" $port "*) v6only=$ipv6 ;; esac
    if ! $v6only; then listen 4 "$port"; fi
    if $ipv6; then listen 6 "$port"; fi
done
echo "backend $name ready: ports $ports, TLS on$tls_ports, IPv6 $ipv6, IPv6 only on$v6only_ports"
touch /tmp/ready
# A listener that dies (port taken, bad option) ends the container, so it cannot go unnoticed.
wait -n
echo "backend $name: a listener exited" >&2
exit 1
