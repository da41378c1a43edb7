"""AskFirst: the logic behind the site; app.py builds the Flask app from it."""
