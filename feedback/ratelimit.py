"""How many forms one client may send per day, counted without keeping its address.

The counter's key is an HMAC (keyed with SECRET_KEY) of the client's address and the day:
the address itself is never stored, in the cache or anywhere else, and the key changes every
day. Counters live in Django's cache: shared by every process with Redis (REDIS_URL), per
process with the default memory cache (a client then gets the limit once per worker, which
still stops a script from flooding the table).
"""

from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from cms.security import client_ip

DAY_SECONDS = 24 * 60 * 60


def client_key(request, scope: str) -> str:
    day = timezone.localdate().isoformat()
    digest = salted_hmac(f"feedback.ratelimit.{scope}", f"{client_ip(request)}|{day}").hexdigest()
    return f"feedback-ratelimit:{scope}:{digest}"


def allow(request, scope: str, limit: int) -> bool:
    """Count one more submission of ``scope`` for this client today; False past ``limit``."""
    key = client_key(request, scope)
    cache.add(key, 0, timeout=DAY_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=DAY_SECONDS)
        count = 1
    return count <= limit
