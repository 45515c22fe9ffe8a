"""History interaksi & tiket: past contacts and tickets about a number, newest first."""
