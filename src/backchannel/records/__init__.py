"""Public records as Records: contract awards (USAspending, FPDS) and lobbying filings (Senate LDA)."""
