#!/usr/bin/env bash
# Load test: wrk against gunicorn on loopback, then the memory of its workers.
#
#   bench/load.sh                      # 60 s x 32 connections per URL, 2 workers, SQLite demo
#   SECONDS_PER_URL=20 bench/load.sh   # shorter
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/udp_load bench/load.sh
#   PAGE_RESPONSE_CACHE=0 API_RESPONSE_CACHE=0 bench/load.sh   # every answer computed
#   GUNICORN_ARGS=--preload bench/load.sh                       # workers share the application
#   ACCEPT_ENCODING=gzip bench/load.sh  # ask for gzip, as browsers do (cms/compression.py)
#
# Builds a throw-away demo database (load_demo plus the issue's minutes page: 10 agenda items,
# 20 attendees), serves it with gunicorn (WORKERS sync workers, default 2), and drives a page,
# an API list, a search and a network's gaps with wrk (Debian package `wrk`), one URL after the
# other. Prints requests/s, latency percentiles, socket errors and non-2xx answers per URL,
# then the resident memory (RSS) of each worker. Exits 1 on any error or 5xx, or when a worker
# is over MAX_RSS_MIB (default 120). Traffic goes to 127.0.0.1 only; every wrk run is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

SECONDS_PER_URL=${SECONDS_PER_URL:-60}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WORKERS=${WORKERS:-2}
MAX_RSS_MIB=${MAX_RSS_MIB:-120}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

work=$(mktemp -d /tmp/udp-load.XXXXXX)
cleanup() {
    bench_stop_server
    rm -rf "$work"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=cms.settings.dev
export DATABASE_URL=${DATABASE_URL:-sqlite:///$work/load.sqlite3}
export MEDIA_ROOT="$work/media"
export CONTENT_GENERATION_FILE="$work/content-generation"
export LOG_LEVEL=WARNING

echo "== setting up the demo database (${DATABASE_URL%%:*})"
bench_setup_demo
minutes_path=$("$PYTHON" bench/bench_content.py --items 10 --attendees 20)

port=$(bench_free_port)
base="http://127.0.0.1:$port"
# GUNICORN_ARGS=--preload shares the loaded application between the workers.
# shellcheck disable=SC2086
bench_start_gunicorn "$port" "$WORKERS" "$work/gunicorn.log" ${GUNICORN_ARGS:-}
bench_wait_up "$base" "$work/gunicorn.log"

targets=(
    "minutes page|$minutes_path"
    "API v3 content list|/api/v3/content/"
    "search page|/search/?q=servizi+sociali"
    "API v3 network gaps|/api/v3/registry/networks/rete-contatto/gaps/"
)
for target in "${targets[@]}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$base${target#*|}")
    [ "$status" = 200 ] || { echo "${target%%|*} answers $status before the load" >&2; exit 1; }
done

echo "== wrk: $THREADS threads, $CONNECTIONS connections, ${SECONDS_PER_URL}s per URL;" \
     "gunicorn $WORKERS sync workers; cache: pages ${PAGE_RESPONSE_CACHE:-1}, API ${API_RESPONSE_CACHE:-1};" \
     "Accept-Encoding: ${ACCEPT_ENCODING:-none}"
printf '%-22s %9s %9s %9s %9s %9s %7s %7s\n' target req/s p50 p90 p99 max errors non-2xx
failed=0
for target in "${targets[@]}"; do
    label=${target%%|*}
    out=$(timeout $((SECONDS_PER_URL + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_URL}s" \
        --timeout 10s --latency ${ACCEPT_ENCODING:+-H "Accept-Encoding: $ACCEPT_ENCODING"} \
        "$base${target#*|}")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    max=$(awk '$1 == "Latency" {print $4}' <<<"$out")
    errors=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
    errors=${errors:-0}
    non2xx=${non2xx:-0}
    printf '%-22s %9s %9s %9s %9s %9s %7s %7s\n' "$label" "$rps" "$p50" "$p90" "$p99" "$max" "$errors" "$non2xx"
    if [ "$errors" != 0 ] || [ "$non2xx" != 0 ]; then
        failed=1
    fi
done

# RSS counts every page a worker touches, shared ones included (Python, the libraries, what
# gunicorn --preload shares); PSS divides the shared ones among the processes sharing them;
# USS is the worker's own. The target is on RSS.
echo "== gunicorn workers after the load (target: RSS <= $MAX_RSS_MIB MiB)"
for pid in $(pgrep -P "$server_pid"); do
    read -r rss pss uss < <(awk '/^Rss:/ {r=$2} /^Pss:/ {p=$2} /^Private_(Clean|Dirty):/ {u+=$2}
        END {printf "%d %d %d\n", r/1024, p/1024, u/1024}' "/proc/$pid/smaps_rollup")
    echo "worker $pid: RSS $rss MiB, PSS $pss MiB, USS $uss MiB"
    [ "$rss" -le "$MAX_RSS_MIB" ] || failed=1
done
if grep -q "Traceback\|Internal Server Error" "$work/gunicorn.log"; then
    echo "errors in gunicorn's log:" >&2
    tail -40 "$work/gunicorn.log" >&2
    failed=1
fi
if [ "$failed" != 0 ]; then
    echo "FAILED: errors, non-2xx answers or a worker over $MAX_RSS_MIB MiB" >&2
    exit 1
fi
echo "OK: no error, no non-2xx answer, every worker within $MAX_RSS_MIB MiB"
