"""The first run of a workstation: its profile, the seed catalogue and calendar, the first
administrator — what the window's wizard asks for, checked before anything is written."""

from __future__ import annotations

from ..domain.accounts import Role, new_account_problems
from ..domain.errors import ValidationFailed
from ..domain.model import Procedure
from .counter import Changes, Counter
from .demo import seed_calendar_exceptions, seed_catalogue_files
from .profile import Profile


def set_up_workstation(counter: Counter, profile: Profile, *, username: str, full_name: str,
                       password: str) -> Changes:
    """As `init` does, plus the first administrator. Every problem is reported first; only an
    I/O failure could leave the profile written without the account (run the wizard again)."""
    problems = counter.profile_problems(profile)
    has_users = counter.accounts.has_users()  # then they stay, and only the profile is written
    if not has_users:
        problems += new_account_problems(username, full_name, Role.ADMINISTRATOR.value, password)
    if problems:
        raise ValidationFailed(problems)
    counter.set_profile(profile)
    catalogue: list[Procedure] = counter.procedures()
    if not catalogue:
        counter.import_catalogue(seed_catalogue_files())
    if not counter.calendar_exceptions():
        counter.put_calendar_exceptions(seed_calendar_exceptions())
    if not has_users:
        counter.accounts.create_first_administrator(username, full_name, password)
    return Changes(profile=True, catalogue=not catalogue, calendar=True)
