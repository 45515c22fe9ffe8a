"""SOPs as data, cases, instantiation, the simulated customer, the answer key and the grader.

The public entry points live in `scenarios.engine`; see scenarios/README.md for the formats.
"""
