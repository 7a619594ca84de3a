"""Caches that misbehave, for tests: one that loses every write, one that keeps returning old values."""

from django.core.cache.backends.locmem import LocMemCache


class DroppingCache(LocMemCache):
    """A cache whose writes all fail silently (Redis refusing writes, with IGNORE_EXCEPTIONS)."""

    def add(self, key, value, timeout=None, version=None):
        return False

    def set(self, key, value, timeout=None, version=None):
        return None

    def set_many(self, data, timeout=None, version=None):
        return list(data)

    def delete(self, key, version=None):
        return False


class StaleCache(LocMemCache):
    """A cache that never forgets its first value for a key (Redis restored from an old snapshot)."""

    def set(self, key, value, timeout=None, version=None):
        if not self.has_key(key, version=version):
            super().set(key, value, None, version=version)

    def set_many(self, data, timeout=None, version=None):
        for key, value in data.items():
            self.set(key, value, timeout, version)
        return []

    def delete(self, key, version=None):
        return False


def caches_setting(backend):
    """``CACHES`` with ``backend`` (a class above, by dotted path) as the default cache."""
    return {"default": {"BACKEND": f"tests.core.cache_backends.{backend}", "LOCATION": backend}}
