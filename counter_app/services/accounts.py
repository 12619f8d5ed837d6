"""Local accounts: create, change, log in, lock out; every change written to the audit trail."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import getpass
import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..domain.accounts import (
    AccountEvent,
    AccountInactive,
    AccountLocked,
    AccountNotFound,
    AccountsExist,
    Action,
    LastAdministrator,
    NotAllowed,
    Role,
    Session,
    User,
    WrongCredentials,
    new_account_problems,
    parse_role,
    password_problems,
    username_key,
)
from ..domain.errors import FieldProblem, ValidationFailed
from ..domain.text import clean, nfc
from ..store import accounts as store
from ..store import db

if TYPE_CHECKING:  # argon2 (cffi) loads with the first password, not with the window
    from argon2 import PasswordHasher

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5  # wrong passwords in a row before a short lock-out
LOCKOUT = dt.timedelta(minutes=5)


def make_hasher() -> PasswordHasher:
    """argon2id with RFC 9106's second recommended set (64 MiB, 3 passes, 4 lanes): about a
    tenth of a second on an office PC, once per log-in."""
    from argon2 import PasswordHasher, Type

    return PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32,
                          salt_len=16, type=Type.ID)


@functools.cache
def _default_hasher() -> PasswordHasher:
    return make_hasher()


def cli_actor() -> str:
    """Who the audit trail names for a change made with the command line."""
    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli"


class Accounts:
    """The use cases over the accounts of one open database; one transaction each.

    Changes take `by`: the session of the person making them, whose role must allow
    MANAGE_ACCOUNTS; None means the command line on this machine (whoever can open the data
    directory can change it anyway), recorded as `actor`.
    """

    def __init__(self, conn: sqlite3.Connection, clock: Callable[[], dt.datetime],
                 hasher: PasswordHasher | None = None) -> None:
        self.conn = conn
        self.clock = clock
        self._hasher = hasher

    @property
    def hasher(self) -> PasswordHasher:
        if self._hasher is None:
            self._hasher = _default_hasher()
        return self._hasher

    # ----- reading -------------------------------------------------------------------------

    def has_users(self) -> bool:
        return store.count(self.conn) > 0

    def users(self) -> list[User]:
        return store.all_users(self.conn)

    def get(self, username: str) -> User:
        return self._find(username)[0]

    def audit(self, username: str | None = None) -> list[AccountEvent]:
        return store.events(self.conn, username)

    def _find(self, username: str) -> tuple[User, str]:
        found = store.by_key(self.conn, username_key(username))
        if found is None:
            raise AccountNotFound(username=clean(username))
        return found

    # ----- changes -------------------------------------------------------------------------

    def _actor(self, by: Session | None, actor: str, action: Action = Action.MANAGE_ACCOUNTS,
               ) -> str:
        if by is None:
            return actor or cli_actor()
        if not by.can(action):
            raise NotAllowed(username=by.username, action=action.value)
        return by.username

    def create(self, username: str, full_name: str, role: Role | str, password: str, *,
               by: Session | None = None, actor: str = "") -> User:
        """A new active account; every problem reported at once, nothing written then."""
        who = self._actor(by, actor)
        return self._create(username, full_name, role, password, who)

    def create_first_administrator(self, username: str, full_name: str,
                                   password: str) -> User:
        """The first-run account, made without logging in: only while there is no account."""
        if self.has_users():
            raise AccountsExist()
        return self._create(username, full_name, Role.ADMINISTRATOR, password, "first-run")

    def _create(self, username: str, full_name: str, role: Role | str, password: str,
                actor: str) -> User:
        name, key = nfc(username).strip(), username_key(username)
        problems = new_account_problems(name, full_name, str(role), password)
        if not problems and store.key_taken(self.conn, key):
            problems.append(FieldProblem("username", "username.taken", {"username": name}))
        if problems:
            raise ValidationFailed(problems)
        hashed = self.hasher.hash(nfc(password))  # outside the write lock: it takes a while
        now = self.clock()
        with db.transaction(self.conn):
            try:
                user = store.insert(self.conn, username=name, key=key,
                                    full_name=clean(full_name), role=Role(str(role)),
                                    password_hash=hashed, now=now)
            except sqlite3.IntegrityError as e:  # made meanwhile by another process
                raise ValidationFailed([FieldProblem("username", "username.taken",
                                                     {"username": name})]) from e
            store.append_event(self.conn, at=now, actor=actor, username=name, kind="created",
                               detail={"role": user.role.value, "full_name": user.full_name})
        log.info("account %s created", name)
        return user

    def change_password(self, username: str, new_password: str, *, by: Session | None = None,
                        current: str | None = None, actor: str = "") -> User:
        """Anyone their own (with the current password); an administrator anyone's (a reset,
        which also lifts a lock-out)."""
        user, hashed = self._find(username)
        own = by is not None and by.user.id == user.id
        if own and not by_admin(by):
            if current is None or not self._verify(hashed, current):
                raise ValidationFailed([FieldProblem("current_password", "password.wrong")])
            who = user.username
        else:
            who = self._actor(by, actor)
        problems = password_problems(new_password, user.username)
        if problems:
            raise ValidationFailed(problems)
        new_hash = self.hasher.hash(nfc(new_password))
        now = self.clock()
        with db.transaction(self.conn):
            store.update(self.conn, user.id, now, password_hash=new_hash)
            store.record_attempt(self.conn, user.id, failed_attempts=0, locked_until=None)
            store.append_event(self.conn, at=now, actor=who, username=user.username,
                               kind="password_changed", detail={"reset": not own})
        return self.get(user.username)

    def set_role(self, username: str, role: Role | str, *, by: Session | None = None,
                 actor: str = "") -> User:
        who = self._actor(by, actor)
        new = parse_role(str(role))
        if new is None:
            raise ValidationFailed([FieldProblem("role", "role.unknown", {"value": str(role)})])
        now = self.clock()
        with db.transaction(self.conn):
            user = self._find(username)[0]
            if user.role == new:
                return user
            self._keep_an_administrator(user, role=new, active=user.active)
            store.update(self.conn, user.id, now, role=new.value)
            store.append_event(self.conn, at=now, actor=who, username=user.username,
                               kind="role_changed", detail={"from": user.role.value,
                                                            "to": new.value})
        return self.get(user.username)

    def set_active(self, username: str, active: bool, *, by: Session | None = None,
                   actor: str = "") -> User:
        """Deactivate (never delete: events name the user) or reactivate an account."""
        who = self._actor(by, actor)
        now = self.clock()
        with db.transaction(self.conn):
            user = self._find(username)[0]
            if user.active == active:
                return user
            self._keep_an_administrator(user, role=user.role, active=active)
            store.update(self.conn, user.id, now, active=int(active))
            store.append_event(self.conn, at=now, actor=who, username=user.username,
                               kind="activated" if active else "deactivated")
        return self.get(user.username)

    def deactivate(self, username: str, *, by: Session | None = None, actor: str = "") -> User:
        return self.set_active(username, False, by=by, actor=actor)

    def _keep_an_administrator(self, user: User, *, role: Role, active: bool) -> None:
        was = user.role == Role.ADMINISTRATOR and user.active
        stays = role == Role.ADMINISTRATOR and active
        if was and not stays and store.active_administrators(self.conn) <= 1:
            raise LastAdministrator(username=user.username)

    # ----- logging in ----------------------------------------------------------------------

    def _verify(self, hashed: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return self.hasher.verify(hashed, nfc(password))
        except (VerificationError, InvalidHashError):
            return False

    def authenticate(self, username: str, password: str) -> Session:
        """A session for the right password of an active, not locked-out account.

        MAX_FAILED_ATTEMPTS wrong passwords in a row lock the account out for LOCKOUT; an
        unknown name and a wrong password are the same error.
        """
        now = self.clock()
        found = store.by_key(self.conn, username_key(username))
        if found is None:
            self._verify(_dummy_hash(self.hasher), password)  # as slow as a known name
            with db.transaction(self.conn):
                store.append_event(self.conn, at=now, actor=clean(username)[:64],
                                   username=clean(username)[:64], kind="login_failed",
                                   detail={"reason": "unknown"})
            raise WrongCredentials()
        user, hashed = found
        if user.locked_until is not None and now < user.locked_until:
            raise AccountLocked(username=user.username, until=user.locked_until)
        if not self._verify(hashed, password):
            self._count_failure(user, now)
            raise WrongCredentials()
        if not user.active:
            with db.transaction(self.conn):
                store.append_event(self.conn, at=now, actor=user.username,
                                   username=user.username, kind="login_failed",
                                   detail={"reason": "inactive"})
            raise AccountInactive(username=user.username)
        rehash = self.hasher.check_needs_rehash(hashed)
        new_hash = self.hasher.hash(nfc(password)) if rehash else None
        with db.transaction(self.conn):
            store.record_attempt(self.conn, user.id, failed_attempts=0, locked_until=None,
                                 last_login_at=now)
            if new_hash is not None:  # the parameters were raised since the last log-in
                store.update(self.conn, user.id, now, password_hash=new_hash)
            store.append_event(self.conn, at=now, actor=user.username, username=user.username,
                               kind="login")
        user = dataclasses.replace(user, last_login_at=now, failed_attempts=0, locked_until=None)
        return Session(user=user, role=user.role, started_at=now)

    def _count_failure(self, user: User, now: dt.datetime) -> None:
        # After a lock-out has run out, the count starts again from nothing.
        failures = 0 if user.locked_until is not None else user.failed_attempts
        failures += 1
        locked_until = now + LOCKOUT if failures >= MAX_FAILED_ATTEMPTS else None
        with db.transaction(self.conn):
            store.record_attempt(self.conn, user.id,
                                 failed_attempts=0 if locked_until else failures,
                                 locked_until=locked_until)
            store.append_event(self.conn, at=now, actor=user.username, username=user.username,
                               kind="login_failed", detail={"attempt": failures})
            if locked_until is not None:
                store.append_event(self.conn, at=now, actor=user.username,
                                   username=user.username, kind="locked_out",
                                   detail={"until": locked_until.isoformat()})

    def unlock(self, locked: Session, username: str, password: str) -> Session:
        """Back to work after the idle lock: the same person, or a supervisor or administrator
        taking the workstation over (the form on screen stays as it was)."""
        if username_key(username) == username_key(locked.username):
            session = self.authenticate(locked.username, password)
            return dataclasses.replace(session, started_at=locked.started_at)
        session = self.authenticate(username, password)
        if not session.can(Action.SWITCH_USER):
            raise NotAllowed(username=session.username, action=Action.SWITCH_USER.value)
        with db.transaction(self.conn):
            store.append_event(self.conn, at=self.clock(), actor=session.username,
                               username=locked.username, kind="taken_over")
        return session

    def log_out(self, session: Session) -> None:
        with db.transaction(self.conn):
            store.append_event(self.conn, at=self.clock(), actor=session.username,
                               username=session.username, kind="logout")


def by_admin(by: Session | None) -> bool:
    return by is not None and by.can(Action.MANAGE_ACCOUNTS)


@functools.cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    return hasher.hash("not the password of anyone")
