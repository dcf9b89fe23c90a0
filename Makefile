# geowire developer commands. The two that matter:
#   make run    set up .venv, start the local Kafka broker and a worker, send the sample
#               articles and show the enriched events until Ctrl-C
#   make test   set up .venv, start the local broker if none runs, run every test, and stop
#               the broker again if this run started it
# Set GEOWIRE_KAFKA_BOOTSTRAP to another broker (say kafka.internal:9092) to use that one;
# the local broker is then neither started nor stopped.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
GEOWIRE := $(VENV)/bin/geowire
STAMP := $(VENV)/.geowire-installed
WORKER_PID := var/worker.pid
WORKER_LOG := var/worker.log
SAMPLES := $(wildcard tests/data/samples/*.txt)
PYTEST_ARGS ?=
# Empty when GEOWIRE_KAFKA_BOOTSTRAP names a broker other than the local one.
LOCAL_BROKER := $(if $(filter-out localhost:9092 127.0.0.1:9092,$(GEOWIRE_KAFKA_BOOTSTRAP)),,yes)

.PHONY: help venv broker-start broker-stop broker-status run test test-unit test-containers lint format schemas clean distclean

help:
	@echo "make run            local broker + worker, send the samples, show enriched events"
	@echo "make test           every test (unit and integration) against a real broker"
	@echo "make test-unit      the unit tests only (no broker)"
	@echo "make test-containers  build the images and run the compose stack with podman (root)"
	@echo "make lint           ruff check, ruff format --check, mypy"
	@echo "make broker-start | broker-stop | broker-status"
	@echo "make schemas        write the JSON Schema files of the events"
	@echo "make clean          caches and worker logs; make distclean also drops .venv and var/"

venv: $(STAMP)

# Re-installs when pyproject.toml changes; the editable install picks up code changes itself.
$(STAMP): pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[dev]"
	touch $@

broker-start: venv
	@$(GEOWIRE) broker start

broker-stop: venv
	@$(GEOWIRE) broker stop

broker-status: venv
	@$(GEOWIRE) broker status

run: venv
	@if [ -n "$(LOCAL_BROKER)" ]; then $(GEOWIRE) broker start; fi
	mkdir -p var
	started_worker=0 tail_pid="" watch_pid=""
	worker_pid=$$(cat $(WORKER_PID) 2>/dev/null || true)
	if [ -n "$$worker_pid" ] && ps -p "$$worker_pid" -o command= | grep -q "geowire worker"; then
	  echo "worker already running (pid $$worker_pid, log $(WORKER_LOG))"
	else
	  # Own session: Ctrl-C must not reach it; cleanup below stops it with SIGTERM.
	  setsid $(GEOWIRE) worker >>$(WORKER_LOG) 2>&1 </dev/null &
	  worker_pid=$$!
	  echo "$$worker_pid" > $(WORKER_PID)
	  started_worker=1
	  echo "worker started (pid $$worker_pid, log $(WORKER_LOG))"
	fi
	cleanup() {
	  if [ -n "$$watch_pid" ]; then kill "$$watch_pid" 2>/dev/null || true; fi
	  if [ -n "$$tail_pid" ]; then kill "$$tail_pid" 2>/dev/null || true; fi
	  [ "$$started_worker" = 1 ] || return 0
	  started_worker=0
	  echo "stopping the worker (pid $$worker_pid)"
	  kill -TERM "$$worker_pid" 2>/dev/null || true
	  for _ in $$(seq 120); do kill -0 "$$worker_pid" 2>/dev/null || break; sleep 0.5; done
	  kill -KILL "$$worker_pid" 2>/dev/null || true
	  rm -f $(WORKER_PID)
	}
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	# Events of earlier runs stay on the topic: show those of this run's samples only.
	since_ms=$$($(VENV)/bin/python -c 'import time; print(int(time.time() * 1000))')
	$(GEOWIRE) produce $(SAMPLES)
	echo "enriched events (Ctrl-C to stop):"
	$(GEOWIRE) tail "$${GEOWIRE_TOPIC_ENRICHED:-geowire.enriched}" --since-ms "$$since_ms" --brief &
	tail_pid=$$!
	# A worker that dies would leave `tail` waiting for ever: end it and show why.
	( while kill -0 "$$worker_pid" 2>/dev/null; do sleep 2; done
	  echo "the worker exited; the end of $(WORKER_LOG):" >&2
	  tail -n 25 $(WORKER_LOG) >&2
	  kill "$$tail_pid" 2>/dev/null ) &
	watch_pid=$$!
	wait "$$tail_pid" || true
	kill -0 "$$worker_pid" 2>/dev/null

test: venv
	@started_broker=0
	if [ -n "$(LOCAL_BROKER)" ] && ! $(GEOWIRE) broker status >/dev/null; then
	  $(GEOWIRE) broker start
	  # not when the port was served by another checkout's broker, which start only used
	  if $(GEOWIRE) broker status >/dev/null; then started_broker=1; fi
	fi
	stop_broker() {
	  if [ "$$started_broker" = 1 ]; then started_broker=0; $(GEOWIRE) broker stop; fi
	}
	# The EXIT trap keeps pytest's exit status as the recipe's.
	trap stop_broker EXIT
	trap 'exit 130' INT TERM
	export GEOWIRE_KAFKA_BOOTSTRAP="$${GEOWIRE_KAFKA_BOOTSTRAP:-localhost:9092}"
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-unit: venv
	@$(VENV)/bin/pytest tests/unit $(PYTEST_ARGS)

# Installs podman and podman-compose when missing (apt-get: run as root), builds the images,
# runs docker-compose.yml on free host ports, checks it end to end and takes it down again.
test-containers: venv
	@bash tests/containers/run.sh

lint: venv
	@$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: venv
	@$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

schemas: venv
	@$(VENV)/bin/python -m schemas export

clean:
	@rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
	rm -f $(WORKER_LOG)

# Also the virtualenv, the broker's data (after stopping it) and the resolved Kafka jars.
distclean: clean
	@if [ -x $(GEOWIRE) ]; then $(GEOWIRE) broker stop || true; fi
	rm -rf $(VENV) var deploy/kafka/lib *.egg-info
