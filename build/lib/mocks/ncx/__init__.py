"""NCXtools: EBIS > Asset (search, Detail) and EBIS > Sales Order (search, Detail, CABASA)."""
