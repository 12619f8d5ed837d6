"""Real printer queues for the tests: CUPS with CUPS-PDF, a printer driver that writes each job
as a PDF file, so that a test can print through Qt's CUPS plugin exactly as the counter does and
read the paper back (tests/ui/test_real_printer.py).

    python3 -m testkit.cups_printer setup    # as root: install, start cupsd, add the queues
    python3 -m testkit.cups_printer status   # what is missing, or "ready"
    python3 -m testkit.cups_printer remove   # delete the queues (CUPS stays installed)

`setup` installs Debian's packages when something is missing (`apt-get update`, then
`apt-get install --no-install-recommends cups cups-bsd printer-driver-cups-pdf`, and
`tesseract-ocr tesseract-ocr-vie` for the test that reads the paper with OCR), starts cupsd
when it is not running (no systemd needed) and adds two queues:

    QuayMotCua-A4    for forms    → /var/spool/cups-pdf-quaymotcua/a4/*.pdf
    QuayMotCua-Nhan  for labels   → /var/spool/cups-pdf-quaymotcua/nhan/*.pdf

Each queue has its own CUPS-PDF configuration (/etc/cups/cups-pdf-quaymotcua-*.conf, chosen by
the device URI cups-pdf:/quaymotcua-*), so the machine's own CUPS-PDF settings are left alone.
Standard library only; Debian or Ubuntu; the tests only read, they never install.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

A4_QUEUE = "QuayMotCua-A4"
LABEL_QUEUE = "QuayMotCua-Nhan"
SPOOL = Path("/var/spool/cups-pdf-quaymotcua")
CONF_DIR = Path("/etc/cups")
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"  # CUPS-PDF's own driver (custom page sizes)
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
PACKAGES = ("cups", "cups-client", "cups-bsd", "printer-driver-cups-pdf")
OCR_PACKAGES = ("tesseract-ocr", "tesseract-ocr-vie")
# queue → (CUPS-PDF instance, output folder, default page size)
QUEUES = {A4_QUEUE: ("quaymotcua-a4", SPOOL / "a4", "A4"),
          LABEL_QUEUE: ("quaymotcua-nhan", SPOOL / "nhan", "Custom.50x30mm")}
HOW_TO = "run `sudo python3 -m testkit.cups_printer setup` (docs/printing.md, section Printers)"


class SetupFailed(RuntimeError):
    pass


def _run(*args: str, timeout: float = 60, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, LC_ALL="C", DEBIAN_FRONTEND="noninteractive"))
    if check and done.returncode != 0:
        raise SetupFailed(f"{' '.join(args)}: exit {done.returncode}: "
                          f"{(done.stderr or done.stdout).strip()[-500:]}")
    return done


def _say(text: str) -> None:
    sys.stderr.write(f"cups_printer: {text}\n")
    sys.stderr.flush()


# ----- what is there --------------------------------------------------------------------------


def scheduler_running() -> bool:
    if shutil.which("lpstat") is None:
        return False
    return "scheduler is running" in _run("lpstat", "-r", check=False, timeout=10).stdout


def output_dir(queue: str) -> Path:
    """Where CUPS-PDF writes the queue's jobs (temporary queues share the A4 queue's)."""
    return QUEUES.get(queue, QUEUES[A4_QUEUE])[1]


def unavailable(queue: str = A4_QUEUE) -> str | None:
    """Why `queue` cannot be printed to (a sentence that says how to fix it), or None."""
    if not sys.platform.startswith("linux"):
        return "real printer queues are set up on Linux only"
    if shutil.which("lpstat") is None or not BACKEND.exists():
        return f"CUPS or CUPS-PDF is not installed: {HOW_TO}"
    if not scheduler_running():
        return f"the CUPS scheduler (cupsd) is not running: {HOW_TO}"
    done = _run("lpstat", "-p", queue, check=False, timeout=10)
    if done.returncode != 0:
        return f"there is no CUPS queue {queue}: {HOW_TO}"
    if "disabled" in done.stdout:
        return f"the CUPS queue {queue} is stopped: run `cupsenable {queue}` or {HOW_TO}"
    if not os.access(output_dir(queue), os.R_OK):
        return f"{output_dir(queue)} cannot be read: {HOW_TO}"
    return None


def job_ids(queue: str, which: str = "all") -> set[int]:
    """Ids of the queue's jobs: which = all, completed or not-completed."""
    done = _run("lpstat", "-W", which, "-o", queue, check=False, timeout=10)
    prefix = f"{queue}-"
    return {int(line.split()[0][len(prefix):]) for line in done.stdout.splitlines()
            if line.startswith(prefix) and line.split()[0][len(prefix):].isdigit()}


def wait_printed(queue: str, before: set[int], timeout: float = 60) -> Path:
    """The PDF CUPS-PDF wrote for the first job of `queue` not in `before`, once CUPS has
    completed it (the backend has then finished writing the file)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = sorted(job_ids(queue, "completed") - before)
        if new:
            job = new[0]
            for _ in range(40):  # the job is completed after the backend renamed its file
                found = sorted(output_dir(queue).glob(f"*job_{job}.pdf"))
                if found:
                    return found[0]
                time.sleep(0.25)
            raise TimeoutError(f"job {queue}-{job} completed without a file in "
                               f"{output_dir(queue)} (see /var/log/cups/cups-pdf-*_log)")
        time.sleep(0.2)
    pending = job_ids(queue, "not-completed") - before
    raise TimeoutError(f"no job of {queue} completed in {timeout:.0f} s "
                       f"(not completed: {sorted(pending)})")


# ----- changing it (tests use these on their own temporary queues) ----------------------------


def add_queue(queue: str, instance: str, folder: Path, page_size: str = "A4") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    conf = CONF_DIR / f"cups-pdf-{instance}.conf"
    conf.write_text(f"# written by testkit/cups_printer.py for the queue {queue}\n"
                    f"Out {folder}\nAnonDirName {folder}\nUserUMask 0022\nGrp lpadmin\n"
                    # file names: the job's title (as sent), then "-job_N"
                    "Label 2\nTitlePref 1\nCut -1\n", encoding="utf-8")
    _run("lpadmin", "-p", queue, "-E", "-v", f"cups-pdf:/{instance}", "-m", PPD,
         "-D", f"Quầy Một Cửa test queue ({folder})", "-o", f"PageSize={page_size}",
         "-o", "printer-error-policy=abort-job")
    _run("cupsenable", queue)
    _run("cupsaccept", queue)


def remove_queue(queue: str) -> None:
    _run("cancel", "-a", queue, check=False, timeout=20)
    _run("lpadmin", "-x", queue, check=False, timeout=20)


@contextlib.contextmanager
def temporary_queue(queue: str) -> Iterator[str]:
    """A throw-away queue writing into the A4 queue's folder, removed afterwards: for tests that
    stop, refuse or delete a printer without touching the shared queues."""
    instance, folder, _ = QUEUES[A4_QUEUE]
    add_queue(queue, instance, folder)
    try:
        yield queue
    finally:
        remove_queue(queue)


def stop(queue: str) -> None:
    _run("cupsdisable", queue)


def refuse(queue: str) -> None:
    _run("cupsreject", queue)


# ----- setting it all up ----------------------------------------------------------------------


_updated: list[bool] = []  # apt-get update once per run


def _install(packages: tuple[str, ...], timeout: float) -> None:
    if not _updated:
        _say("apt-get update")
        _run("apt-get", "update", timeout=timeout)
        _updated.append(True)
    _say("apt-get install " + " ".join(packages))
    _run("apt-get", "install", "-y", "--no-install-recommends", *packages, timeout=timeout)


def _start_cupsd() -> None:
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    _say(f"starting {cupsd}")
    _run(cupsd, timeout=30)  # forks into the background once it listens
    for _ in range(50):
        if scheduler_running():
            return
        time.sleep(0.2)
    raise SetupFailed("cupsd started but the scheduler does not answer (/var/log/cups/error_log)")


def setup(install: bool = True, apt_timeout: float = 600) -> None:
    if not sys.platform.startswith("linux"):
        raise SetupFailed("Linux only")
    missing = shutil.which("lpadmin") is None or not BACKEND.exists()
    if missing:
        if not install:
            raise SetupFailed("CUPS or CUPS-PDF is not installed (and --no-install)")
        if os.geteuid() != 0:
            raise SetupFailed("installing CUPS needs root")
        if shutil.which("apt-get") is None:
            raise SetupFailed("no apt-get: install CUPS and CUPS-PDF with this system's tools")
        _install(PACKAGES, apt_timeout)
    if install and shutil.which("tesseract") is None and shutil.which("apt-get"):
        try:  # only the OCR test needs it: it skips without
            _install(OCR_PACKAGES, apt_timeout)
        except (SetupFailed, subprocess.TimeoutExpired) as e:
            _say(f"OCR not installed, its test will skip: {e}")
    if not scheduler_running():
        _start_cupsd()
    for queue, (instance, folder, page_size) in QUEUES.items():
        add_queue(queue, instance, folder, page_size)
        _say(f"queue {queue} → {folder}")
    for queue in QUEUES:
        reason = unavailable(queue)
        if reason:
            raise SetupFailed(reason)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m testkit.cups_printer")
    parser.add_argument("command", choices=("setup", "status", "remove"))
    parser.add_argument("--no-install", action="store_true",
                        help="never run apt-get; fail when CUPS is missing")
    parser.add_argument("--apt-timeout", type=float, default=600,
                        help="seconds for each apt-get command (default 600)")
    args = parser.parse_args(argv)
    if args.command == "status":
        reasons = [r for r in (unavailable(q) for q in QUEUES) if r]
        sys.stdout.write((reasons[0] if reasons else "ready") + "\n")
        return 1 if reasons else 0
    if args.command == "remove":
        for queue in QUEUES:
            remove_queue(queue)
        return 0
    started = time.monotonic()
    try:
        setup(install=not args.no_install, apt_timeout=args.apt_timeout)
    except (SetupFailed, subprocess.TimeoutExpired, OSError) as e:
        _say(f"FAILED after {time.monotonic() - started:.1f} s: {e}")
        return 1
    _say(f"ready in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
