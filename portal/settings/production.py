"""Production: everything from the environment, HTTPS assumed behind nginx."""

from .base import *  # noqa: F403

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
# HSTS preload is a commitment to browsers' preload lists for the whole domain; that is the
# province's decision, made outside the code, so its --deploy reminder is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
