"""The answer key: the perfect submission, the steps in SOP order, and what the grader needs."""
