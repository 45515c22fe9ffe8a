"""Ticket desk: the KIP catalog, filing IN / NN tickets inside an episode, reading them back."""
