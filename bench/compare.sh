#!/usr/bin/env bash
# bench/compare.sh: time rawcap beside tcpdump, tshark, capinfos, editcap,
# mergecap, reordercap and cp on the same generated capture, in one run,
# alternating the tools, and print median times and ratios. The machines are shared and noisy: read the ratios.
#
#   bench/compare.sh [-n PACKETS] [-r ROUNDS] [-k KEEP_DIR] [-o ONLY] [-b REV]
#
# -o runs only the comparisons whose names contain ONLY (e.g. -o info);
# -o same checks, untimed, that rawcap's outputs of the generated traffic
# are tshark's byte for byte.
# -b REV adds rawcap as built from the git revision REV as the reference of
# the common reading paths (one-liners, JSON, -V, -T fields), to show what a
# change costs them: a ratio above 1 means the working tree is faster.
# Needs Go; each comparison runs only where its reference tool is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
N=2000000 ROUNDS=3 DIR="" ONLY="" BASE=""
while getopts "n:r:k:o:b:" o; do
  case $o in n) N=$OPTARG;; r) ROUNDS=$OPTARG;; k) DIR=$OPTARG;; o) ONLY=$OPTARG;; b) BASE=$OPTARG;; *) exit 2;; esac
done
export TZ=UTC LC_ALL=C
DIR=${DIR:-$(mktemp -d)}
mkdir -p "$DIR"
RAWCAP=$DIR/rawcap
CGO_ENABLED=0 go build -trimpath -o "$RAWCAP" ./cmd/rawcap
BIG=$DIR/big.pcap
if [ ! -s "$BIG" ] || [ "$(cat "$DIR/big.n" 2>/dev/null)" != "$N" ]; then
  go run ./bench/gencap -n "$N" -o "$BIG"; echo "$N" > "$DIR/big.n"
fi
SMALL=$DIR/small.pcap   # tshark's JSON and tree outputs are too slow for the whole file
SN=$(( N < 100000 ? N : 100000 ))
go run ./bench/gencap -n "$SN" -o "$SMALL"
cat "$BIG" > /dev/null   # warm the page cache
printf 'capture: %d packets, %s bytes (%s); tshark comparisons on the first %d\n' \
  "$N" "$(stat -c %s "$BIG")" "$BIG" "$SN"
have() { command -v "$1" >/dev/null 2>&1; }

# t CMD...: run once, print seconds.
t() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000 ))e-6; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# want NAME: whether -o selects the comparison NAME.
want() { [[ -z $ONLY || $1 == *"$ONLY"* ]]; }

# pair NAME PKTS "RAWCAP CMD" "REFERENCE CMD": alternate ROUNDS times, print medians and the ratio.
pair() {
  local name=$1 pkts=$2 ours=$3 ref=$4 a="" b="" i ma mb
  want "$name" || return 0
  for ((i = 0; i < ROUNDS; i++)); do
    a="$a $(t bash -c "$ours")"; b="$b $(t bash -c "$ref")"
  done
  ma=$(echo "$a" | median); mb=$(echo "$b" | median)
  awk -v n="$name" -v p="$pkts" -v a="$ma" -v b="$mb" 'BEGIN {
    printf "%-34s rawcap %8.3fs (%6.2f Mpkt/s)   reference %8.3fs (%6.3f Mpkt/s)   ratio %6.2fx\n",
      n, a, p/a/1e6, b, p/b/1e6, b/a }'
}

echo "== files (issue 2)"
have capinfos && pair "info vs capinfos" "$N" "$RAWCAP info $BIG" "capinfos $BIG"   # both hash the file
have capinfos && pair "info -c -d -u -a -e vs capinfos (no hashes)" "$N" "$RAWCAP info -c -d -u -a -e $BIG" "capinfos -c -d -u -a -e $BIG"
have editcap && pair "convert→pcapng vs editcap -F pcapng" "$N" \
  "$RAWCAP convert $BIG $DIR/out.pcapng" "editcap -F pcapng $BIG $DIR/ref.pcapng"
pair "convert→pcapng vs cp (the floor)" "$N" "$RAWCAP convert $BIG $DIR/out.pcapng" "cp $BIG $DIR/copy.pcap"

if "$RAWCAP" read --help >/dev/null 2>&1; then
  echo "== reading and decoding (issue 3)"
  have tcpdump && pair "read vs tcpdump -n -r" "$N" "$RAWCAP read $BIG" "tcpdump -n -r $BIG"
  have tshark && pair "read --json vs tshark -T json" "$SN" "$RAWCAP read --json $SMALL" "tshark -T json -r $SMALL"
  have tshark && pair "read -V vs tshark -V" "$SN" "$RAWCAP read -V $SMALL" "tshark -V -r $SMALL"
  F5="-e ip.src -e ip.dst -e tcp.srcport -e tcp.dstport -e frame.len"
  have tshark && pair "read -T fields (5) vs tshark -T fields" "$SN" "$RAWCAP read -T fields $F5 $SMALL" "tshark -T fields $F5 -r $SMALL"
  # tshark's fields are fast enough for the whole file, where rawcap's
  # fixed start-up (about 25 ms: loading the binary, its packages' init)
  # no longer weighs on the ratio.
  have tshark && pair "read -T fields (5), whole file, vs tshark" "$N" "$RAWCAP read -T fields $F5 $BIG" "tshark -T fields $F5 -r $BIG"
  have tshark && pair "read -T ek vs tshark -T ek" "$SN" "$RAWCAP read -T ek $SMALL" "tshark -T ek -r $SMALL"
  if want "read --json resident memory"; then
    rss=$( { /usr/bin/time -f %M "$RAWCAP" read --json "$BIG" >/dev/null; } 2>&1 | tail -1 || true)
    echo "rawcap read --json resident memory on the whole file: ${rss:-?} KiB"
  fi
fi

if "$RAWCAP" read -c 1 "$BIG" 'tcp port 443' >/dev/null 2>&1; then
  echo "== filtering (issue 4)"
  have tcpdump && pair "convert 'tcp port 443' vs tcpdump -w" "$N" \
    "$RAWCAP convert $BIG $DIR/f.pcap 'tcp port 443'" "tcpdump -r $BIG -w $DIR/fref.pcap 'tcp port 443'"
  have tcpdump && pair "-r -w 'tcp port 443' vs tcpdump -w" "$N" \
    "$RAWCAP -r $BIG -w $DIR/f2.pcap 'tcp port 443'" "tcpdump -r $BIG -w $DIR/fref.pcap 'tcp port 443'"
fi
if "$RAWCAP" read -c 1 -Y 'tcp.stream eq 0' "$SMALL" >/dev/null 2>&1 && want "-Y"; then
  echo "== display filters (issue 10)"
  Y1='tcp.port == 443 && frame.len > 1000' Y2='tcp.stream eq 7'
  have tshark && pair "-r -w -Y '$Y1' vs tshark" "$N" \
    "$RAWCAP -r $BIG -w $DIR/y1.pcap -Y '$Y1'" "tshark -r $BIG -F pcap -w $DIR/y1ref.pcap -Y '$Y1'"
  have tshark && pair "-r -w -Y '$Y2' vs tshark" "$N" \
    "$RAWCAP -r $BIG -w $DIR/y2.pcap -Y '$Y2'" "tshark -r $BIG -F pcap -w $DIR/y2ref.pcap -Y '$Y2'"
  # The floor: reading the capture and, beside it, writing as many bytes
  # as the filter keeps, with nothing decoded. No tool filters faster than
  # it moves the bytes, so tshark's time over the floor's is the best ratio
  # there is.
  if want "-Y floor"; then
    "$RAWCAP" -r "$BIG" -w "$DIR/y1.pcap" -Y "$Y1"
    SZ=$(stat -c %s "$DIR/y1.pcap")
    pair "-Y '$Y1' vs its floor (cat beside dd of $SZ bytes)" "$N" \
      "$RAWCAP -r $BIG -w $DIR/y1.pcap -Y '$Y1'" \
      "cat $BIG > /dev/null & dd if=$BIG of=$DIR/y1floor.pcap bs=4M count=$SZ iflag=count_bytes status=none; wait"
    pair "-Y '$Y2' vs its floor (cat)" "$N" \
      "$RAWCAP -r $BIG -w $DIR/y2.pcap -Y '$Y2'" "cat $BIG > /dev/null"
  fi
  if want "-Y resident memory"; then
    rss=$( { /usr/bin/time -f %M "$RAWCAP" -r "$BIG" -w "$DIR/y1.pcap" -Y "$Y1" >/dev/null; } 2>&1 | tail -1 || true)
    echo "rawcap -r -w -Y resident memory on the whole file: ${rss:-?} KiB"
  fi
  rm -f "$DIR"/y1*.pcap "$DIR"/y2*.pcap
fi
if "$RAWCAP" merge --help >/dev/null 2>&1 && { want merge || want dedupe || want split || want reorder; }; then
  echo "== file toolbox (issue 12)"
  H1=$DIR/half1.pcap H2=$DIR/half2.pcap UN=$DIR/unordered.pcap SD=$DIR/dsample.pcap
  if [ ! -s "$H1" ] || [ "$(cat "$DIR/half.n" 2>/dev/null)" != "$N" ]; then
    go run ./bench/gencap -n $(( N / 2 )) -seed 1 -o "$H1"; go run ./bench/gencap -n $(( N / 2 )) -seed 2 -o "$H2"
    "$RAWCAP" merge -a -w "$UN" "$H2" "$H1"   # two sensors' files, one after the other: out of time order
    "$RAWCAP" convert -c 100000 "$BIG" "$SD"   # editcap -D 100000 scans its window: a sample it finishes
    echo "$N" > "$DIR/half.n"
  fi
  mkdir -p "$DIR/split"
  have mergecap && pair "merge 2 halves vs mergecap" "$N" "$RAWCAP merge -w $DIR/m.pcap $H1 $H2" "mergecap -F pcap -w $DIR/mref.pcap $H1 $H2"
  pair "merge 2 halves vs cat (the floor)" "$N" "$RAWCAP merge -w $DIR/m.pcap $H1 $H2" "cat $H1 $H2 > $DIR/cat.pcap"
  have editcap && pair "dedupe -d vs editcap -d" "$N" "$RAWCAP dedupe -d $BIG $DIR/d.pcap" "editcap -F pcap -d $BIG $DIR/dref.pcap"
  have editcap && pair "dedupe -D 100000 vs editcap (100k pkts)" 100000 "$RAWCAP dedupe -D 100000 $SD $DIR/d.pcap" "editcap -F pcap -D 100000 $SD $DIR/dref.pcap"
  have editcap && pair "split -c 100000 vs editcap -c" "$N" "$RAWCAP split -c 100000 $BIG $DIR/split/r.pcap" "editcap -F pcap -c 100000 $BIG $DIR/split/e.pcap"
  have reordercap && pair "reorder vs reordercap" "$N" "$RAWCAP reorder $UN $DIR/o.pcap" "reordercap $UN $DIR/oref.pcap"
  if want "split --by flow"; then
    FL=$DIR/flows.pcap
    [ -s "$FL" ] || go run ./bench/flowcap -flows 300000 -o "$FL"
    rm -rf "$DIR/flows"; mkdir -p "$DIR/flows"
    res=$( { /usr/bin/time -f "%e s, %M KiB resident" bash -c "ulimit -n 1024; $RAWCAP split --by flow $FL $DIR/flows/f.pcap"; } 2>&1 | tail -1 || true)
    echo "split --by flow, 300000 conversations, ulimit -n 1024: $res, $(find "$DIR/flows" -type f | wc -l) files"
  fi
  rm -rf "$DIR/flows" "$DIR/split"
fi
if "$RAWCAP" export --schema >/dev/null 2>&1 && want export; then
  echo "== Parquet export (issue 15)"
  # tshark prints the same columns: the default profile less rawcap's own.
  FX=$("$RAWCAP" export --schema --table packets | awk -F'\t' '$2 !~ /^rawcap\./ {printf " -e %s", $2}')
  have tshark && pair "export --table packets vs tshark -T fields" "$SN" \
    "rm -rf $DIR/pq && $RAWCAP export -o $DIR/pq --table packets $SMALL" "tshark -T fields -E separator=, $FX -r $SMALL"
  if want "export --table packets, whole file"; then
    rm -rf "$DIR/pqbig"
    res=$( { /usr/bin/time -f "%e %M" "$RAWCAP" export -o "$DIR/pqbig" --table packets "$BIG"; } 2>&1 | tail -1 || true)
    awk -v r="$res" -v n="$N" -v out="$(du -sb "$DIR/pqbig" | cut -f1)" -v insz="$(stat -c %s "$BIG")" 'BEGIN {
      split(r, a, " "); printf "export --table packets, whole file: %.2f s (%.2f Mpkt/s), %.0f MB resident, output %.0f MB = %.3fx the pcap\n",
        a[1], n/a[1]/1e6, a[2]/1024, out/1e6, out/insz }'
  fi
  rm -rf "$DIR/pq" "$DIR/pqbig"
fi
if "$RAWCAP" stats --help >/dev/null 2>&1; then
  echo "== statistics (issue 11)"
  have tshark && pair "stats conv tcp vs tshark -q -z conv,tcp" "$N" "$RAWCAP stats conv tcp $BIG" "tshark -n -q -r $BIG -z conv,tcp"
  have tshark && pair "stats phs vs tshark -q -z io,phs" "$N" "$RAWCAP stats phs $BIG" "tshark -n -q -r $BIG -z io,phs"
  have tshark && pair "stats io vs tshark -q -z io,stat,1" "$N" "$RAWCAP stats io $BIG" "tshark -n -q -r $BIG -z io,stat,1"
  for kind in "conv tcp" phs io; do
    want "resident memory, stats $kind" || continue
    rss=$( { /usr/bin/time -f %M "$RAWCAP" stats $kind "$BIG" >/dev/null; } 2>&1 | tail -1 || true)
    ref=""
    if have tshark; then
      z=$(case $kind in "conv tcp") echo conv,tcp;; phs) echo io,phs;; io) echo io,stat,1;; esac)
      ref=$( { /usr/bin/time -f %M tshark -n -q -r "$BIG" -z "$z" >/dev/null; } 2>&1 | tail -1 || true)
    fi
    echo "resident memory, stats $kind on the whole file: rawcap ${rss:-?} KiB, tshark ${ref:-?} KiB"
  done
fi
if "$RAWCAP" follow --help >/dev/null 2>&1 && want follow; then
  echo "== follow (issue 11)"
  # The stream with the most packets of the first 100,000, followed over the whole file.
  FS=$("$RAWCAP" read -T fields -e tcp.stream -c 100000 "$BIG" 2>/dev/null | grep . | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')
  FS=${FS:-0}
  have tshark && pair "follow tcp $FS vs tshark -q -z follow,tcp,ascii,$FS" "$N" \
    "$RAWCAP follow tcp $FS $BIG" "tshark -n -q -r $BIG -z follow,tcp,ascii,$FS"
  rss=$( { /usr/bin/time -f %M "$RAWCAP" follow tcp "$FS" "$BIG" >/dev/null; } 2>&1 | tail -1 || true)
  ref=""
  have tshark && ref=$( { /usr/bin/time -f %M tshark -n -q -r "$BIG" -z "follow,tcp,ascii,$FS" >/dev/null; } 2>&1 | tail -1 || true)
  echo "resident memory, follow tcp $FS on the whole file: rawcap ${rss:-?} KiB, tshark ${ref:-?} KiB"
  rm -rf "$DIR/streams"
  /usr/bin/time -f "%e %M" -o "$DIR/all.time" "$RAWCAP" follow tcp --all "$DIR/streams" "$BIG" >/dev/null 2>&1 || true
  rss=$(tail -1 "$DIR/all.time" 2>/dev/null || true)
  echo "follow tcp --all (every stream to its own file), whole file: ${rss:-?} (seconds, KiB resident); $(ls "$DIR/streams" | wc -l) files"
  rm -rf "$DIR/streams"
fi
if [ -n "$BASE" ]; then
  echo "== against rawcap at $BASE (the working tree's cost on the common paths)"
  BASEDIR=$(mktemp -d)
  git worktree add -q --detach "$BASEDIR" "$BASE"
  (cd "$BASEDIR" && CGO_ENABLED=0 go build -trimpath -o "$DIR/rawcap-base" ./cmd/rawcap)
  git worktree remove --force "$BASEDIR"
  OLD=$DIR/rawcap-base
  pair "read (one-liners) vs rawcap@$BASE" "$N" "$RAWCAP read -n $BIG" "$OLD read -n $BIG"
  pair "read -v vs rawcap@$BASE" "$N" "$RAWCAP read -n -v $BIG" "$OLD read -n -v $BIG"
  pair "read --json vs rawcap@$BASE" "$N" "$RAWCAP read --json $BIG" "$OLD read --json $BIG"
  pair "read -V vs rawcap@$BASE" "$SN" "$RAWCAP read -V $SMALL" "$OLD read -V $SMALL"
  pair "read -T fields vs rawcap@$BASE" "$N" "$RAWCAP read -T fields -e ip.src -e ip.dst -e tcp.srcport -e tcp.dstport -e frame.len $BIG" \
    "$OLD read -T fields -e ip.src -e ip.dst -e tcp.srcport -e tcp.dstport -e frame.len $BIG"
fi
if "$RAWCAP" export-objects --help >/dev/null 2>&1 && want export-objects; then
  echo "== export-objects http (issue 11)"
  # On the first 100,000 packets: every HTTP body of the generated traffic.
  have tshark && pair "export-objects http vs tshark --export-objects" "$SN" \
    "rm -rf $DIR/eo; $RAWCAP export-objects http $DIR/eo $SMALL" \
    "rm -rf $DIR/eoref; tshark -n -q -r $SMALL --export-objects http,$DIR/eoref"
  rm -rf "$DIR/eo"
  rss=$( { /usr/bin/time -f %M "$RAWCAP" export-objects http "$DIR/eo" "$BIG" >/dev/null; } 2>&1 | tail -1 || true)
  echo "export-objects http on the whole file: $(ls "$DIR/eo" | wc -l) files, rawcap ${rss:-?} KiB resident"
  rm -rf "$DIR/eo" "$DIR/eoref"
fi
# -o same: rawcap's outputs of the generated traffic against tshark's, whole
# (not timed): -V and io,phs on the first 100,000 packets, the packet list,
# 22 fields and the files three display filters write on the whole file.
if have tshark && [[ $ONLY == same ]]; then
  echo "== the same output as tshark"
  same() {
    local name=$1 ours=$2 ref=$3
    bash -c "$ours" > "$DIR/same.ours" 2>/dev/null; bash -c "$ref" > "$DIR/same.ref" 2>/dev/null
    if cmp -s "$DIR/same.ours" "$DIR/same.ref"; then
      printf '%-40s identical, %d lines\n' "$name" "$(wc -l < "$DIR/same.ref")"
    else
      printf '%-40s DIFFERS: %s\n' "$name" "$(cmp "$DIR/same.ours" "$DIR/same.ref" 2>&1 | head -1)"
    fi
    rm -f "$DIR/same.ours" "$DIR/same.ref"
  }
  F22="-e frame.number -e frame.protocols -e ip.src -e ipv6.dst -e tcp.stream -e tcp.seq -e tcp.ack -e tcp.len -e tcp.analysis.flags -e tcp.window_size -e udp.stream -e dns.qry.name -e dns.a -e http.request.uri -e http.response.code -e tls.handshake.extensions_server_name -e tls.handshake.type -e ssh.protocol -e data.len -e icmp.type -e arp.opcode -e vlan.id"
  same "read -V = tshark -n -V ($SN packets)" "$RAWCAP read -V $SMALL" "tshark -n -V -r $SMALL"
  same "stats phs = tshark -z io,phs ($SN packets)" "$RAWCAP stats phs $SMALL" "tshark -n -q -z io,phs -r $SMALL"
  same "read --columns = tshark -n ($N packets)" "$RAWCAP read --columns $BIG" "tshark -n -r $BIG"
  same "read -T fields, 22 fields ($N packets)" "$RAWCAP read -T fields $F22 $BIG" "tshark -n -T fields $F22 -r $BIG"
  for y in 'tcp.port == 443 && frame.len > 1000' 'tcp.stream eq 7' 'tcp.stream eq 9000'; do
    same "-r -w -Y '$y' = tshark's file" "$RAWCAP -r $BIG -w $DIR/ys.pcap -Y '$y' && cat $DIR/ys.pcap" \
      "tshark -r $BIG -F pcap -w $DIR/ysref.pcap -Y '$y' && cat $DIR/ysref.pcap"
  done
  rm -f "$DIR/ys.pcap" "$DIR/ysref.pcap"
fi
echo "go benchmarks (zero-copy read, decode, filter VM): make bench"
