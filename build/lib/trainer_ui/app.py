"""Entry point of `streamlit run trainer_ui/app.py`: builds the navigation and nothing else."""

from trainer_ui.nav import run

run()
