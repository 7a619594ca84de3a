"""The database's record of what changed: one stamp per cache tag, written with the change."""

from django.db import models


class CacheStamp(models.Model):
    """The last change of everything a cache tag names (``page-12``, ``image-3``, ``pages``...).

    ``version`` is a number from one sequence, kept in the row tagged ``*`` and taken in the
    change's own transaction: a cached answer records the sequence it was built after and is
    trusted only while none of its tags carries a higher one (``core/stamps.py``).
    """

    tag = models.CharField(max_length=255, primary_key=True)
    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "cache stamp"

    def __str__(self):
        return f"{self.tag}@{self.version}"


class SharedCacheEntry(models.Model):
    """The table of Django's database cache (``DatabaseCache``), created by ``migrate``.

    Production uses it when ``REDIS_URL`` is not set, so every worker and process shares one
    cache without a separate ``createcachetable`` step. Django reads and writes it itself.
    """

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "cms_cache"
        verbose_name = "shared cache entry"

    def __str__(self):
        return self.cache_key
