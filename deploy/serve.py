"""`make serve`: N Atlas replicas behind nginx on one machine, sticky by cookie; N defaults to the core count.

One Streamlit process runs every session's script on one interpreter, so on a 2-core machine
one replica queues 50 busy sessions behind each other (docs/load-soak.md); two replicas behind
nginx use both cores. Each replica is a plain `streamlit run` with the repository's tuned
`.streamlit/config.toml`, listening on loopback only; nginx (deploy/nginx.conf.template, the
same file the compose setup and `make scale-out` use) is the one public port.

Usage: python deploy/serve.py [--port 8501] [--replicas N] [--address 127.0.0.1]
Stops every process on Ctrl-C or SIGTERM.
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from deploy.render import render  # noqa: E402 -- after the repository root is on the path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:  # noqa: S310 -- loopback URL
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not become healthy in {timeout:.0f} s")


def start_replica(port: int, secret: str) -> subprocess.Popen:
    """One `streamlit run` on loopback; the shared cookie secret lets any replica read a session's cookie."""
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secret}
    return subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 -- fixed command line


def start_nginx(upstreams: list[str], listen: str) -> tuple[subprocess.Popen, Path]:
    """nginx in the foreground with the rendered template, its files in a fresh prefix directory."""
    if not shutil.which("nginx"):
        raise SystemExit("nginx is not installed: apt-get install -y nginx-light (make serve does it)")
    prefix = Path(tempfile.mkdtemp(prefix="atlas-nginx-"))
    prefix.chmod(0o755)  # nginx workers run as an unprivileged user and must reach their temp paths
    conf = prefix / "nginx.conf"
    conf.write_text(render(upstreams, listen, str(prefix)))
    command = ["nginx", "-c", str(conf), "-p", str(prefix), "-g", "daemon off;"]
    return subprocess.Popen(command), prefix  # noqa: S603 -- fixed command line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8501, help="the public port nginx listens on")
    parser.add_argument("--address", default="127.0.0.1", help="the address nginx listens on")
    parser.add_argument("--replicas", type=int, default=os.cpu_count() or 1, help="default: the core count")
    args = parser.parse_args()
    secret = secrets.token_hex(32)
    ports = [free_port() for _ in range(max(args.replicas, 1))]
    replicas = [start_replica(port, secret) for port in ports]
    processes = list(replicas)
    prefix = None
    try:
        for port in ports:
            wait_healthy(f"http://127.0.0.1:{port}")
        nginx, prefix = start_nginx([f"127.0.0.1:{p}" for p in ports], f"{args.address}:{args.port}")
        processes.append(nginx)
        host = "127.0.0.1" if args.address in {"0.0.0.0", "::"} else args.address  # noqa: S104 -- compared, not bound
        wait_healthy(f"http://{host}:{args.port}")
        print(
            f"Atlas: {len(ports)} replicas behind nginx on http://{args.address}:{args.port} (Ctrl-C stops)", flush=True
        )
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while all(p.poll() is None for p in processes):
            time.sleep(1)
        print("a process stopped; shutting down", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if prefix is not None:
            shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    main()
