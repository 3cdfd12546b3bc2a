#!/bin/sh
# Runs nginx in the foreground as PID 1; nginx handles SIGQUIT (graceful) and SIGTERM (fast) itself.
# Docker gives a container IPv6 only on a dual-stack network (elsewhere even [::] cannot be bound),
# so the listeners on [::] are used only where there is IPv6.
set -eu
conf=/etc/nginx/nginx.conf
if grep -q . /proc/net/if_inet6 2>/dev/null; then
    conf=/etc/nginx/nginx-dual-stack.conf
fi
# -e stderr: not even the compiled-in /var/log/nginx/error.log is opened before the config is read.
exec nginx -e stderr -c "$conf" "$@"
