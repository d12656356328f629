"""Settings every test module shares."""

from hypothesis import HealthCheck, settings

# Hypothesis' per-example deadline is a timing target; those live in bench/, and on a shared
# two-core machine it fails tests whose logic is right.
settings.register_profile(
    "trangxa", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("trangxa")
