"""Settings for generating SQL only: sqlmigrate and showmigrations read DATABASE_URL's database, never write it."""
import os
from urllib.parse import unquote, urlparse

_url = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@localhost:5432/postgres"))

SECRET_KEY = "not-secret: this project only generates SQL"
USE_TZ = True
INSTALLED_APPS = ["users", "parcels", "chat"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(_url.path.lstrip("/")) or "postgres",
        "USER": unquote(_url.username or ""),
        "PASSWORD": unquote(_url.password or ""),
        "HOST": _url.hostname or "localhost",
        "PORT": str(_url.port or 5432),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
