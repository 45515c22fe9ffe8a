"""Example agents for `gladi assess --agent examples.<module>:<function>`."""
