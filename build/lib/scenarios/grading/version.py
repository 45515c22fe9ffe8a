"""The grader's version: keys are built for it and reports say which version graded them.

1: pass/fail on the score and a few fail reasons.
2: critical items, every ticket graded, what the conversation established, advice as a move,
   values read as people write them, fail reasons in plain words (Indonesian and English).
"""

GRADER_VERSION = 2
