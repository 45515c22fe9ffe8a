"""E-Payment / I-Payment: bill inquiry by jastel, account number or IndiHome number."""
