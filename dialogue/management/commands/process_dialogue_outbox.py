from django.core.management.base import BaseCommand

from dialogue import notifications, throttling


class Command(BaseCommand):
    help = (
        "Sends the dialogue section's pending e-mails whose retry is due and forgets expired "
        "rate-limit windows. Run every minute or so (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="e-mails per run")

    def handle(self, *args, limit, **options):
        sent, pending = notifications.deliver_due(limit=limit)
        purged = throttling.purge_expired()
        self.stdout.write(
            f"Dialogue outbox: {sent} sent, {pending} still pending; {purged} counters purged."
        )
