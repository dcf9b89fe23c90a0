#!/usr/bin/env bash
# kafka-run-class.sh CLASS ARGS...: run a Kafka main class with the image's jars. The
# command-line tools are short-lived JVMs (the health check runs one every few seconds):
# a small heap, the serial collector and the quick compiler only start them faster
# (5.4 s -> 3.5 s for kafka-broker-api-versions.sh on a busy 2-core machine).
# KAFKA_HEAP_OPTS and KAFKA_TOOLS_JVM_OPTS override these.
set -euo pipefail
home=${KAFKA_HOME:-/opt/kafka}
# shellcheck disable=SC2086  # the option variables hold several words
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} \
  ${KAFKA_TOOLS_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} ${KAFKA_OPTS:-} \
  -Djava.awt.headless=true \
  -Dlog4j2.configurationFile="$home/config/log4j2.yaml" -Dkafka.logs.dir="$home/logs" \
  -cp "$home/libs/*" "$@"
