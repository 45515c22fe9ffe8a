"""Domain generators: decide how many of what, force coverage, call the builders, feed a sink."""
