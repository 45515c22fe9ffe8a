"""Password hashing with a memory bound: argon2id at 19 MiB, a few hashes at a time per worker.

pwdlib's recommended argon2 parameters take 64 MiB per hash; sixteen parallel logins took a
worker from 0.3 to 1.3 GB. Here a hash takes 19 MiB (m=19456 KiB, t=2, p=1: OWASP's argon2id
baseline), and every hash of a process runs on one small pool of GLADI_LOGIN_HASH_CONCURRENCY
threads (the other logins wait their turn). A pool rather than a semaphore: glibc keeps the
memory a thread's hash used in that thread's own arena, so hashing on whatever request thread
happened to run would leave up to 19 MiB behind in each of them; with the pool only its few
threads ever hold it, and a worker's memory stays flat however many logins arrive. Hashes made
with older parameters still verify and are replaced by new ones at the next good login.

An unknown username is checked against a dummy hash with the same parameters, so a login takes
as long whether the user exists or not.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from pwdlib import PasswordHash
from pwdlib.exceptions import UnknownHashError
from pwdlib.hashers.argon2 import Argon2Hasher

from gladi.settings import get_settings

MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1
HASHER = PasswordHash(
    (Argon2Hasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM),)
)
T = TypeVar("T")
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()
_dummy: str | None = None


def _on_pool(work: Callable[[], T]) -> T:
    """Run `work` on the hashing pool and wait for it."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(
                max_workers=get_settings().login_hash_concurrency, thread_name_prefix="gladi-hash"
            )
        pool = _pool
    return pool.submit(work).result()


def hash_password(password: str) -> str:
    """The argon2id hash of `password` (computed on the hashing pool)."""
    return _on_pool(lambda: HASHER.hash(password))


def _dummy_hash() -> str:
    global _dummy
    if _dummy is None:
        _dummy = hash_password("gladi-no-such-user")
    return _dummy


def verify(password: str, stored: str | None) -> tuple[bool, str | None]:
    """(whether `password` matches, a new hash to store when the old parameters are outdated).

    `stored` None (no such user) costs one verification all the same and never matches.
    """
    target = stored if stored is not None else _dummy_hash()
    try:
        ok, updated = _on_pool(lambda: HASHER.verify_and_update(password, target))
    except UnknownHashError:  # an unusable stored hash never matches
        return False, None
    return (ok and stored is not None), (updated if ok and stored is not None else None)


def reset_pool() -> None:
    """Replace the pool (tests that change GLADI_LOGIN_HASH_CONCURRENCY)."""
    global _pool
    with _pool_lock:
        old, _pool = _pool, None
    if old is not None:
        old.shutdown(wait=True)
