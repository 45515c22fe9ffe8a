"""Reading values as people type them: Rupiah amounts, dates and times, yes/no, status claims."""
