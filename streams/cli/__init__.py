"""The ``geowire`` command line (``streams.cli.main:main``)."""
