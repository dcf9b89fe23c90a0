"""Stage 3, geocode: tagged articles in, places and focus out.

In: ``TaggedArticleV1`` and a :class:`streams.gazetteer.Gazetteer`. Out: each place
mention resolved to a GeoNames place with a confidence, and the article's focus
(:class:`streams.geocode.geocoder.GazetteerGeocoder`).
"""
