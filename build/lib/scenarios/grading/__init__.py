"""The grader: a pure function of (trace events, submission, answer key) -> report."""
