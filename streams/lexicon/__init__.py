"""Shared word lists: titles, place words, demonyms. A leaf: imports nothing from geowire."""
