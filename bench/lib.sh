# Shared by the bench scripts (bench/load.sh, bench/lighthouse): a throw-away demo site served
# by gunicorn on loopback. Source it after `cd` to the repository root.
#
#   bench_free_port                         # prints a free TCP port on 127.0.0.1
#   bench_setup_demo                        # migrate + load_demo + collectstatic, quietly
#   bench_start_gunicorn PORT WORKERS LOG [gunicorn args...]   # sets server_pid
#   bench_wait_up BASE LOG                  # waits for BASE/healthz, or prints LOG and fails
#   bench_stop_server                       # stops the server started above, if any

PYTHON=${PYTHON:-.venv/bin/python}
GUNICORN=${GUNICORN:-.venv/bin/gunicorn}
server_pid=""

bench_free_port() {
    "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

bench_setup_demo() {
    "$PYTHON" manage.py migrate --noinput >/dev/null
    "$PYTHON" manage.py load_demo >/dev/null
    "$PYTHON" manage.py collectstatic --noinput >/dev/null
}

bench_start_gunicorn() {
    local port="$1" workers="$2" log="$3"
    shift 3
    "$GUNICORN" cms.wsgi:application --bind "127.0.0.1:$port" --workers "$workers" \
        --log-level warning --error-logfile "$log" "$@" &
    server_pid=$!
}

bench_wait_up() {
    local base="$1" log="$2"
    for _ in $(seq 1 150); do
        curl -fs "$base/healthz" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    curl -fs "$base/healthz" >/dev/null && return 0
    echo "gunicorn did not start" >&2
    cat "$log" >&2
    return 1
}

bench_stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
