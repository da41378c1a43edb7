"""The real app for the PDF tests under gunicorn, plus one test-only page that says which
worker answered and whether it has loaded WeasyPrint. Tests only."""

import os
import sys

from app import create_app

app = create_app()


@app.get("/__test/weasyprint")
def weasyprint_loaded():
    return {"pid": os.getpid(), "loaded": any(name.split(".")[0] == "weasyprint" for name in sys.modules)}
