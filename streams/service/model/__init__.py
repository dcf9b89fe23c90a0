"""The model's side of the worker: its stages on record bytes, in a thread or a process.

Neither module imports faust or aiokafka: the model process imports them.
"""
