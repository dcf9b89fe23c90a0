"""Helpers for the local Kafka broker: properties rendering, cluster ids, process and port probes.

Stdlib only; ``streams.broker.local.LocalBroker`` is the one user.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import signal
import socket
import struct
import subprocess
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from streams.core.errors import GeowireError

KAFKA_JAR_GLOB = "kafka_2.13-*.jar"
# Room for a client, the broker's page cache does the rest; the machine may have 2 cores.
JVM_OPTIONS = ("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20")
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


class BrokerError(GeowireError):
    """The local broker could not be set up, started or stopped.

    Attributes:
        reason: what failed, in a word (port, died, timeout, jars, java, format, tls, users).
    """

    code = "broker"
    stage = "broker"

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def run_checked(command: Sequence[str], what: str, reason: str) -> None:
    """Run a short command, raising ``BrokerError`` with its output if it fails.

    Args:
        command: program and arguments.
        what: what the command does, for the message ("formatting /x").
        reason: the ``BrokerError.reason`` to raise with.
    """
    result = subprocess.run(list(command), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-3000:]
        message = f"{what} failed (exit {result.returncode}): {' '.join(command)}\n{output}"
        raise BrokerError(message, reason=reason)


def resolve_jars(kafka_dir: Path) -> Path:
    """Copy the broker's jars into ``<kafka_dir>/lib`` with Maven unless they are there.

    Args:
        kafka_dir: the folder with pom.xml (deploy/kafka).

    Returns:
        The lib folder.

    Raises:
        BrokerError: Maven is missing or fails (it needs Maven Central the first time).
    """
    lib_dir = kafka_dir / "lib"
    if any(lib_dir.glob(KAFKA_JAR_GLOB)):
        return lib_dir
    mvn = shutil.which("mvn")
    if mvn is None:
        message = f"no Kafka jars in {lib_dir} and no `mvn` on PATH to fetch them"
        raise BrokerError(message, reason="jars")
    command = [mvn, "-q", "-B", "-f", str(kafka_dir / "pom.xml"), "dependency:copy-dependencies"]
    run_checked(command, "resolving the Kafka jars", "jars")
    if not any(lib_dir.glob(KAFKA_JAR_GLOB)):
        message = f"Maven ran but {lib_dir} has no {KAFKA_JAR_GLOB}"
        raise BrokerError(message, reason="jars")
    return lib_dir


def java_command(kafka_dir: Path, logs_dir: Path, main_class: str) -> list[str]:
    """The ``java`` invocation of a Kafka main class with the jars and log4j2 config.

    Raises:
        BrokerError: no Java runtime is found.
    """
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java:
        message = "no `java` on PATH (and JAVA_HOME is not set); Kafka needs Java 17+"
        raise BrokerError(message, reason="java")
    return [
        java,
        *JVM_OPTIONS,
        "-Djava.awt.headless=true",
        f"-Dlog4j2.configurationFile={kafka_dir / 'log4j2.yaml'}",
        f"-Dkafka.logs.dir={logs_dir}",
        "-cp",
        f"{kafka_dir / 'lib'}/*",
        main_class,
    ]


def render_properties(template: str, overrides: Mapping[str, str]) -> str:
    """Set keys in Java properties text, keeping comments and the order of the rest.

    Args:
        template: properties text; only simple ``key=value`` lines are recognised.
        overrides: values to set; keys missing from the template are appended.

    Returns:
        The new properties text, ending in a newline.
    """
    lines: list[str] = []
    seen: set[str] = set()
    for line in template.splitlines():
        key = line.split("=", 1)[0].strip()
        if "=" in line and not line.lstrip().startswith(("#", "!")) and key in overrides:
            lines.append(f"{key}={overrides[key]}")
            seen.add(key)
        else:
            lines.append(line)
    lines.extend(f"{key}={value}" for key, value in overrides.items() if key not in seen)
    return "\n".join(lines) + "\n"


def new_cluster_id() -> str:
    """A random KRaft cluster id: a UUID in URL-safe base64 without padding, as Kafka makes."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        # Kafka never hands out ids starting with '-': they read like command-line options.
        if not cluster_id.startswith("-"):
            return cluster_id


def pid_alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        # The state letter follows the parenthesised command name.
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


def is_broker_process(pid: int, properties: Path) -> bool:
    """Whether ``pid`` is a Kafka broker run with this properties file (not a recycled pid)."""
    if not pid_alive(pid):
        return False
    try:
        argv = _argv(Path(f"/proc/{pid}/cmdline"))
    except FileNotFoundError:
        return False
    except OSError:
        return True  # no /proc to ask: trust the pid file
    return b"kafka.Kafka" in argv and str(properties).encode() in argv


def other_brokers() -> list[Path]:
    """Data dirs of the Kafka brokers running on this machine (from their command lines).

    Lets a port clash name the checkout whose broker holds the port.
    """
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            argv = _argv(cmdline)
            if b"kafka.Kafka" in argv and argv[-1].endswith(b".properties"):
                found.append(Path(argv[-1].decode()).parent)
    return found


def broker_serving(port: int) -> Path | None:
    """The data dir of the running geowire broker whose PLAINTEXT listener is ``port``."""
    for data_dir in other_brokers():
        with contextlib.suppress(OSError):
            text = (data_dir / "server.properties").read_text()
            if any(
                line.startswith("listeners=") and f"PLAINTEXT://localhost:{port}," in line + ","
                for line in text.splitlines()
            ):
                return data_dir
    return None


def _argv(cmdline: Path) -> list[bytes]:
    """The arguments in a ``/proc/<pid>/cmdline`` file."""
    return [arg for arg in cmdline.read_bytes().split(b"\0") if arg]


def port_open(host: str, port: int, timeout: float = 1.0) -> bool:
    """Whether something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def api_versions_ok(host: str, port: int, timeout: float = 3.0) -> bool:
    """Whether a Kafka broker on host:port answers an ApiVersions request without error.

    A broker binds its port early but only processes requests once started, so an
    answer means clients can use it. ApiVersions v0 is the one request every version takes.
    """
    client_id = b"geowire-broker-check"
    header = struct.pack(">hhih", 18, 0, 7, len(client_id)) + client_id
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.sendall(struct.pack(">i", len(header)) + header)
            reply = _recv_exact(conn, 10)
    except OSError:
        return False
    _size, correlation_id, error_code = struct.unpack(">iih", reply)
    return bool(correlation_id == 7 and error_code == 0)


def _recv_exact(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            message = "connection closed before the reply was complete"
            raise ConnectionError(message)
        data += chunk
    return data


def uses_external_broker(bootstrap: str | None, *ports: int) -> bool:
    """Whether a bootstrap setting (GEOWIRE_KAFKA_BOOTSTRAP) names a broker other than ours.

    Args:
        bootstrap: the setting; None or empty means "the local broker".
        ports: the local broker's client ports (PLAINTEXT and SASL_SSL); 9092 if none.
    """
    if not bootstrap:
        return False
    local = {f"{host}:{port}" for host in _LOCAL_HOSTS for port in (ports or (9092,))}
    return any(server.strip() not in local for server in bootstrap.split(","))


class ProcessHandle:
    """A pid, with the ``Popen`` for it when this process spawned it (so it can be reaped)."""

    def __init__(self, pid: int, proc: subprocess.Popen[bytes] | None = None) -> None:
        """Wrap ``pid``; ``proc`` only if it is the child with that pid."""
        self.pid = pid
        self.proc = proc if proc is not None and proc.pid == pid else None

    def alive(self) -> bool:
        """Whether the process runs; reaps it if it is our exited child."""
        if self.proc is not None:
            return self.proc.poll() is None
        return pid_alive(self.pid)

    def wait_exit(self, timeout: float, poll_s: float = 0.25) -> bool:
        """Wait up to ``timeout`` seconds for the process to end; True if it did."""
        deadline = time.monotonic() + timeout
        while self.alive():
            if time.monotonic() >= deadline:
                return False
            time.sleep(poll_s)
        return True

    def terminate(self, timeout: float) -> None:
        """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        if not self.wait_exit(timeout):
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self.wait_exit(10)


class BrokerLog:
    """The broker's two logs: captured console output and log4j's server.log."""

    def __init__(self, out_path: Path, server_log: Path) -> None:
        """Name the files; they need not exist yet."""
        self.out_path = out_path
        self.server_log = server_log

    def size(self) -> int:
        """Current length of server.log in bytes (0 if there is none)."""
        try:
            return self.server_log.stat().st_size
        except OSError:
            return 0

    def since(self, offset: int) -> str:
        """server.log text written after ``offset`` (all of it if it has rolled over since)."""
        try:
            with self.server_log.open("rb") as handle:
                handle.seek(offset if self.size() >= offset else 0)
                return handle.read().decode(errors="replace")
        except OSError:
            return ""

    def tails(self, lines: int = 40) -> str:
        """The last lines of both logs, labelled, for error messages."""
        parts = []
        for path in (self.out_path, self.server_log):
            try:
                text = path.read_text(errors="replace")
            except OSError:
                continue
            tail = "\n".join(text.splitlines()[-lines:])
            if tail:
                parts.append(f"--- {path} (tail) ---\n{tail}")
        return "\n".join(parts) or "(no broker log output yet)"
