#!/usr/bin/env bash
# The main job, on the embedded default: start the emulator with 20,000
# sessions (awkward ids among them) and its Health API, show its health, export them all with details to CSV,
# show one client with an awkward id, disconnect it, show that its state
# changed, apply examples/data-hub (Data Hub as code) and show that a second
# apply plans no changes, create a backup, wait for it and download its file,
# and stop the emulator. Sets everything up first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

out="demo-output"
mkdir -p "$out"
log="$out/emulator.log"
hivemq-emulator serve --host 127.0.0.1 --port 0 --sessions "${SESSIONS:-20000}" --seed 1 \
    --health-port 0 >"$log" 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true' EXIT

url=""
health_url=""
for _ in $(seq 1 300); do
    url="$(grep -o '^listening on http://[0-9.:]*' "$log" | grep -o 'http://.*' || true)"
    health_url="$(grep -o '^health listening on http://[0-9.:]*' "$log" | grep -o 'http://.*' || true)"
    [ -n "$url" ] && [ -n "$health_url" ] && break
    kill -0 "$emulator" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.1
done
[ -n "$url" ] && [ -n "$health_url" ] || { echo "the emulator did not start"; cat "$log"; exit 1; }
export HIVEMQ_REST_URL="$url"
export HIVEMQ_REST_HEALTH_URL="$health_url"
echo "== emulator at $url, its Health API at $health_url"

echo "== wait until it is ready, then show its health"
hivemq-rest health wait --readiness --timeout 30
hivemq-rest health

echo "== export every client with details"
hivemq-rest clients export --format csv --output "$out/clients.csv"

# A connected client whose id needs percent-encoding in a URL.
client_id="$(python - "$out/clients.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        cid = row["clientId"]
        if row["connected"] == "true" and (not cid.isascii() or set(cid) & set("/ %#?")):
            print(cid)
            break
PY
)"
[ -n "$client_id" ] || { echo "no awkward connected client in the export"; exit 1; }

echo "== show the client $client_id"
hivemq-rest clients show -- "$client_id"
echo "== its state, before and after a disconnect"
hivemq-rest clients state -- "$client_id"
hivemq-rest clients disconnect --yes -- "$client_id"
hivemq-rest clients state -- "$client_id"

echo "== Data Hub as code: apply examples/data-hub"
hivemq-rest data-hub apply examples/data-hub
echo "== the plan of a second apply"
hivemq-rest data-hub apply examples/data-hub | tee "$out/data-hub-second-apply.txt"
grep -q "no changes" "$out/data-hub-second-apply.txt" || { echo "the second apply planned changes"; exit 1; }

echo "== create a backup, wait for it and download its file"
hivemq-rest backups create --wait --download "$out/hivemq-backup.bin"
[ -s "$out/hivemq-backup.bin" ] || { echo "the backup file is missing or empty"; exit 1; }
hivemq-rest backups list
