"""Local accounts: argon2id hashes, password rules, lock-out, the last administrator, the audit."""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata

import pytest

from counter_app.domain.accounts import (
    PERMISSIONS,
    AccountInactive,
    AccountLocked,
    AccountNotFound,
    AccountsExist,
    Action,
    LastAdministrator,
    NotAllowed,
    Role,
    WrongCredentials,
    can,
    password_problems,
    username_key,
)
from counter_app.domain.errors import ValidationFailed
from counter_app.services.accounts import LOCKOUT, MAX_FAILED_ATTEMPTS, Accounts, make_hasher
from counter_app.services.counter import Counter

PASSWORD = "mật-khẩu-2026"


@pytest.fixture
def accounts(counter: Counter) -> Accounts:
    return counter.accounts


@pytest.fixture
def admin(accounts: Accounts):
    accounts.create_first_administrator("quantri", "Lê Văn Quản", PASSWORD)
    return accounts.authenticate("quantri", PASSWORD)


def _codes(error: ValidationFailed) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in error.problems]


def _hash(counter: Counter, username: str) -> str:
    return counter.conn.execute("SELECT password_hash FROM users WHERE username = ?",
                                (username,)).fetchone()[0]


# ----- hashing -------------------------------------------------------------------------------


def test_passwords_are_stored_as_argon2id_with_rfc_9106_parameters(counter, clock):
    real = Accounts(counter.conn, clock, hasher=make_hasher())
    real.create("huong", "Nguyễn Thị Hương", Role.CLERK, PASSWORD)
    stored = _hash(counter, "huong")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PASSWORD not in stored
    assert real.authenticate("huong", PASSWORD).username == "huong"
    with pytest.raises(WrongCredentials):
        real.authenticate("huong", PASSWORD + "x")


def test_the_same_password_hashes_differently_for_two_users(accounts, counter):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    accounts.create("binh", "Lê Thị Bình", Role.CLERK, PASSWORD)
    assert _hash(counter, "an") != _hash(counter, "binh")  # salted


def test_a_password_typed_decomposed_still_matches(accounts):
    # Some Vietnamese input methods send NFD; the hash is of the NFC text.
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    decomposed = unicodedata.normalize("NFD", PASSWORD)
    assert decomposed != PASSWORD
    assert accounts.authenticate("an", decomposed).username == "an"


def test_an_outdated_hash_is_upgraded_at_log_in(counter, clock):
    from argon2 import PasswordHasher, profiles

    old = Accounts(counter.conn, clock, hasher=PasswordHasher.from_parameters(profiles.CHEAPEST))
    old.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    Accounts(counter.conn, clock, hasher=make_hasher()).authenticate("an", PASSWORD)
    assert _hash(counter, "an").startswith("$argon2id$v=19$m=65536,t=3,p=4$")


# ----- names and rules -----------------------------------------------------------------------


def test_usernames_are_nfc_and_unique_by_their_folded_form(accounts):
    user = accounts.create(unicodedata.normalize("NFD", "hương"), "  Nguyễn   Thị Hương ",
                           Role.CLERK, PASSWORD)
    assert user.username == "hương" and unicodedata.is_normalized("NFC", user.username)
    assert user.full_name == "Nguyễn Thị Hương"
    assert username_key("HUONG") == username_key("Hương") == "huong"
    with pytest.raises(ValidationFailed) as e:
        accounts.create("Huong", "Phạm Thị Hương", Role.CLERK, PASSWORD)
    assert _codes(e.value) == [("username", "username.taken")]
    # Logging in works however the name is typed.
    assert accounts.authenticate("HUONG", PASSWORD).username == "hương"


@pytest.mark.parametrize(("password", "code"), [
    ("", "required"),
    ("ngắn7ky", "password.too_short"),
    ("Nguyen.An", "password.same_as_username"),
    ("x" * 129, "too_long"),
])
def test_password_rules(password, code):
    assert [p.code for p in password_problems(password, "nguyen.an")] == [code]


def test_eight_characters_that_are_not_the_username_are_enough():
    assert password_problems("12345678", "an") == []


def test_every_problem_of_a_new_account_is_reported_at_once(accounts):
    with pytest.raises(ValidationFailed) as e:
        accounts.create("a b", "", "boss", "short")
    assert _codes(e.value) == [("username", "username.format"), ("full_name", "required"),
                               ("role", "role.unknown"), ("password", "password.too_short")]
    assert accounts.users() == [] and accounts.audit() == []


# ----- log-in and lock-out -------------------------------------------------------------------


def test_log_in_makes_a_session_and_records_the_time(accounts, clock):
    accounts.create("an", "Trần Văn An", Role.POSTAL_AGENT, PASSWORD)
    session = accounts.authenticate("an", PASSWORD)
    assert session.role == Role.POSTAL_AGENT and session.started_at == clock.now
    assert accounts.get("an").last_login_at == clock.now


def test_unknown_name_and_wrong_password_are_the_same_error(accounts):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    with pytest.raises(WrongCredentials):
        accounts.authenticate("ai-do", PASSWORD)
    with pytest.raises(WrongCredentials):
        accounts.authenticate("an", "sai-mat-khau")


def test_repeated_failures_lock_the_account_out_for_a_while(accounts, clock):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(WrongCredentials):
            accounts.authenticate("an", "sai-mat-khau")
    assert accounts.get("an").failed_attempts == MAX_FAILED_ATTEMPTS - 1
    with pytest.raises(WrongCredentials):
        accounts.authenticate("an", "sai-mat-khau")
    # Locked out: even the right password is refused until the time is up.
    with pytest.raises(AccountLocked) as e:
        accounts.authenticate("an", PASSWORD)
    assert e.value.params["until"] == clock.now + LOCKOUT
    clock.advance(seconds=LOCKOUT.total_seconds() - 1)
    with pytest.raises(AccountLocked):
        accounts.authenticate("an", PASSWORD)
    clock.advance(seconds=1)
    assert accounts.authenticate("an", PASSWORD).username == "an"
    assert accounts.get("an").locked_until is None
    assert accounts.get("an").failed_attempts == 0


def test_after_a_lock_out_the_count_starts_again(accounts, clock):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(WrongCredentials):
            accounts.authenticate("an", "sai-mat-khau")
    clock.advance(minutes=LOCKOUT.total_seconds() / 60 + 1)
    with pytest.raises(WrongCredentials):  # one more mistake is not another lock-out
        accounts.authenticate("an", "sai-mat-khau")
    assert accounts.authenticate("an", PASSWORD).username == "an"


def test_a_success_resets_the_failure_count(accounts):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(WrongCredentials):
            accounts.authenticate("an", "sai-mat-khau")
    accounts.authenticate("an", PASSWORD)
    with pytest.raises(WrongCredentials):
        accounts.authenticate("an", "sai-mat-khau")  # counted from one again: not locked
    accounts.authenticate("an", PASSWORD)


def test_a_password_reset_lifts_a_lock_out(accounts, admin):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD, by=admin)
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(WrongCredentials):
            accounts.authenticate("an", "sai-mat-khau")
    accounts.change_password("an", "mat-khau-moi", by=admin)
    assert accounts.authenticate("an", "mat-khau-moi").username == "an"


def test_an_inactive_account_cannot_log_in(accounts, admin):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD, by=admin)
    user = accounts.deactivate("an", by=admin)
    assert not user.active
    with pytest.raises(AccountInactive):
        accounts.authenticate("an", PASSWORD)
    with pytest.raises(WrongCredentials):  # a wrong password says nothing about the account
        accounts.authenticate("an", "sai-mat-khau")
    accounts.set_active("an", True, by=admin)
    assert accounts.authenticate("an", PASSWORD).username == "an"


# ----- changes and who may make them ---------------------------------------------------------


def test_accounts_are_never_deleted_and_list_without_hashes(accounts, admin):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD, by=admin)
    accounts.deactivate("an", by=admin)
    assert [u.username for u in accounts.users()] == ["an", "quantri"]
    assert not any("argon2" in repr(u) for u in accounts.users())
    with pytest.raises(sqlite3.IntegrityError):
        accounts.conn.execute("DELETE FROM account_events")


def test_the_last_active_administrator_can_be_neither_deactivated_nor_demoted(accounts, admin):
    with pytest.raises(LastAdministrator):
        accounts.deactivate("quantri", by=admin)
    with pytest.raises(LastAdministrator):
        accounts.set_role("quantri", Role.SUPERVISOR, by=admin)
    accounts.create("hai", "Phạm Văn Hai", Role.ADMINISTRATOR, PASSWORD, by=admin)
    accounts.set_role("quantri", Role.SUPERVISOR, by=admin)  # another administrator exists
    assert accounts.get("quantri").role == Role.SUPERVISOR
    with pytest.raises(LastAdministrator):
        accounts.deactivate("hai")
    # An inactive administrator does not count.
    accounts.create("ba", "Võ Văn Ba", Role.ADMINISTRATOR, PASSWORD)
    accounts.deactivate("ba")
    with pytest.raises(LastAdministrator):
        accounts.set_role("hai", Role.CLERK)


def test_only_a_role_allowed_to_manage_accounts_may(accounts, admin):
    accounts.create("an", "Trần Văn An", Role.SUPERVISOR, PASSWORD, by=admin)
    supervisor = accounts.authenticate("an", PASSWORD)
    with pytest.raises(NotAllowed):
        accounts.create("binh", "Lê Thị Bình", Role.CLERK, PASSWORD, by=supervisor)
    with pytest.raises(NotAllowed):
        accounts.set_role("an", Role.ADMINISTRATOR, by=supervisor)
    with pytest.raises(NotAllowed):
        accounts.change_password("quantri", "mat-khau-moi", by=supervisor)


def test_own_password_needs_the_current_one(accounts, admin):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD, by=admin)
    clerk = accounts.authenticate("an", PASSWORD)
    with pytest.raises(ValidationFailed) as e:
        accounts.change_password("an", "mat-khau-moi", by=clerk, current="sai-mat-khau")
    assert _codes(e.value) == [("current_password", "password.wrong")]
    with pytest.raises(ValidationFailed) as e:
        accounts.change_password("an", "an", by=clerk, current=PASSWORD)
    assert _codes(e.value) == [("password", "password.too_short")]
    accounts.change_password("an", "mat-khau-moi", by=clerk, current=PASSWORD)
    assert accounts.authenticate("an", "mat-khau-moi").username == "an"


def test_the_first_administrator_only_while_there_is_no_account(accounts, admin):
    with pytest.raises(AccountsExist):
        accounts.create_first_administrator("khac", "Người Khác", PASSWORD)


def test_unknown_accounts_are_named(accounts):
    with pytest.raises(AccountNotFound) as e:
        accounts.set_role("ai-do", Role.CLERK)
    assert e.value.params == {"username": "ai-do"}


def test_unlock_by_the_same_user_or_a_supervisor_taking_over(accounts, admin):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD, by=admin)
    accounts.create("binh", "Lê Thị Bình", Role.CLERK, PASSWORD, by=admin)
    accounts.create("tt", "Đỗ Văn Tổ", Role.SUPERVISOR, PASSWORD, by=admin)
    an = accounts.authenticate("an", PASSWORD)
    assert accounts.unlock(an, "An", PASSWORD).username == "an"
    with pytest.raises(WrongCredentials):
        accounts.unlock(an, "an", "sai-mat-khau")
    with pytest.raises(NotAllowed):  # another clerk cannot take over
        accounts.unlock(an, "binh", PASSWORD)
    assert accounts.unlock(an, "tt", PASSWORD).username == "tt"
    assert accounts.audit("an")[-1].kind == "taken_over"


# ----- audit trail ---------------------------------------------------------------------------


def test_account_changes_and_log_ins_are_audited(accounts, admin, clock):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD, by=admin)
    with pytest.raises(WrongCredentials):
        accounts.authenticate("an", "sai-mat-khau")
    accounts.authenticate("an", PASSWORD)
    accounts.set_role("an", Role.SUPERVISOR, by=admin)
    accounts.change_password("an", "mat-khau-moi", by=admin)
    accounts.deactivate("an", actor="cli:root")
    rows = accounts.audit("an")
    assert [(e.kind, e.actor) for e in rows] == [
        ("created", "quantri"), ("login_failed", "an"), ("login", "an"),
        ("role_changed", "quantri"), ("password_changed", "quantri"),
        ("deactivated", "cli:root")]
    assert rows[0].detail == {"role": "clerk", "full_name": "Trần Văn An"}
    assert rows[3].detail == {"from": "clerk", "to": "supervisor"}
    assert all(e.at == clock.now for e in rows)
    # Never a password or a hash in the trail.
    text = repr(accounts.audit())
    assert PASSWORD not in text and "mat-khau-moi" not in text and "argon2" not in text
    # Append-only, like dossier_events; and apart from them (the sync outbox).
    with pytest.raises(sqlite3.IntegrityError):
        accounts.conn.execute("UPDATE account_events SET actor = 'x'")
    assert accounts.conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0] == 0


def test_a_failed_log_in_under_an_unknown_name_is_audited(accounts):
    with pytest.raises(WrongCredentials):
        accounts.authenticate("ai-do", "sai-mat-khau")
    assert [(e.kind, e.username) for e in accounts.audit()] == [("login_failed", "ai-do")]


# ----- permissions ---------------------------------------------------------------------------


def test_permissions_table():
    counter_work = {Action.RECEIVE, Action.GUIDE, Action.REFUSE, Action.PRINT, Action.LOOKUP}
    for role in Role:
        assert counter_work <= PERMISSIONS[role], role
    assert can(Role.ADMINISTRATOR, Action.MANAGE_ACCOUNTS)
    assert set(PERMISSIONS[Role.ADMINISTRATOR]) == set(Action)
    for role in (Role.CLERK, Role.POSTAL_AGENT, Role.SUPERVISOR):
        for action in (Action.MANAGE_ACCOUNTS, Action.MANAGE_PROFILE, Action.MANAGE_CATALOGUE,
                       Action.MANAGE_CALENDAR):
            assert not can(role, action), (role, action)
    assert can(Role.SUPERVISOR, Action.RESOLVE_SYNC) and can(Role.SUPERVISOR, Action.SWITCH_USER)
    assert not can(Role.CLERK, Action.RESOLVE_SYNC) and not can(Role.CLERK, Action.SWITCH_USER)
    assert can(Role.POSTAL_AGENT, Action.POSTAL)
    assert not can(Role.POSTAL_AGENT, Action.CHANGE_STATUS)


def test_lockout_times_are_stored_as_local_time(accounts, clock):
    accounts.create("an", "Trần Văn An", Role.CLERK, PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(WrongCredentials):
            accounts.authenticate("an", "sai-mat-khau")
    assert accounts.get("an").locked_until == clock.now + dt.timedelta(minutes=5)
