"""A page as a PDF to take away: rendered by WeasyPrint in a renderer process (askfirst/pdf/),
from the same template as the page. The sheet and the poster both come this way."""

from collections.abc import Callable

from flask import Response, abort, current_app, make_response

from .. import mode, pdf


def as_pdf(html: Callable[[], str], filename: str, weight: int = 1) -> Response:
    """The PDF of the page `html()` renders, as a download named `filename`. None on a
    shared screen (kiosk mode keeps no files): 404. When the PDF slots are taken (a sheet in
    two languages holds two, `weight`), or WeasyPrint cannot load: 503 at once, with
    Retry-After."""
    if not mode.current().downloads:
        abort(404)
    if not pdf.available():
        abort(503)
    try:
        with pdf.service(current_app).slot(weight) as renderer:
            document = renderer.render(html())
    except (pdf.Busy, pdf.Unavailable):
        abort(503, retry_after=pdf.RETRY_AFTER_SECONDS)
    response = make_response(document)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
