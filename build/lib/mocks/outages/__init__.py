"""Informasi gangguan: mass outage notices by area, active at the caller's clock."""
