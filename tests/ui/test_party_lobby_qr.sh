#!/usr/bin/env bash
# party.lobby-qr: the TV lobby's QR code is the join URL, as a phone camera reads it.
# 1. The golden matrix of ui.qr, drawn as a PBM with its quiet zone, decodes (zbarimg)
#    to the URL it was made from: the golden file is a real code.
# 2. A real `trivium party --no-window` prints its line; the lobby screen rendered for
#    it (party_shot, offscreen) at three sizes and both languages decodes to exactly
#    that URL with ?room=CODE.
# usage: test_party_lobby_qr.sh TRIVIUM PARTY_SHOT REPO_ROOT
set -euo pipefail
trivium=$1 shot=$2 root=$3
tmp=$(mktemp -d)
party_pid=
cleanup() { [ -n "$party_pid" ] && kill "$party_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The golden matrix, 8 pixels a module, 4 modules of quiet zone.
awk -v s=8 -v q=4 '{ row[NR] = $0; w = length($0) }
  END { n = (w + 2 * q) * s; print "P1"; print n, n
        for (y = 0; y < n; y++) { line = ""; my = int(y / s) - q
          for (x = 0; x < n; x++) { mx = int(x / s) - q
            d = (my >= 0 && my < w && mx >= 0 && mx < w && substr(row[my + 1], mx + 1, 1) == "#") ? "1" : "0"
            line = line d " " }
          print line } }' "$root/tests/ui/golden/qr-join-url.txt" > "$tmp/golden.pbm"
got=$(zbarimg --raw -q "$tmp/golden.pbm") || fail "zbarimg read nothing in the golden matrix"
[ "$got" = "http://192.168.178.23:47123/?room=K7QX" ] || fail "golden matrix decodes to '$got'"
echo "ok: the golden matrix decodes to its URL"

# 2. A real party's line, and its lobby.
"$trivium" party --plugins "$root/tests/party_browser/packs" --pack kinds --count 1 --no-window \
  --port 0 --bind 127.0.0.1 --start-when 1 --reveal-seconds 0 > "$tmp/out" 2> "$tmp/err" &
party_pid=$!
for _ in $(seq 100); do [ -s "$tmp/out" ] && break; sleep 0.1; done
line=$(head -n1 "$tmp/out")
[[ "$line" =~ ^party:\ (http://[^ ]+/)\ room\ ([A-Z0-9]+)$ ]] || fail "party printed '$line' ($(cat "$tmp/err"))"
want="${BASH_REMATCH[1]}?room=${BASH_REMATCH[2]}"
room=${BASH_REMATCH[2]}
for spec in 1280x720:en 800x600:nl 1920x1080:en; do
  size=${spec%%:*} lang=${spec##*:}
  "$shot" "$root/assets" lobby "$lang" "$size" "$tmp/lobby-$size-$lang.png" "$want" "$room" --players 3
  got=$(zbarimg --raw -q "$tmp/lobby-$size-$lang.png") || fail "zbarimg found no code in the $size $lang lobby"
  [ "$got" = "$want" ] || fail "$size $lang lobby decodes to '$got', the party printed '$want'"
  echo "ok: the $size $lang lobby's code is $want"
done
