"""The health check and security.txt."""

from askfirst.views import service
from conftest import fresh_app
from servers import free_port


def test_health_check_answers_when_pages_render(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert response.headers["Cache-Control"] == "no-store"


def test_health_check_fails_when_pages_cannot_render(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template missing")
    monkeypatch.setattr(service, "render_template", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_security_txt_is_absent_until_a_contact_is_configured(client):
    assert client.get("/.well-known/security.txt").status_code == 404


def test_security_txt_names_the_configured_contact(app_with):
    app = app_with(SECURITY_CONTACT="mailto:security@askfirst.example", PUBLIC_BASE_URL="https://askfirst.example")
    response = app.test_client().get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert "Contact: mailto:security@askfirst.example" in lines
    assert any(line.startswith("Expires: 20") for line in lines)
    assert "Canonical: https://askfirst.example/.well-known/security.txt" in lines


def test_health_check_says_degraded_without_the_rate_limit_store():
    """200, so that an outage of the shared Redis does not take every instance out of
    rotation; the body tells a load balancer that can read it."""
    app = fresh_app(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}")
    response = app.test_client().get("/healthz")  # nothing listens at that address
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "degraded: rate-limit store unreachable\n"
    assert response.headers["Cache-Control"] == "no-store"
