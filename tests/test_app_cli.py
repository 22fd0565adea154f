"""`python app.py`: serves the bundled article over real HTTP, and says plainly when it cannot."""
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_app_serves_the_bundled_article(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port), "--db", str(tmp_path / "r.db")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={"PATH": "/usr/bin:/bin", "DING_PATH": "/nonexistent", "FREEDICT_PATH": "/nonexistent"},
    )
    try:
        # The URL line is printed once the socket is bound: read it instead of sleeping.
        lines = [proc.stdout.readline() for _ in range(2)]
        assert f"http://127.0.0.1:{port}/" in lines[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            page = r.read().decode()
        assert "Russland und der Iran rücken noch näher zusammen" in page
        assert (tmp_path / "r.db").exists()
    finally:
        proc.terminate()
        proc.wait(10)


def test_a_busy_port_is_a_clear_message(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "app.py", "--port", str(port), "--db", str(tmp_path / "r.db")],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
            env={"PATH": "/usr/bin:/bin", "DING_PATH": "/nonexistent", "FREEDICT_PATH": "/nonexistent"},
        )
    assert done.returncode == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr


ENV = {"PATH": "/usr/bin:/bin", "DING_PATH": "/nonexistent", "FREEDICT_PATH": "/nonexistent"}


def test_listening_beyond_loopback_needs_a_password(tmp_path):
    done = subprocess.run(
        [sys.executable, "app.py", "--host", "0.0.0.0", "--port", str(free_port()), "--db", str(tmp_path / "r.db")],
        cwd=ROOT, capture_output=True, text=True, timeout=60, env=ENV)
    assert done.returncode == 1
    assert "Randnotiz cannot start" in done.stderr and "READER_PASSWORD" in done.stderr
    assert "Traceback" not in done.stderr


def start(tmp_path, *args, env=None):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port), "--db", str(tmp_path / "r.db"), *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**ENV, **(env or {})})
    lines = [proc.stdout.readline()]
    while "Open http://" not in lines[-1] and lines[-1]:
        lines.append(proc.stdout.readline())
    assert "Open http://" in lines[-1], lines
    return proc, port


def test_with_a_password_other_interfaces_get_a_login(tmp_path):
    proc, port = start(tmp_path, "--host", "0.0.0.0", env={"READER_PASSWORD": "Lesezeichen-2026"})
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/annotations/")
        try:
            urllib.request.urlopen(request, timeout=10)
            raise AssertionError("the annotations were served without a login")
        except urllib.error.HTTPError as e:
            assert e.code == 401
    finally:
        proc.terminate()
        proc.wait(10)


def test_an_oversized_body_is_refused_before_it_is_sent(tmp_path):
    proc, port = start(tmp_path)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
            # Announce 50 MB and send none of it: the answer must come from the headers alone.
            s.sendall(b"POST /import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 52428800\r\n\r\n")
            answer = s.recv(4096).decode("latin-1")
        assert answer.startswith("HTTP/1.1 413")
    finally:
        proc.terminate()
        proc.wait(10)
