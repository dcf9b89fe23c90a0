#!/usr/bin/env bash
# The image's entry point: one KRaft node configured the way the apache/kafka image is, so
# the same compose file runs either. KAFKA_FOO_BAR=value sets foo.bar=value (a double
# underscore stands for "_", a triple one for "-") over the defaults in
# config/server.properties; CLUSTER_ID names the cluster when the storage is formatted
# (a random id otherwise); KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS and KAFKA_OPTS go to
# the JVM. The storage is formatted on first start and kept as it is afterwards.
# `kafka-container-start.sh --print-config` prints the configuration and starts nothing.
set -euo pipefail
home=${KAFKA_HOME:-/opt/kafka}
conf=$home/run/server.properties

declare -A overrides=()
for name in $(compgen -e); do
  case $name in
    KAFKA_HEAP_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_TOOLS_JVM_OPTS | KAFKA_OPTS) ;;
    KAFKA_HOME | KAFKA_VERSION) ;;
    KAFKA_*)
      key=${name#KAFKA_}
      key=${key,,}
      key=${key//___/-}
      key=${key//__/@}
      key=${key//_/.}
      overrides[${key//@/_}]=${!name}
      ;;
  esac
done

render() {
  # the defaults without the keys the environment sets, then those keys
  while IFS= read -r line || [ -n "$line" ]; do
    key=${line%%=*}
    [[ $line != \#* && $line == *=* && -v overrides[$key] ]] || printf '%s\n' "$line"
  done <"$home/config/server.properties"
  echo "# from the KAFKA_* environment"
  for key in "${!overrides[@]}"; do printf '%s=%s\n' "$key" "${overrides[$key]}"; done
}

if [ "${1:-}" = --print-config ]; then
  render
  exit 0
fi
mkdir -p "$home/run"
render >"$conf"

log_dirs=$(sed -n 's/^log\.dirs=//p' "$conf" | tail -n 1)
if [ ! -f "${log_dirs%%,*}/meta.properties" ]; then
  cluster_id=${CLUSTER_ID:-$("$home/bin/kafka-run-class.sh" kafka.tools.StorageTool random-uuid)}
  "$home/bin/kafka-run-class.sh" kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id "$cluster_id" --config "$conf"
fi

# exec: the JVM is PID 1 and gets SIGTERM itself, and shuts the broker down cleanly.
# shellcheck disable=SC2086  # the option variables hold several words
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} \
  ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20} ${KAFKA_OPTS:-} \
  -Djava.awt.headless=true -Dkafka.console.level=INFO \
  -Dlog4j2.configurationFile="$home/config/log4j2.yaml" -Dkafka.logs.dir="$home/logs" \
  -cp "$home/libs/*" kafka.Kafka "$conf"
