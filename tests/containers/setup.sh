#!/usr/bin/env bash
# Steps 1-3 of `make test-containers`: install podman and friends when missing, write the
# containers.conf this machine needs, and build the base, Kafka and worker images.
#
# Sourced by tests/containers/run.sh; on its own: `bash tests/containers/setup.sh`.
# Everything it makes lives under var/containers/ (podman-compose's venv, the conf, the
# base rootfs, the optional extra CA bundle); images go to podman's own store and stay
# cached there, so a second run only rebuilds the layers whose inputs changed.
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
STATE=${GEOWIRE_CONTAINERS_STATE:-$ROOT/var/containers}
PODMAN_COMPOSE_VERSION=${PODMAN_COMPOSE_VERSION:-1.6.0}
BASE_IMAGE=${GEOWIRE_BASE_IMAGE:-localhost/debian:bookworm}
KAFKA_IMAGE=${KAFKA_IMAGE:-localhost/geowire-kafka:4.1.1}
WORKER_IMAGE=${GEOWIRE_IMAGE:-localhost/geowire:latest}
# Debian packages: podman with runc (crun fails on hybrid cgroups), netavark and
# aardvark-dns (a bridge network whose services find each other by name), what rootless
# podman needs when this runs as another user than root (slirp4netns, uidmap,
# fuse-overlayfs), and mmdebstrap for a base image made without any registry.
PACKAGES=(podman runc netavark aardvark-dns slirp4netns uidmap fuse-overlayfs catatonit mmdebstrap iptables)
export CONTAINERS_CONF=$STATE/containers.conf

say() { printf '== %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  for pkg in "${PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] ||
      missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    say "installing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
  if [ ! -x "$STATE/venv/bin/podman-compose" ] ||
    ! "$STATE/venv/bin/podman-compose" --version 2>/dev/null | grep -q "$PODMAN_COMPOSE_VERSION"; then
    say "installing podman-compose $PODMAN_COMPOSE_VERSION into $STATE/venv"
    python3 -m venv "$STATE/venv"
    "$STATE/venv/bin/pip" install --quiet "podman-compose==$PODMAN_COMPOSE_VERSION"
  fi
}

write_conf() {
  # runc, since crun cannot run on hybrid cgroups; root here lacks CAP_SYS_RESOURCE, so
  # the default ulimits must not exceed the ones it already has.
  cat >"$CONTAINERS_CONF" <<CONF
# written by tests/containers/setup.sh; podman reads it through CONTAINERS_CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"

[network]
# netavark with aardvark-dns: services on a compose network find each other by name
network_backend = "netavark"
CONF
}


build_base() {
  # A Debian base made without a registry: mmdebstrap's minbase with the security and
  # point-release updates, slimmed as the official debian:bookworm-slim is (no docs, man
  # pages or translations; these dpkg and apt options stay in the image for later installs).
  local mirror=${DEBIAN_MIRROR:-http://deb.debian.org}
  # shellcheck disable=SC2016  # the hook's $1 is mmdebstrap's, the root being made
  local options=(
    --variant=minbase --components=main
    --dpkgopt='path-exclude=/usr/share/man/*'
    --dpkgopt='path-exclude=/usr/share/locale/*'
    --dpkgopt='path-include=/usr/share/locale/locale.alias'
    --dpkgopt='path-exclude=/usr/share/doc/*'
    --dpkgopt='path-include=/usr/share/doc/*/copyright'
    --dpkgopt='path-exclude=/usr/share/info/*'
    # as the official images do: apt keeps no downloaded .deb files in the image layers
    --customize-hook='echo "APT::Keep-Downloaded-Packages \"false\";" >"$1/etc/apt/apt.conf.d/docker-clean"'
  )
  local sources=(
    "deb $mirror/debian bookworm main"
    "deb $mirror/debian bookworm-updates main"
    "deb $mirror/debian-security bookworm-security main"
  )
  # The recipe's hash labels the image: a changed recipe makes a new base.
  local recipe
  recipe=$(printf '%s\n' "${options[@]}" "${sources[@]}" | sha256sum | cut -c1-16)
  if [ "$(podman image inspect --format '{{index .Config.Labels "geowire.base-recipe"}}' \
    "$BASE_IMAGE" 2>/dev/null)" = "$recipe" ]; then
    return
  fi
  say "making the base image $BASE_IMAGE with mmdebstrap"
  local rootfs="$STATE/rootfs.tar" started
  started=$(date +%s)
  mmdebstrap --quiet "${options[@]}" bookworm "$rootfs" "${sources[@]}"
  podman import --quiet --change 'CMD ["/bin/bash"]' \
    --change "LABEL geowire.base-recipe=$recipe" "$rootfs" "$BASE_IMAGE" >/dev/null
  rm -f "$rootfs"
  say "base image made in $(($(date +%s) - started)) s"
}

extra_ca() {
  # The extra CAs a build needs to reach the package registries: GEOWIRE_EXTRA_CA (a PEM
  # bundle; empty for none), else the local CAs Debian's update-ca-certificates installs.
  if [ -n "${GEOWIRE_EXTRA_CA+set}" ]; then
    printf '%s' "$GEOWIRE_EXTRA_CA"
    return
  fi
  local certs=(/usr/local/share/ca-certificates/*.crt /usr/local/share/ca-certificates/*/*.crt)
  local found=()
  for cert in "${certs[@]}"; do [ -f "$cert" ] && found+=("$cert"); done
  if ((${#found[@]})); then
    cat "${found[@]}" >"$STATE/extra-ca.pem"
    printf '%s' "$STATE/extra-ca.pem"
  fi
}

build_image() {
  # build_image TAG CONTEXT CONTAINERFILE: a layered build (cached layers are reused), in
  # Docker's format so that HEALTHCHECK is kept. Prints "SECONDS REBUILT": the build's
  # seconds and how many of its steps did not come from the cache.
  local tag=$1 context=$2 file=$3 ca started log
  ca=$(extra_ca)
  local name
  name=$(basename "${tag%%:*}")
  log="$STATE/build-$name.log"
  local args=(--format docker --layers --build-arg "BASE_IMAGE=$BASE_IMAGE" -f "$file" -t "$tag"
    --label "geowire.test-image=$name")
  [ -z "$ca" ] || args+=(--secret "id=extra_ca,src=$ca")
  started=$(date +%s)
  if ! podman build "${args[@]}" "$context" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    say "building $tag failed (whole log: $log)"
    return 1
  fi
  # the image this build replaced, now untagged (the cached layers under it stay)
  podman image prune --force --filter "label=geowire.test-image=$name" >/dev/null
  # (stages build side by side, so count the steps and the cache hits rather than pair them)
  echo "$(($(date +%s) - started)) $(awk '
    / STEP [0-9]+\/[0-9]+: / && !/: FROM / { steps++ }
    /^--> Using cache/ { cached++ }
    END { print steps - cached }' "$log")"
}

build_images() {
  # The Kafka and worker images. Sets kafka_build and worker_build ("N s, K steps
  # rebuilt"), kafka_size and worker_size (MB).
  local built seconds steps
  say "building the Kafka image $KAFKA_IMAGE (log: $STATE/build-geowire-kafka.log)"
  built=$(build_image "$KAFKA_IMAGE" "$ROOT/deploy/kafka" "$ROOT/deploy/kafka/Containerfile")
  read -r seconds steps <<<"$built"
  kafka_build="$seconds s, $steps steps rebuilt"
  say "building the worker image $WORKER_IMAGE (log: $STATE/build-geowire.log)"
  built=$(build_image "$WORKER_IMAGE" "$ROOT" "$ROOT/deploy/Dockerfile")
  read -r seconds steps <<<"$built"
  worker_build="$seconds s, $steps steps rebuilt"
  kafka_size=$(($(podman image inspect --format '{{.Size}}' "$KAFKA_IMAGE") / 1000000))
  worker_size=$(($(podman image inspect --format '{{.Size}}' "$WORKER_IMAGE") / 1000000))
  say "Kafka image: $kafka_size MB, built in $kafka_build"
  say "worker image: $worker_size MB, built in $worker_build"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  mkdir -p "$STATE"
  install_packages
  write_conf
  build_base
  build_images
fi
