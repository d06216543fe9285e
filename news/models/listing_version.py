from django.db import IntegrityError, models, transaction
from django.db.models import F


class NewsListingVersion(models.Model):
    """A counter bumped whenever the articles listed by a news index may have changed.

    List pages cache their article counts under (index, version): counting 100,000 rows on
    every request would cost more than the rest of the page. Bumped on publish, unpublish,
    move and delete of an article (news.signal_handlers), kept off the index page itself so that
    publishing an old revision of the index can never bring back an old number.
    """

    index = models.OneToOneField(
        "news.NewsIndexPage", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.index_id}: {self.version}"

    @classmethod
    def current(cls, index_id):
        return cls.objects.filter(index_id=index_id).values_list("version", flat=True).first() or 0

    @classmethod
    def bump(cls, index_id=None):
        """Bump one index's version, or every index's when index_id is None."""
        if index_id is None:
            from news.models.index import NewsIndexPage

            cls.objects.update(version=F("version") + 1)
            missing = NewsIndexPage.objects.exclude(
                pk__in=cls.objects.values("index_id")
            ).values_list("pk", flat=True)
            for pk in missing:
                cls._create_or_bump(pk)
            return
        if not cls.objects.filter(index_id=index_id).update(version=F("version") + 1):
            cls._create_or_bump(index_id)

    @classmethod
    def _create_or_bump(cls, index_id):
        try:
            with transaction.atomic():
                cls.objects.create(index_id=index_id, version=1)
        except IntegrityError:  # created meanwhile by another request
            cls.objects.filter(index_id=index_id).update(version=F("version") + 1)
