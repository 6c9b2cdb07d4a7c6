#!/usr/bin/env bash
# bench/live.sh: live capture, `rawcap -i vethA -w FILE` beside `tcpdump -w`,
# on the same traffic. Two network namespaces joined by a veth
# pair are made for the run and deleted after it; a sender in B
# (bench/livesend, AF_PACKET) sends frames of fixed size at fixed rates to A,
# where the capturer writes a pcap file. For each capturer it prints frames
# sent, captured and dropped, the CPU time it took to start (mostly the kernel
# allocating and zeroing the ring), the CPU time per packet after that
# (utime+stime from /proc/PID/stat, read once listening and again just before
# the capturer is stopped; the clock ticks every 10 ms, so runs are long) and
# its maximum RSS (VmHWM).
#
#   sudo bench/live.sh [-s "64 1500"] [-r "50000 200000 max"] [-t SECONDS] [-k DIR] [-n] [-R RUNS] [-P SENDERS]
#   sudo bench/live.sh -S SECONDS [-r RATE] [-s "64 576 1500"] [-k DIR] [-x "RAWCAP OPTIONS"]
#
# -R repeats each pair of runs (rawcap, then tcpdump) RUNS times.
#
# -S is the soak: rawcap alone for SECONDS (the sender stops then, whatever
# it reached) at one rate (default 200000/s) of
# frames whose sizes take the -s list in turn (default 64 576 1500), writing
# pcapng compressed with zstd and rotated every 30 s on the clock
# (-G 30 --align) into DIR. It samples rawcap's resident memory every second
# and prints the first and last minute's maxima, then checks every file with
# bench/soakcheck: each reads to its end, and the frames across the files
# are exactly the ones sent, once each, with their sizes and bytes. -x adds
# options to rawcap's command line (e.g. -x "-B 262144" for a 256 MiB ring).
#
# -P sends with that many senders (threads, each with its own socket) sharing
# the frames: on a veth pair the sender's core also does the receiving side's
# work, so one sender tops out near 250-280 k 1500-byte frames/s here.
#
# A rate of "max" sends as fast as the sender can (the rate/s column then
# shows the rate it reached).
#
# -n writes to /dev/null instead of a file in DIR, to measure capturing
# without the disk (whose write-back makes the largest runs noisy).
#
# Needs root, ip (iproute2), tcpdump and Go. No packet leaves the namespaces.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="" RATES="" SECS=3 DIR="" NULL="" RUNS=1 SOAK="" EXTRA="" SENDERS=1
while getopts "s:r:t:k:nR:S:x:P:" o; do
  case $o in s) SIZES=$OPTARG;; r) RATES=$OPTARG;; t) SECS=$OPTARG;; k) DIR=$OPTARG;; n) NULL=1;; R) RUNS=$OPTARG;; S) SOAK=$OPTARG;; x) EXTRA=$OPTARG;; P) SENDERS=$OPTARG;; *) exit 2;; esac
done
if [ -n "$SOAK" ]; then SIZES=${SIZES:-"64 576 1500"} RATES=${RATES:-200000}; else SIZES=${SIZES:-"64 1500"} RATES=${RATES:-"50000 200000 max"}; fi
[ "$(id -u)" = 0 ] || { echo "live.sh: needs root (network namespaces, AF_PACKET)" >&2; exit 1; }
command -v ip >/dev/null || { echo "live.sh: needs ip (iproute2)" >&2; exit 1; }
command -v tcpdump >/dev/null || { echo "live.sh: needs tcpdump" >&2; exit 1; }
DIR=${DIR:-$(mktemp -d)}
mkdir -p "$DIR"
CGO_ENABLED=0 go build -trimpath -o "$DIR/rawcap" ./cmd/rawcap
CGO_ENABLED=0 go build -trimpath -o "$DIR/livesend" ./bench/livesend
[ -z "$SOAK" ] || CGO_ENABLED=0 go build -trimpath -o "$DIR/soakcheck" ./bench/soakcheck

A=rawcap-bench-$$-a B=rawcap-bench-$$-b
cleanup() { ip netns del "$A" 2>/dev/null || true; ip netns del "$B" 2>/dev/null || true; }
trap cleanup EXIT
ip netns add "$A"; ip netns add "$B"
for ns in "$A" "$B"; do
  ip netns exec "$ns" sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6'
  ip -n "$ns" link set lo up
done
ip link add name vethA netns "$A" type veth peer name vethB netns "$B"
ip -n "$A" link set vethA up; ip -n "$B" link set vethB up
MAC_A=$(ip netns exec "$A" cat /sys/class/net/vethA/address 2>/dev/null || ip -n "$A" -o link show vethA | sed 's/.*link\/ether \([0-9a-f:]*\).*/\1/')
HZ=$(getconf CLK_TCK)

# soak: rawcap alone for $SOAK seconds (see the header).
soak() {
  local sizes rate n pid err files line sent cap drop t0 ticks0 ticks rc=0
  sizes=$(echo "$SIZES" | tr ' ' ',') rate=$RATES n=$(( RATES * SOAK ))
  mkdir -p "$DIR/soak"; rm -f "$DIR"/soak/*.pcapng.zst
  err=$DIR/soak.err
  printf 'soak: %ss at %s frames/s of sizes %s, rawcap -w soak-%%Y%%m%%d-%%H%%M%%S.pcapng.zst -G 30 --align %s, %d cores, load average %s\n' \
    "$SOAK" "$rate" "$sizes" "$EXTRA" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  ip netns exec "$A" "$DIR/rawcap" -i vethA -w "$DIR/soak/soak-%Y%m%d-%H%M%S.pcapng.zst" -G 30 --align $EXTRA 2>"$err" & pid=$!
  for _ in $(seq 50); do grep -q listening "$err" 2>/dev/null && break; sleep 0.1; done
  sleep 0.2
  t0=$(date +%s) ticks0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  ( while kill -0 "$pid" 2>/dev/null; do
      echo "$(( $(date +%s) - t0 )) $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null)"; sleep 1
    done ) >"$DIR/soak.rss" &
  line=$(ip netns exec "$B" "$DIR/livesend" -P "$SENDERS" -i vethB -dst "$MAC_A" -sizes "$sizes" -rate "$rate" -n "$n" -d "${SOAK}s")
  echo "sender: $line"
  sent=$(echo "$line" | awk '{print $2}')
  sleep 1.5
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill -INT "$pid"; wait "$pid" || rc=$?
  cap=$(awk '/packets captured/ {print $1}' "$err")
  drop=$(awk '/dropped by kernel/ {print $1}' "$err")
  printf 'rawcap: exit %d, captured %s, dropped by kernel %s, lost %s of %s sent; CPU %s ns a packet (user+system, every goroutine)\n' \
    "$rc" "$cap" "$drop" "$(( sent - cap ))" "$sent" "$(awk -v a="$ticks0" -v b="$ticks" -v hz="$HZ" -v c="$cap" 'BEGIN { printf "%.0f", (b - a) / hz * 1e9 / c }')"
  awk -v secs="$SOAK" 'BEGIN { w = (secs >= 240) ? 60 : int(secs / 4) }
    NF == 2 && $2 > 0 { if ($1 < w && $2 > first) first = $2; if ($1 >= secs - w && $1 < secs && $2 > last) last = $2; if ($2 > all) all = $2 }
    END { printf "resident memory: first %ds max %.1f MB, last %ds max %.1f MB (%+.1f%%), whole run max %.1f MB\n", w, first / 1024, w, last / 1024, 100 * (last - first) / first, all / 1024 }' "$DIR/soak.rss"
  files=$(ls "$DIR"/soak/*.pcapng.zst)
  printf 'files: %d, %s MB compressed\n' "$(echo "$files" | wc -l)" "$(du -cm $files | tail -1 | cut -f1)"
  # shellcheck disable=SC2086
  "$DIR/soakcheck" -n "$sent" -sizes "$sizes" $files
}
if [ -n "$SOAK" ]; then soak; exit; fi

printf 'live capture on a veth pair, %ss per run, %d cores, writing to %s; CPU is capturer user+system time\n' \
  "$SECS" "$(nproc)" "$( [ -n "$NULL" ] && echo /dev/null || echo "files in $DIR")"
printf '%-8s %5s %8s %9s %9s %9s %8s %9s %10s %9s\n' tool size rate/s sent captured dropped lost% start-ms cpu-ns/pkt maxRSS-MB

# one TOOL SIZE RATE: run one capturer against one sender run.
one() {
  local tool=$1 size=$2 rate=$3 n pid out err sent cap drop ticks0 ticks hwm line
  # "max": ask for more than any sender here reaches, and send about SECS
  # seconds' worth at the ~400k frames/s a veth pair takes on this kind of machine.
  if [ "$rate" = max ]; then rate=100000000; n=$(( 400000 * SECS )); else n=$(( rate * SECS )); fi
  out=$DIR/$tool-$size-$rate.pcap err=$DIR/$tool-$size-$rate.err
  [ -z "$NULL" ] || out=/dev/null
  if [ "$tool" = rawcap ]; then
    ip netns exec "$A" "$DIR/rawcap" -i vethA -w "$out" -B 32768 2>"$err" & pid=$!
  else
    ip netns exec "$A" tcpdump -i vethA -w "$out" -B 32768 -Z root 2>"$err" & pid=$!
  fi
  for _ in $(seq 50); do grep -q listening "$err" 2>/dev/null && break; sleep 0.1; done
  sleep 0.2
  ticks0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  line=$(ip netns exec "$B" "$DIR/livesend" -P "$SENDERS" -i vethB -dst "$MAC_A" -size "$size" -rate "$rate" -n "$n")
  sent=$(echo "$line" | awk '{print $2}')
  rate=$(echo "$line" | sed 's/.*(\([0-9]*\) frames\/s).*/\1/')
  sleep 1.2   # the block / buffer timeouts hand over the last packets
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill -INT "$pid"; wait "$pid" || true
  cap=$(awk '/packets captured/ {print $1}' "$err")
  drop=$(awk '/dropped by kernel/ {print $1}' "$err")
  awk -v t="$tool" -v s="$size" -v r="$rate" -v sent="$sent" -v c="$cap" -v d="$drop" -v k0="$ticks0" -v k="$ticks" -v hz="$HZ" -v m="$hwm" 'BEGIN {
    printf "%-8s %5d %8d %9d %9d %9d %7.2f%% %9.0f %10.0f %9.1f\n", t, s, r, sent, c, d, 100 * (sent - c) / sent,
      k0 / hz * 1e3, (c ? (k - k0) / hz * 1e9 / c : 0), m / 1024 }'
  [ -n "$NULL" ] || rm -f "$out"
}

for size in $SIZES; do
  for rate in $RATES; do
    for _ in $(seq "$RUNS"); do
      one rawcap "$size" "$rate"
      one tcpdump "$size" "$rate"
    done
  done
done
