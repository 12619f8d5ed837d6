"""Local accounts: roles, what each role may do (as data), the rules for names and passwords."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NewType

from .errors import DomainError, FieldProblem
from .text import clean, fold, nfc

UserId = NewType("UserId", int)

MIN_PASSWORD = 8
MAX_PASSWORD = 128  # argon2 takes any length; a cap keeps a pasted novel from costing seconds
MAX_FULL_NAME = 150
# Letters (Vietnamese too), digits, dot, underscore, hyphen; no blank: typed at every log-in.
USERNAME = re.compile(r"[^\W_][\w.\-]{1,31}")


class Role(StrEnum):
    CLERK = "clerk"  # cán bộ tiếp nhận
    POSTAL_AGENT = "postal_agent"  # nhân viên bưu điện làm việc tại Bộ phận Một cửa
    SUPERVISOR = "supervisor"  # tổ trưởng, lãnh đạo Bộ phận Một cửa
    ADMINISTRATOR = "administrator"  # quản trị máy trạm


class Action(StrEnum):
    RECEIVE = "receive"
    GUIDE = "guide"  # Mẫu 02
    REFUSE = "refuse"  # Mẫu 03
    PRINT = "print"
    LOOKUP = "lookup"
    CHANGE_STATUS = "change_status"
    POSTAL = "postal"  # hand-over to and from the post (S10)
    SWITCH_USER = "switch_user"  # unlock a workstation locked by someone else
    RESOLVE_SYNC = "resolve_sync"  # quarantined and conflicting events
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_PROFILE = "manage_profile"
    MANAGE_CATALOGUE = "manage_catalogue"
    MANAGE_CALENDAR = "manage_calendar"
    MANAGE_PRINTERS = "manage_printers"
    CLOSE_DAY = "close_day"  # chốt sổ cuối ngày; reports of the workstation (Báo cáo page)
    VIEW_DASHBOARD = "view_dashboard"  # the supervisor's dashboard (Tổng quan)


_COUNTER_WORK = frozenset({Action.RECEIVE, Action.GUIDE, Action.REFUSE, Action.PRINT,
                           Action.LOOKUP, Action.CHANGE_STATUS, Action.POSTAL,
                           Action.CLOSE_DAY})

PERMISSIONS: Mapping[Role, frozenset[Action]] = {
    Role.CLERK: _COUNTER_WORK,
    # Decision 468/QĐ-TTg lets postal staff receive at the counter in the officials' place;
    # moving a dossier through the back office is not theirs to do.
    Role.POSTAL_AGENT: _COUNTER_WORK - {Action.CHANGE_STATUS},
    Role.SUPERVISOR: _COUNTER_WORK | {Action.SWITCH_USER, Action.RESOLVE_SYNC,
                                      Action.VIEW_DASHBOARD},
    Role.ADMINISTRATOR: frozenset(Action),
}


def can(role: Role, action: Action) -> bool:
    """Whether `role` may do `action` (the whole table is PERMISSIONS)."""
    return action in PERMISSIONS.get(role, frozenset())


@dataclass(frozen=True)
class User:
    """A local account as shown and passed around: never the password hash."""

    id: UserId
    username: str  # NFC, as chosen; unique by its folded form
    full_name: str
    role: Role
    active: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    last_login_at: dt.datetime | None = None
    failed_attempts: int = 0
    locked_until: dt.datetime | None = None


@dataclass(frozen=True)
class Session:
    """Who is working at the counter now; every event they cause carries `username`."""

    user: User
    role: Role
    started_at: dt.datetime

    @property
    def username(self) -> str:
        return self.user.username

    def can(self, action: Action) -> bool:
        return can(self.role, action)


@dataclass(frozen=True)
class AccountEvent:
    """One row of the append-only account audit trail."""

    seq: int
    at: dt.datetime
    actor: str  # who did it: a username, or "cli:<os user>" for the command line
    username: str  # whose account
    kind: str  # created, password_changed, role_changed, deactivated, activated, login, …
    detail: dict[str, object]


# ----- errors (codes; messages.py and ui/ say them) -----------------------------------------


class WrongCredentials(DomainError):
    """Unknown name or wrong password: which one is not said."""

    code = "auth.wrong_credentials"


class AccountLocked(DomainError):
    """Too many wrong passwords in a row: refused until `until` (params: username, until)."""

    code = "auth.locked"


class AccountInactive(DomainError):
    code = "auth.inactive"


class NotAllowed(DomainError):
    """The session's role may not do this (params: username, action)."""

    code = "auth.not_allowed"


class AccountNotFound(DomainError):
    code = "account.not_found"


class LastAdministrator(DomainError):
    """Deactivating or demoting the last active administrator would lock everyone out."""

    code = "account.last_admin"


class AccountsExist(DomainError):
    """The first administrator can be created without logging in only while there is none."""

    code = "account.exists"


# ----- rules ---------------------------------------------------------------------------------


def username_key(username: str) -> str:
    """The form usernames are unique by and looked up by: "Hương" and "HUONG" are one."""
    return fold(nfc(username).strip())


def parse_role(value: str) -> Role | None:
    try:
        return Role(value.strip())
    except ValueError:
        return None


def username_problems(username: str) -> list[FieldProblem]:
    name = nfc(username).strip()
    if not name:
        return [FieldProblem("username", "required")]
    if not USERNAME.fullmatch(name):
        return [FieldProblem("username", "username.format")]
    return []


def password_problems(password: str, username: str = "") -> list[FieldProblem]:
    """At least MIN_PASSWORD characters, at most MAX_PASSWORD, and not the username."""
    password = nfc(password)
    if not password:
        return [FieldProblem("password", "required")]
    if len(password) < MIN_PASSWORD:
        return [FieldProblem("password", "password.too_short", {"min": MIN_PASSWORD})]
    if len(password) > MAX_PASSWORD:
        return [FieldProblem("password", "too_long", {"max": MAX_PASSWORD})]
    if username.strip() and fold(password) == username_key(username):
        return [FieldProblem("password", "password.same_as_username")]
    return []


def full_name_problems(full_name: str) -> list[FieldProblem]:
    name = clean(full_name)
    if not name:
        return [FieldProblem("full_name", "required")]
    if len(name) > MAX_FULL_NAME:
        return [FieldProblem("full_name", "too_long", {"max": MAX_FULL_NAME})]
    return []


def new_account_problems(
    username: str, full_name: str, role: str, password: str
) -> list[FieldProblem]:
    """Every problem of a new account at once (the name's uniqueness is the store's to check)."""
    problems = username_problems(username) + full_name_problems(full_name)
    if parse_role(role) is None:
        problems.append(FieldProblem("role", "role.unknown", {"value": role}))
    return problems + password_problems(password, username)
