#!/bin/bash
# The simulated Docker host's main process: its own Docker engine, reachable by the lab through a
# unix socket only, and the lab's registry on the host's own loopback.
set -euo pipefail

# The engine's API socket is made in a directory that is bind-mounted from the machine running
# Maven: the lab talks to this engine through a file there, so no engine port is open on any
# network (a Docker API port is root on the host for whoever reaches it) and no TLS is needed.
socket_dir=/run/lab-host
install -d -m 0755 "$socket_dir"
# A killed run's socket file would make dockerd refuse to start.
rm -f "$socket_dir/docker.sock" /var/run/docker.sock /var/run/docker.pid

# Every host pulls the lab's images as 127.0.0.1:5000/NAME: Docker accepts a registry on loopback
# without TLS (any other address needs certificates or --insecure-registry on every engine), and
# one name then works on every host. socat carries each connection to the lab's registry, a
# container on the machine running Maven that is attached to the hosts network.
if [ -n "${REGISTRY_FORWARD:-}" ]; then
  if ! [[ $REGISTRY_FORWARD =~ ^[0-9A-Za-z.-]+:[0-9]+$ ]]; then
    echo "docker-host: REGISTRY_FORWARD=$REGISTRY_FORWARD is not HOST:PORT (the lab registry's address on the hosts network)" >&2
    exit 2
  fi
  socat TCP-LISTEN:5000,bind=127.0.0.1,reuseaddr,fork "TCP:$REGISTRY_FORWARD" &
  echo "docker-host: 127.0.0.1:5000 forwards to the lab registry at $REGISTRY_FORWARD"
fi

# The socket belongs to root and to this group (mode 0660): the group of the user running Maven,
# so that user reaches the engine through the bind-mounted file without being root.
group_args=()
if [ -n "${DOCKER_SOCKET_GID:-}" ]; then
  group_args=(--group "$DOCKER_SOCKET_GID")
fi

exec dockerd \
  --host unix:///var/run/docker.sock \
  --host "unix://$socket_dir/docker.sock" \
  "${group_args[@]}"
