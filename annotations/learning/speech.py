"""German speech from the server with Debian's espeak-ng, for browsers without a German voice; cached per text."""
import hashlib
import os
import shutil
import subprocess
import tempfile

from sqlite_utils import Migrations

from ..common import now

migrations = Migrations("randnotiz.learning.speech")

VOICE = "de"
MAX_CHARS = 1000  # a sentence or a short paragraph, not an article
TIMEOUT = 30  # seconds


class SpeechError(Exception):
    """Raised when the server cannot speak a text; the message is for the reader."""


@migrations()
def m001_speech_cache(db):
    db["speech_cache"].create({"hash": str, "voice": str, "text": str, "audio": bytes, "created": str},
                              pk="hash", not_null={"voice", "text", "audio", "created"})


def available(espeak):
    """Return the path of the espeak-ng program, or None when it is not installed."""
    return shutil.which(espeak) if espeak else None


def unavailable_reason(espeak):
    """Say why the server cannot speak, or return "" when it can."""
    if available(espeak):
        return ""
    return (f"This browser has no German voice, and the server cannot speak either: "
            f"“{espeak}” is not installed (apt-get install espeak-ng).")


def check_text(text):
    """Return the text to speak, cleaned, or raise SpeechError."""
    text = " ".join((text or "").split())
    if not text:
        raise SpeechError("There is nothing to read aloud.")
    if len(text) > MAX_CHARS:
        raise SpeechError(f"That is too long to read aloud ({len(text)} characters; the limit is {MAX_CHARS}).")
    return text


def _hash(text):
    return hashlib.sha256(f"{VOICE}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()


def cached(db, text):
    """Return the stored audio of a text, or None."""
    row = db.execute("SELECT audio FROM speech_cache WHERE hash = ?", [_hash(text)]).fetchone()
    return row[0] if row else None


def speak(db, text, espeak):
    """Return WAV audio of German text (espeak-ng once per text, then the cache); raise SpeechError."""
    text = check_text(text)
    audio = cached(db, text)
    if audio is not None:
        return audio
    program = available(espeak)
    if program is None:
        raise SpeechError(unavailable_reason(espeak))
    fd, path = tempfile.mkstemp(suffix=".wav")
    os.close(fd)
    try:
        # Text on stdin, never as an argument: it cannot become an option. A file, not --stdout:
        # streamed WAV carries a placeholder length that some players refuse.
        done = subprocess.run([program, "-v", VOICE, "-w", path], input=text.encode("utf-8", "replace"),
                              capture_output=True, timeout=TIMEOUT, check=False)
        with open(path, "rb") as f:
            audio = f.read()
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SpeechError(f"espeak-ng could not read the text aloud: {e}") from None
    finally:
        os.unlink(path)
    if done.returncode != 0 or not audio.startswith(b"RIFF"):
        raise SpeechError("espeak-ng could not read the text aloud: "
                          + (done.stderr.decode("utf-8", "replace").strip()[:200] or "no audio came back"))
    # Synthesis ran outside any transaction; the write lock is held only for this insert.
    with db.atomic():
        db.execute("INSERT OR IGNORE INTO speech_cache (hash, voice, text, audio, created) VALUES (?, ?, ?, ?, ?)",
                   [_hash(text), VOICE, text, audio, now()])
    return audio
