"""The three Faust agents (split, tag, geocode) and the delivery they share."""
