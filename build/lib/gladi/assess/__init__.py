"""Automated assessment: agents run episodes over HTTP and are graded exactly like people."""
