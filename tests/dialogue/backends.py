"""An e-mail backend whose server is down: every send raises, like a refused SMTP connection."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("[Errno 111] SMTP server refused the connection")
