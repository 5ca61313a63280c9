#!/bin/sh
# Runs inside the booted test image: sets up the scenario the kernel command line names
# (sf.scenario=...), then answers the system test's questions on a virtio serial port.
set -u
state=/var/lib/schaufenster
scenario=$(sed -n 's/.*sf\.scenario=\([a-z-]*\).*/\1/p' /proc/cmdline)

setup() {
  # The test's screens are touch screens read at arm's length. QEMU's virtio-gpu reports a size
  # (EDID at 100 dpi: a 15" panel), so without a distance the player would size type for 0.8 m
  # (2.2 times that diagonal) and draw it larger than the host's references, which know no size;
  # at 0.5 m the pixels decide, as there. The packaged config sets no distance: one is added.
  sed -i -e '/"viewingDistance"/d' -e '1s/^{/{\n  "viewingDistance": 0.5,/' /etc/schaufenster/config.json
  case "$scenario" in
    offline)
      # The screen's feed lives on a server that is not there at boot; the image holds a cache of
      # revision 1 from an earlier run, so that must play. Off times: the minute the test names
      # (it moves the clock into that minute and out again, as a time sync would).
      off=$(sed -n 's/.*sf\.off=\([0-9:]*\)-\([0-9:]*\).*/\1 \2/p' /proc/cmdline)
      set -- $off
      cat >/etc/schaufenster/config.json <<CFG
{"feed": "http://127.0.0.1:8080/feed.json", "pollSeconds": 1, "publicKey": "", "screenName": "system-test",
 "idleSeconds": 60, "rotate": 0, "screenOff": [{"from": "$1", "until": "$2"}], "hdmiCec": false,
 "cacheDir": "/var/lib/schaufenster", "viewingDistance": 0.5}
CFG
      mkdir -p "$state"
      cp /srv/sf-test/cache-v1.json "$state/feed-cache.json"
      chown -R schaufenster:schaufenster "$state"
      sync
      ;;
  esac
}

player_pid() { systemctl show -p MainPID --value schaufenster.service; }

report_state() {
  pid=$(player_pid)
  echo "enabled=$(systemctl is-enabled schaufenster.service 2>&1)"
  echo "active=$(systemctl is-active schaufenster.service 2>&1)"
  echo "pid=$pid"
  echo "restarts=$(systemctl show -p NRestarts --value schaufenster.service)"
  echo "started=$(systemctl show -p ExecMainStartTimestampMonotonic --value schaufenster.service)"
  echo "uptime=$(cut -d' ' -f1 /proc/uptime)"
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  if [ "${pid:-0}" != 0 ] && [ -d "/proc/$pid" ]; then
    echo "user=$(stat -c %U "/proc/$pid")"
    echo "tty=$(readlink "/proc/$pid/fd/0")"
    echo "nonewprivs=$(sed -n 's/^NoNewPrivs:[[:space:]]*//p' "/proc/$pid/status")"
    echo "capeff=$(sed -n 's/^CapEff:[[:space:]]*//p' "/proc/$pid/status")"
    echo "rootmount=$(awk '$5 == "/" { print $6 }' "/proc/$pid/mountinfo" | head -n1)"
    echo "homemount=$(awk '$5 == "/home" || $5 == "/root" { print $5 ":" $6 }' "/proc/$pid/mountinfo" | tr '\n' ' ')"
  fi
  echo "dri=$(ls /dev/dri 2>/dev/null | tr '\n' ' ')"
  if [ -f "$state/status.json" ]; then echo "status=$(tr -d '\n' <"$state/status.json")"; else echo "status="; fi
  journalctl -b -u schaufenster.service --no-pager -o cat 2>/dev/null | tail -n 40 | sed 's/^/log=/'
}

case "${1:-}" in
  setup) setup; exit 0 ;;
esac

port=/dev/virtio-ports/sf.probe
i=0
while [ ! -e "$port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
# A virtio port opens once: read and write through the one descriptor.
exec <>"$port" >&0 2>&0
echo "@@ready"
while IFS= read -r line; do
  line=$(printf '%s' "$line" | tr -d '\r')
  case "$line" in
    state) report_state ;;
    stop) pid=$(player_pid); kill -STOP "$pid" && echo "stopped=$pid" ;;
    serve-v2)
      # Revision 2 appears on the feed server; the player polls it and rewrites its cache.
      cache_inode=$(stat -c %i "$state/feed-cache.json" 2>/dev/null)
      setsid /usr/bin/schaufenster serve /srv/sf-test/v2 --port 8080 --bind 127.0.0.1 >/run/sf-serve.log 2>&1 &
      echo "serving=$!" ;;
    await-fetch)
      # Answers as soon as the player writes its cache anew (a temporary file, or a new inode
      # after the rename), so the power can go while the write is under way or just done.
      i=0
      while [ $i -lt 2400 ]; do
        ls "$state"/feed-cache.json.tmp.* >/dev/null 2>&1 && break
        [ "$(stat -c %i "$state/feed-cache.json" 2>/dev/null)" != "$cache_inode" ] && break
        sleep 0.05; i=$((i + 1))
      done
      echo "fetched=$([ $i -lt 2400 ] && echo 1 || echo 0)" ;;
    clock\ *) date -u -s "${line#clock }" >/dev/null && echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" ;;
    cache) echo "cache=$(base64 -w0 "$state/feed-cache.json" 2>/dev/null)" ;;
    *) echo "unknown=$line" ;;
  esac
  echo "@@end"
done
