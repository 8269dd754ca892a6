#!/usr/bin/env bash
# Side by side with Plone 6: the same kind of requests, one process each, in one run.
#
#   bench/plone_side_by_side.sh                 # 10 s per URL, 8 connections
#   SECONDS_PER_URL=20 PLONE_ANCHOR=/path/to/anchors/plone bench/plone_side_by_side.sh
#
# Optional, never part of `make test`. Plone comes from PyPI through the anchor scripts that the
# project's shared folder provides (PLONE_ANCHOR, default ../shared/anchors/plone): they build
# Plone 6.2 with plone.restapi in /tmp/plone-anchor (about 2 minutes the first time), serve it
# on 127.0.0.1:18080 (one waitress process) and seed 50 Italian documents. Nothing of Plone is
# kept in this repository. Our side: a throw-away demo database served by gunicorn with ONE sync
# worker, with and without the response cache. wrk drives every URL on loopback and the table
# gives requests/s, latencies and the ratio to Plone's figure for the same kind of request.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_URL=${SECONDS_PER_URL:-10}
CONNECTIONS=${CONNECTIONS:-8}
PLONE_ANCHOR=${PLONE_ANCHOR:-../shared/anchors/plone}
PLONE=http://127.0.0.1:18080/plone
PYTHON=${PYTHON:-.venv/bin/python}
GUNICORN=${GUNICORN:-.venv/bin/gunicorn}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
[ -x "$PLONE_ANCHOR/setup.sh" ] || [ -f "$PLONE_ANCHOR/setup.sh" ] || {
    echo "no Plone anchor scripts at $PLONE_ANCHOR (set PLONE_ANCHOR)" >&2; exit 2; }

work=$(mktemp -d /tmp/udp-vs-plone.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -x /tmp/plone-anchor/stop.sh ] && /tmp/plone-anchor/stop.sh >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== Plone 6.2 (anchor scripts in $PLONE_ANCHOR)"
bash "$PLONE_ANCHOR/setup.sh" >"$work/plone-setup.log" 2>&1 || {
    echo "Plone setup failed:" >&2; tail -20 "$work/plone-setup.log" >&2; exit 1; }

echo "== our demo database and two gunicorn servers (1 sync worker each)"
export DJANGO_SETTINGS_MODULE=cms.settings.dev
export DATABASE_URL=${DATABASE_URL:-sqlite:///$work/bench.sqlite3}
export MEDIA_ROOT="$work/media" CONTENT_GENERATION_FILE="$work/content-generation" LOG_LEVEL=WARNING
"$PYTHON" manage.py migrate --noinput >/dev/null
"$PYTHON" manage.py load_demo >/dev/null
"$PYTHON" manage.py collectstatic --noinput >/dev/null
free_port() { "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cached_port=$(free_port)
"$GUNICORN" cms.wsgi:application --bind "127.0.0.1:$cached_port" --workers 1 --log-level warning &
pids+=($!)
uncached_port=$(free_port)
PAGE_RESPONSE_CACHE=0 API_RESPONSE_CACHE=0 \
    "$GUNICORN" cms.wsgi:application --bind "127.0.0.1:$uncached_port" --workers 1 --log-level warning &
pids+=($!)
for port in "$cached_port" "$uncached_port"; do
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
done
ours=http://127.0.0.1:$cached_port
ours_uncached=http://127.0.0.1:$uncached_port
news=$(curl -fs "$ours/api/v2/pages/?type=cms.NewsPage&limit=1" | "$PYTHON" -c 'import json,sys; i=json.load(sys.stdin)["items"][0]; print(i["id"], i["meta"]["html_url"].split("://",1)[1].split("/",1)[1])')
news_id=${news%% *}
news_path=/${news#* }

declare -A plone_rps
run() {  # label, plone-kind, url, extra wrk args...
    local label=$1 kind=$2 url=$3
    shift 3
    local out rps p50 p99 non2xx ratio=""
    out=$(timeout $((SECONDS_PER_URL + 30)) wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_URL}s" --latency "$@" "$url")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
    if [[ $label == Plone* ]]; then
        plone_rps[$kind]=$rps
    elif [ -n "${plone_rps[$kind]:-}" ]; then
        ratio=$(awk -v a="$rps" -v b="${plone_rps[$kind]}" 'BEGIN {printf "%.1fx", a / b}')
    fi
    printf '%-44s %9s %9s %9s %7s %9s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}" "$ratio"
}

echo "== wrk 2 threads, $CONNECTIONS connections, ${SECONDS_PER_URL}s per URL; one process per server"
printf '%-44s %9s %9s %9s %7s %9s\n' target req/s p50 p99 non-2xx vs-Plone
run "Plone HTML page (Document)" html "$PLONE/doc-1" -H 'Accept: text/html'
run "Plone JSON (plone.restapi, Document)" json "$PLONE/doc-1" -H 'Accept: application/json'
run "Plone JSON search (@search)" search "$PLONE/@search?SearchableText=bilancio" -H 'Accept: application/json'
run "ours: bare Django view (/healthz)" none "$ours/healthz"
run "ours: HTML news page, no cache" html "$ours_uncached$news_path"
run "ours: HTML news page, cached" html "$ours$news_path"
run "ours: API v3 page detail, no cache" json "$ours_uncached/api/v3/pages/$news_id/"
run "ours: API v3 page detail, cached" json "$ours/api/v3/pages/$news_id/"
run "ours: API v3 search, no cache" search "$ours_uncached/api/v3/search/?q=bilancio"
run "ours: API v3 search, cached" search "$ours/api/v3/search/?q=bilancio"
