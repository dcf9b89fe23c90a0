"""The local single-node KRaft broker run from Maven Central jars (``geowire broker``)."""
