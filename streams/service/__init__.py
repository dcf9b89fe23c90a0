"""The Kafka shell: the Faust app, its agents, topics, codec, metrics, replay and clients.

The only part of geowire that imports faust or aiokafka; the agents decode, call the
core, encode and send.
"""
