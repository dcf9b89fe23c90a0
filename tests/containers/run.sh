#!/usr/bin/env bash
# `make test-containers`: build the images and run the compose stack for real, with podman.
#
#   1-3. tests/containers/setup.sh: Debian's podman (and friends) and podman-compose when
#        missing, the containers.conf, the base, Kafka and worker images
#   4.   compose up (Kafka, then the topic set-up, then a worker), wait for health,
#        send the seed dump from the host
#   5.   read its enriched articles and place events back on the host and compare them
#        with `geowire enrich` run on the host; check a worker's /health and /metrics;
#        scale to 2 workers and send 50 more articles; stop a worker with SIGTERM
#   6.   compose down -v, and check that no container, network or volume is left
#
# The stack runs as compose project "geowire-test" on free host ports, so it neither
# needs nor disturbs a broker on localhost:9092. Environment: GEOWIRE_HOST_KAFKA_PORT
# (default: a free port), GEOWIRE_EXTRA_CA (a PEM bundle for builds behind a TLS-inspecting
# proxy; default: the local CAs in /usr/local/share/ca-certificates).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=tests/containers/setup.sh
source "$ROOT/tests/containers/setup.sh"

PROJECT=geowire-test
HERE=$ROOT/tests/containers
GEOWIRE=${GEOWIRE:-$ROOT/.venv/bin/geowire}
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=$STATE/run
SEED=$ROOT/../shared/samples/news-dump-iran.txt
MORE_ARTICLES=50
COMPOSE=("$STATE/venv/bin/podman-compose" --project-name "$PROJECT" -f "$ROOT/docker-compose.yml")

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

now() { date +%s.%N; }
since() { "$PYTHON" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

compose() { "${COMPOSE[@]}" "$@" >>"$OUT/compose.log" 2>&1; }

containers() { podman ps -a --filter "label=io.podman.compose.project=$PROJECT" --format '{{.Names}}'; }

# podman-compose names replica N of a service PROJECT_SERVICE_N
ctr() { echo "${PROJECT}_$1_${2:-1}"; }

wait_healthy() {
  # wait_healthy CONTAINER SECONDS: run the image's or compose's health check until it
  # passes (podman 4.3 without systemd does not run health checks by itself).
  local deadline=$(($(date +%s) + $2))
  until podman healthcheck run "$1" >/dev/null 2>&1; do
    if ! podman ps --format '{{.Names}}' | grep -qx "$1"; then
      podman logs --tail 30 "$1" >&2 || true
      fail "$1 stopped before it was healthy"
    fi
    (($(date +%s) < deadline)) || {
      podman logs --tail 30 "$1" >&2 || true
      fail "$1 not healthy after $2 s"
    }
    sleep 2
  done
}

wait_exited() {
  # wait_exited CONTAINER SECONDS: until the one-shot container ends; fail unless with 0.
  local deadline=$(($(date +%s) + $2)) state
  while state=$(podman inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$1"); do
    case $state in
      exited\ 0 | stopped\ 0) return 0 ;;
      exited\ * | stopped\ *)
        podman logs --tail 30 "$1" >&2 || true
        fail "$1 ended with $state"
        ;;
    esac
    (($(date +%s) < deadline)) || fail "$1 still $state after $2 s"
    sleep 1
  done
}

web_port() { podman port "$1" 6066 | head -n 1 | sed 's/.*://'; }

describe_group() {
  # Kafka's own tool on the workers' consumer group: describe_group [--members]
  podman exec "$(ctr kafka)" /opt/kafka/bin/kafka-consumer-groups.sh \
    --bootstrap-server localhost:29092 --describe --group geowire "$@"
}

group_members() {
  # The members of the workers' consumer group, as Kafka's own tool lists them.
  describe_group --members 2>/dev/null | awk 'NR > 1 && $1 == "geowire" { n++ } END { print n + 0 }'
}

snapshot() {
  # Where a stalled run stands: each partition's committed offset, end and owner, and
  # what each worker says of itself.
  describe_group
  local name port
  for name in $(containers | grep _worker_); do
    port=$(web_port "$name") || continue
    echo "== $name /health"
    "$PYTHON" -c 'import sys, urllib.request as u; print(u.urlopen(sys.argv[1], timeout=5).read().decode())' \
      "http://127.0.0.1:$port/health" || true
    echo
  done
}

fail() {
  say "FAIL: $*"
  exit 1
}

leftovers() {
  containers
  podman network ls --format '{{.Name}}' | grep -x "${PROJECT}_default" || true
  podman volume ls --format '{{.Name}}' | grep "^${PROJECT}_" || true
}

down() {
  # --remove-orphans: podman-compose's down alone removes only the replicas the file
  # names, not those that --scale added.
  compose down -v --remove-orphans --timeout 60
}

teardown() {
  # On failure or interrupt: take the stack down, then remove whatever of this project
  # (and only of it) is still there.
  local status=$?
  trap - EXIT
  if ((status != 0)) && [ -d "$OUT" ]; then
    # what a failure left, so that it can be read after the stack is gone
    local name
    snapshot >"$OUT/group.txt" 2>&1 || true
    say "the consumer group's partitions, owners and lag, and the workers' /health: $OUT/group.txt"
    # Stop the workers before reading their logs: a worker waiting on records it took
    # logs, while it stops, what each agent is doing.
    for name in $(containers | grep _worker_); do
      local started=$SECONDS
      podman stop --time 60 "$name" >/dev/null 2>&1 || true
      echo "$name stopped in $((SECONDS - started)) s" >>"$OUT/group.txt"
    done
    for name in $(containers); do podman logs "$name" >"$OUT/log-$name.txt" 2>&1 || true; done
    say "container logs in $OUT/log-*.txt"
  fi
  say "compose down -v"
  down || true
  local ctrs
  mapfile -t ctrs < <(containers)
  ((${#ctrs[@]} == 0)) || podman rm -f -v "${ctrs[@]}" >/dev/null 2>&1 || true
  podman network rm "${PROJECT}_default" >/dev/null 2>&1 || true
  podman volume rm "${PROJECT}_kafka-data" >/dev/null 2>&1 || true
  if [ -n "$(leftovers)" ]; then say "left behind: $(leftovers | xargs)"; fi
  exit "$status"
}

# ----------------------------------------------------------------------------- 1-3
[ -x "$GEOWIRE" ] || fail "no $GEOWIRE: run \`make venv\` first"
mkdir -p "$STATE"
rm -rf "$OUT" && mkdir -p "$OUT"
install_packages
write_conf
build_base
build_images
# What the stack must give: the in-process pipeline on the host, on the same inputs.
# The stack must give what the host gives; how well the seed is split is the splitter's
# own benchmark (geowire eval split), not this test's.
if [ ! -f "$SEED" ]; then
  say "no $SEED (../shared is absent): the seed is the project's own sample dump"
  SEED=$ROOT/tests/data/samples/wire-dump.txt
fi
"$PYTHON" "$HERE/articles.py" "$MORE_ARTICLES" >"$OUT/more.jsonl"
"$GEOWIRE" enrich "$SEED" >"$OUT/expected-seed.jsonl"
"$GEOWIRE" enrich --jsonl "$OUT/more.jsonl" >"$OUT/expected-more.jsonl"
seed_count=$(wc -l <"$OUT/expected-seed.jsonl")
more_count=$(wc -l <"$OUT/expected-more.jsonl")

# ----------------------------------------------------------------------------- 4
export GEOWIRE_HOST_KAFKA_PORT=${GEOWIRE_HOST_KAFKA_PORT:-$(free_port)}
export KAFKA_IMAGE GEOWIRE_IMAGE=$WORKER_IMAGE
export GEOWIRE_KAFKA_BOOTSTRAP=localhost:$GEOWIRE_HOST_KAFKA_PORT
trap teardown EXIT
trap 'exit 130' INT TERM
# a run killed before its teardown leaves its stack: clear it first
if [ -n "$(containers)" ]; then compose down -v --timeout 10 || true; fi

say "compose up: Kafka on localhost:$GEOWIRE_HOST_KAFKA_PORT"
up=$(now)
# One service at a time, in the order depends_on gives: podman-compose ignores
# `condition: service_healthy` with podman < 4.6, and podman 4.3 cannot start a container
# whose dependency has dependencies of its own (so --no-deps: no --requires links).
compose up -d kafka
wait_healthy "$(ctr kafka)" 180
say "Kafka healthy after $(since "$up") s"
compose up -d --no-deps topics-init
wait_exited "$(ctr topics-init)" 120
say "topics created after $(since "$up") s"
compose up -d --no-deps worker
wait_healthy "$(ctr worker 1)" 300
say "worker healthy after $(since "$up") s"

sent=$("$PYTHON" -c 'import time; print(int(time.time() * 1000))')
"$GEOWIRE" produce "$SEED" 2>>"$OUT/host.log"
"$GEOWIRE" tail geowire.enriched --from-beginning --max 1 --timeout 240 >"$OUT/first.jsonl"
first_event=$(since "$up")
[ -s "$OUT/first.jsonl" ] || fail "no enriched event within 240 s"
say "first enriched event $first_event s after up"

# ----------------------------------------------------------------------------- 5
"$GEOWIRE" tail geowire.enriched --from-beginning --max "$seed_count" --timeout 120 \
  >"$OUT/seed-enriched.jsonl"
places=$("$PYTHON" -c 'import json, sys; print(sum(len(json.loads(l)["value"]["places"]) for l in open(sys.argv[1])))' "$OUT/seed-enriched.jsonl")
"$GEOWIRE" tail geowire.places --from-beginning --max "$places" --timeout 60 >"$OUT/seed-places.jsonl"
"$PYTHON" "$HERE/check.py" compare "$OUT/expected-seed.jsonl" "$OUT/seed-enriched.jsonl" \
  "$OUT/seed-places.jsonl" --count "$seed_count"
"$PYTHON" "$HERE/check.py" web "$(web_port "$(ctr worker 1)")" --min-articles "$seed_count"

say "scaling to 2 workers"
compose up -d --no-recreate --no-deps --scale worker=2 worker
wait_healthy "$(ctr worker 2)" 300
deadline=$(($(date +%s) + 120))
until [ "$(group_members)" = 2 ]; do
  (($(date +%s) < deadline)) || fail "the consumer group has $(group_members) members, not 2"
  sleep 2
done
say "2 workers in the consumer group; sending $MORE_ARTICLES more articles"
sent=$("$PYTHON" -c 'import time; print(int(time.time() * 1000))')
"$GEOWIRE" produce --jsonl "$OUT/more.jsonl" 2>>"$OUT/host.log"
"$GEOWIRE" tail geowire.enriched --since-ms "$sent" --max "$more_count" --timeout 180 \
  >"$OUT/more-enriched.jsonl"
"$PYTHON" "$HERE/check.py" compare "$OUT/expected-more.jsonl" "$OUT/more-enriched.jsonl" \
  --count "$more_count"
# both workers took part: each published enriched articles of the new batch
"$PYTHON" "$HERE/check.py" web "$(web_port "$(ctr worker 2)")" --min-articles 1
"$GEOWIRE" tail geowire.dlq --from-beginning --timeout 5 >"$OUT/dlq.jsonl"
[ ! -s "$OUT/dlq.jsonl" ] || fail "$(wc -l <"$OUT/dlq.jsonl") dead letters (see $OUT/dlq.jsonl)"

# A stopping worker must leave cleanly on SIGTERM, well within the grace period.
stop_started=$(now)
podman stop --time 60 "$(ctr worker 2)" >>"$OUT/compose.log" 2>&1
stop_seconds=$(since "$stop_started")
stop_code=$(podman inspect --format '{{.State.ExitCode}}' "$(ctr worker 2)")
[ "$stop_code" = 0 ] || fail "worker-2 exited with $stop_code on SIGTERM"
say "worker-2 stopped on SIGTERM in $stop_seconds s with exit code 0"

# ----------------------------------------------------------------------------- 6
teardown_started=$(now)
down
[ -z "$(leftovers)" ] || fail "compose down -v left $(leftovers | xargs)"
trap - EXIT
say "compose down -v in $(since "$teardown_started") s; no container, network or volume left"
echo "test-containers: ok; worker image $worker_size MB (build $worker_build)," \
  "Kafka image $kafka_size MB (build $kafka_build); first enriched event" \
  "$first_event s after up"
