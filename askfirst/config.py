"""Settings. Every value a deployer may change is read from an environment variable
when a config object is made (never at import time), and documented in README.md."""

import os
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Every language AskFirst ships, in the order the switcher shows them. Codes are BCP 47
# tags in lower case; a deployment may offer fewer (ASKFIRST_LANGUAGES).
SHIPPED_LANGUAGES = ("en", "es", "fr", "de", "it", "pl", "da", "pt-br", "ru", "uk",
                     "vi", "tl", "ko", "zh-hans", "ar", "fa")


def _env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


# Where `make run` serves, and so where links point when no public address is set.
LOCAL_BASE_URL = "http://127.0.0.1:5000"


def trusted_hosts(public_base_url: str) -> list[str] | None:
    """The host of the public address, for Flask's TRUSTED_HOSTS; None (any host) if unset."""
    if not public_base_url:
        return None
    parts = urlsplit(public_base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise ValueError("ASKFIRST_PUBLIC_BASE_URL must be an address like https://askfirst.example, "
                         f"without a path: not {public_base_url!r}")
    return [parts.hostname]


class Config:
    """Production defaults, overridable from the environment."""

    def __init__(self) -> None:
        # Languages offered, in the order the switcher shows them. English must stay:
        # it is the fallback for content a translation lacks.
        self.LANGUAGES = _env_list("ASKFIRST_LANGUAGES", ",".join(SHIPPED_LANGUAGES))
        self.BABEL_DEFAULT_LOCALE = "en"
        self.BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
        self.CONTENT_DIR = Path(os.environ.get("ASKFIRST_CONTENT_DIR", ROOT / "content"))
        # The largest request body accepted; the check's forms are a few hundred bytes.
        self.MAX_CONTENT_LENGTH = int(os.environ.get("ASKFIRST_MAX_BODY_BYTES", 16 * 1024))
        # How many questions a sheet shows at most (the others that apply are under "More
        # questions"): short enough to use at a desk, and to print on two pages of the
        # sheet's own paper in every language, at 11pt with two lines to write each answer.
        # tests/test_browser_print.py measures that, and names the number that fits when
        # the sheet has grown past it.
        self.SHEET_MAX_QUESTIONS = int(os.environ.get("ASKFIRST_SHEET_MAX_QUESTIONS", 5))
        # Rate limits, in Flask-Limiter's notation ("30 per minute"); storage is memory
        # unless a Redis URL is given, so that several workers share one count.
        self.RATELIMIT_STORAGE_URI = os.environ.get("ASKFIRST_RATELIMIT_STORAGE", "memory://")
        self.RATELIMIT_FORM_POSTS = os.environ.get("ASKFIRST_RATELIMIT_FORM_POSTS", "60 per minute")
        self.RATELIMIT_SHEET = os.environ.get("ASKFIRST_RATELIMIT_SHEET", "30 per minute")
        self.RATELIMIT_PDF = os.environ.get("ASKFIRST_RATELIMIT_PDF", "10 per minute")
        self.RATELIMIT_PARTNERS = os.environ.get("ASKFIRST_RATELIMIT_PARTNERS", "30 per minute")
        # X-RateLimit-* on every answer would tell anyone each worker's count; a 429 still
        # says Retry-After (extensions.py).
        self.RATELIMIT_HEADERS_ENABLED = False
        self.RATELIMIT_ENABLED = os.environ.get("ASKFIRST_RATELIMIT_ENABLED", "1") != "0"
        # If the shared store (Redis) is unreachable, each worker counts in its own memory
        # and pages keep working; /healthz says so. Short timeouts, so that a store that
        # does not answer costs a worker's first request about a second, not the page.
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_SWALLOW_ERRORS = True
        if self.RATELIMIT_STORAGE_URI.startswith(("redis://", "rediss://", "redis+unix://")):
            self.RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
        # A clinic's own copy: its name (on the sheet and the poster), the country its
        # patients are most often treated in (preselected, not assumed), and kiosk mode
        # for a shared screen, which returns to the start after the idle time.
        self.CLINIC_NAME = os.environ.get("ASKFIRST_CLINIC_NAME", "").strip()
        self.DEFAULT_COUNTRY = os.environ.get("ASKFIRST_DEFAULT_COUNTRY", "").strip().lower()
        self.KIOSK = os.environ.get("ASKFIRST_KIOSK", "0") == "1"
        self.KIOSK_IDLE_SECONDS = int(os.environ.get("ASKFIRST_KIOSK_IDLE_SECONDS", 120))
        # The clinic's privacy contact, an e-mail address: a patient's letter to the clinic
        # opens in their e-mail program addressed to it. Empty: they fill in the address.
        self.PRIVACY_CONTACT = os.environ.get("ASKFIRST_PRIVACY_CONTACT", "").strip()
        # Where to report a security problem (security.txt): "mailto:..." or "https://...".
        self.SECURITY_CONTACT = os.environ.get("ASKFIRST_SECURITY_CONTACT", "")
        # The site's public address, without a trailing slash: every absolute link (QR codes,
        # partners' links) starts with it, never with a request's Host header. When set, it
        # is also the only host the site answers for (Flask refuses any other Host with a
        # 400). Unset, links point where `make run` serves and any Host is answered: fit for
        # a local run only, so `make serve` refuses to start without it.
        public_base_url = os.environ.get("ASKFIRST_PUBLIC_BASE_URL", "").rstrip("/")
        self.PUBLIC_BASE_URL = public_base_url or LOCAL_BASE_URL
        self.TRUSTED_HOSTS = trusted_hosts(public_base_url)
        # How many reverse proxies stand in front of the app and set X-Forwarded-*.
        # 0 trusts none: the client address is the connection's. Set it to your proxies.
        self.PROXY_COUNT = int(os.environ.get("ASKFIRST_PROXY_COUNT", 0))
        # Seconds a browser or shared cache may keep a content page (not the sheet).
        self.CONTENT_CACHE_SECONDS = int(os.environ.get("ASKFIRST_CONTENT_CACHE_SECONDS", 3600))
        # How many PDFs may be rendered at once, a sheet in two languages counting as two:
        # each holds a gunicorn worker while it renders, so this many workers at most are
        # kept from pages. Also the number of renderer processes (about 100 MB each).
        self.PDF_SLOTS = int(os.environ.get("ASKFIRST_PDF_SLOTS", 2))
        # Whether what is the same for everyone is rendered once at start-up (prerendered.py);
        # off in development, so that an edited template or content file shows at once.
        self.PRERENDER = True
        # No SECRET_KEY on purpose: without one Flask's session cannot be written,
        # so no code path can ever set a session cookie.
        self.TESTING = False


class DevelopmentConfig(Config):
    """What `make dev` uses: the same site, with templates and content read anew on change."""

    def __init__(self) -> None:
        super().__init__()
        self.TEMPLATES_AUTO_RELOAD = True
        self.PRERENDER = False


class TestConfig(Config):
    """What the tests pass to create_app: no rate limits unless a test turns them on."""

    __test__ = False  # a config, not a test class, despite its name

    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.LANGUAGES = list(SHIPPED_LANGUAGES)  # tests cover every language, whatever the env says
        self.RATELIMIT_ENABLED = False
        self.RATELIMIT_STORAGE_URI = "memory://"


# The configurations a name can choose: `create_app("development")`, as `make dev` does.
CONFIGS = {"production": Config, "development": DevelopmentConfig}
