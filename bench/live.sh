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
#   sudo bench/live.sh [-s "64 1500"] [-r "50000 200000 max"] [-t SECONDS] [-k DIR] [-n]
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
SIZES="64 1500" RATES="50000 200000 max" SECS=3 DIR="" NULL=""
while getopts "s:r:t:k:n" o; do
  case $o in s) SIZES=$OPTARG;; r) RATES=$OPTARG;; t) SECS=$OPTARG;; k) DIR=$OPTARG;; n) NULL=1;; *) exit 2;; esac
done
[ "$(id -u)" = 0 ] || { echo "live.sh: needs root (network namespaces, AF_PACKET)" >&2; exit 1; }
command -v ip >/dev/null || { echo "live.sh: needs ip (iproute2)" >&2; exit 1; }
command -v tcpdump >/dev/null || { echo "live.sh: needs tcpdump" >&2; exit 1; }
DIR=${DIR:-$(mktemp -d)}
mkdir -p "$DIR"
CGO_ENABLED=0 go build -trimpath -o "$DIR/rawcap" ./cmd/rawcap
CGO_ENABLED=0 go build -trimpath -o "$DIR/livesend" ./bench/livesend

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
  line=$(ip netns exec "$B" "$DIR/livesend" -i vethB -dst "$MAC_A" -size "$size" -rate "$rate" -n "$n")
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
    one rawcap "$size" "$rate"
    one tcpdump "$size" "$rate"
  done
done
