"""The episode API under /api: sign-in, scenarios, episodes, results, exams."""
