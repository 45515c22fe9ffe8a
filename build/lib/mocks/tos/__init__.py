"""TOS (TiBS Operational Support): guest login and Print Invoice Billing Test (JSON and PDF)."""
