"""How the simulated customer understands agents: normalising chat Indonesian and English,
conversation basics, caller details, and scoring a message against a SOP's phrasing bank."""
