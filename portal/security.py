"""Secrets: device tokens, one-time enrolment codes and lookup secrets, stored only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

# No 0/O, 1/I/L: enrolment codes are read aloud and typed by hand.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_GROUPS = 4
_CODE_GROUP_LEN = 4


def new_token() -> str:
    """A device token: 32 random bytes, URL-safe text (43 characters)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    # Tokens are 256-bit random values: a plain SHA-256 cannot be reversed by guessing.
    return hashlib.sha256(b"qmc-token:" + token.encode("utf-8")).hexdigest()


def new_enrolment_code() -> str:
    """"K7QX-M2PA-9TDR-HW4N": 16 symbols of 31 (~79 bits), one-time and expiring."""
    groups = (
        "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_GROUP_LEN))
        for _ in range(_CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_enrolment_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def enrolment_code_hash(text: str) -> str:
    normalised = normalise_enrolment_code(text)
    return hashlib.sha256(b"qmc-enrol:" + normalised.encode("utf-8")).hexdigest()


def lookup_secret_hash(code: str, secret: str) -> str:
    """Hash of a receipt's lookup secret, salted with the dossier code."""
    return hashlib.sha256(f"qmc-lookup:{code}:{secret}".encode()).hexdigest()


def lookup_secret_matches(code: str, secret: str, stored: str | None) -> bool:
    """Constant-time comparison; a missing dossier still costs one hash (no timing oracle)."""
    candidate = lookup_secret_hash(code, secret)
    return hmac.compare_digest(candidate, stored or "0" * 64) and stored is not None


def new_lookup_secret() -> str:
    return secrets.token_urlsafe(6)


def initials(full_name: str) -> str:
    """"Nguyễn Thị Hương" → "N.T.H."; "Đặng Văn Đức" → "Đ.V.Đ."; tone marks dropped."""
    out: list[str] = []
    for word in full_name.split():
        first = next((ch for ch in word if ch.isalnum()), "")
        if not first:
            continue
        if first in "đĐ":
            out.append("Đ")
            continue
        base = unicodedata.normalize("NFD", first)[0].upper()
        out.append(base)
    return "".join(f"{letter}." for letter in out)
