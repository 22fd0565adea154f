"""`python app.py`: serves the bundled article over real HTTP, and says plainly when it cannot."""
import socket
import subprocess
import sys
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
