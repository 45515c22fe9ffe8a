"""Accounts, sessions, episodes and their traces: everything a worker must not keep in memory."""
