"""The local Apache Kafka broker: one KRaft node run from jars resolved from Maven Central.

``LocalBroker`` renders ``deploy/kafka/server.properties`` into a data dir (``var/kafka/`` by
default), formats the storage once, runs ``java -cp 'lib/*' kafka.Kafka`` detached and
stops it again. The data dir keeps the cluster id, the topic data, the pid file and the
logs, so a stopped broker comes back with its topics. Stdlib only, so it works before (and
without) any Kafka client library.

``secure=True`` adds a SASL_SSL listener (SCRAM-SHA-512, a self-signed CA; see
``streams.broker.secure``). The ports are options, so tests and developers can run a
second broker beside the shared one.

The command line is ``geowire broker start|stop|status`` (``streams.cli.broker``).
"""

from __future__ import annotations

import contextlib
import fcntl
import subprocess
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from streams.broker.secure import (
    LISTENER,
    TlsFiles,
    make_tls,
    scram_format_args,
    scram_user_args,
    secure_overrides,
)
from streams.broker.tools import (
    BrokerError,
    BrokerLog,
    ProcessHandle,
    api_versions_ok,
    is_broker_process,
    java_command,
    new_cluster_id,
    other_brokers,
    port_open,
    render_properties,
    resolve_jars,
    run_checked,
)

__all__ = ["BrokerError", "BrokerStatus", "LocalBroker"]

HOST = "localhost"
# Logged by KafkaRaftServer once request processing is enabled.
STARTED_MARKER = "Kafka Server started"
_POLL_S = 0.25


@dataclass(frozen=True)
class BrokerStatus:
    """What ``LocalBroker.status`` found.

    Attributes:
        running: a broker process of this data dir is alive and accepts connections.
        pid: that process, also while it is still starting; None without one.
        bootstrap: address clients connect to (PLAINTEXT).
        data_dir: where config, topic data, pid file and logs live.
        secure_bootstrap: the SASL_SSL address, if the broker was started with one.
    """

    running: bool
    pid: int | None
    bootstrap: str
    data_dir: Path
    secure_bootstrap: str | None = None


class LocalBroker:
    """One combined broker+controller KRaft node with its data in one directory."""

    def __init__(
        self,
        root: Path,
        *,
        port: int = 9092,
        secure_port: int = 9093,
        controller_port: int = 9094,
        data_dir: Path | None = None,
        secure: bool = False,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        """Describe a broker; nothing starts until ``start``.

        Args:
            root: the repository root, which holds ``deploy/kafka``.
            port: client (PLAINTEXT) port.
            secure_port: client SASL_SSL port, used with ``secure``.
            controller_port: KRaft controller port.
            data_dir: where the node keeps its state; ``<root>/var/kafka`` by default.
            secure: also listen on ``secure_port`` with SASL_SSL (SCRAM-SHA-512).
            extra: more server.properties keys (tests: an authorizer, no auto-create).
        """
        self.root = Path(root).resolve()
        self.port = port
        self.secure_port = secure_port
        self.controller_port = controller_port
        self.secure = secure
        self.extra = dict(extra or {})
        self.kafka_dir = self.root / "deploy" / "kafka"
        self.data_dir = Path(data_dir).resolve() if data_dir else self.root / "var" / "kafka"
        self.properties_path = self.data_dir / "server.properties"
        self.log_dirs = self.data_dir / "data"
        self.logs_dir = self.data_dir / "logs"
        self.out_path = self.data_dir / "broker.out"
        self.pid_path = self.data_dir / "broker.pid"
        self.log = BrokerLog(self.out_path, self.logs_dir / "server.log")
        self.tls = TlsFiles(self.data_dir / "tls")
        # written once the local SCRAM user exists in this data dir's metadata
        self._users_marker = self.data_dir / "scram-users"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        """The address clients use, e.g. ``localhost:9092``."""
        return f"{HOST}:{self.port}"

    @property
    def secure_bootstrap(self) -> str:
        """The SASL_SSL address, e.g. ``localhost:9093`` (with ``secure``)."""
        return f"{HOST}:{self.secure_port}"

    def ensure_jars(self) -> None:
        """Resolve the Kafka jars into ``deploy/kafka/lib`` with Maven unless they are there.

        Raises:
            BrokerError: Maven is missing or fails (it needs Maven Central the first time).
        """
        resolve_jars(self.kafka_dir)

    def render_config(self) -> Path:
        """Write this node's server.properties into the data dir and return its path."""
        template = (self.kafka_dir / "server.properties").read_text()
        clients = [f"PLAINTEXT://{HOST}:{self.port}"]
        if self.secure:
            clients.append(f"{LISTENER}://{self.secure_bootstrap}")
        overrides = {
            "node.id": "1",
            "controller.quorum.voters": f"1@{HOST}:{self.controller_port}",
            "listeners": ",".join([*clients, f"CONTROLLER://{HOST}:{self.controller_port}"]),
            "advertised.listeners": ",".join(clients),
            "log.dirs": str(self.log_dirs),
        }
        if self.secure:
            overrides |= secure_overrides(self.tls)
        overrides |= self.extra
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.properties_path.write_text(render_properties(template, overrides))
        return self.properties_path

    def cluster_id(self) -> str:
        """The cluster id kept in the data dir, made on first use."""
        path = self.data_dir / "cluster.id"
        if path.exists():
            return path.read_text().strip()
        cluster_id = new_cluster_id()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(cluster_id + "\n")
        return cluster_id

    def format_storage(self) -> None:
        """Format the KRaft log dir once; a formatted dir is left as it is.

        Raises:
            BrokerError: StorageTool fails.
        """
        if (self.log_dirs / "meta.properties").exists():
            return
        storage_tool = java_command(self.kafka_dir, self.logs_dir, "kafka.tools.StorageTool")
        config = str(self.properties_path)
        command = [*storage_tool, "format", "-t", self.cluster_id(), "-c", config]
        if self.secure:  # the SCRAM user goes into the first metadata records
            command += scram_format_args()
        run_checked([*command, "--ignore-formatted"], f"formatting {self.log_dirs}", "format")
        if self.secure:
            self._users_marker.write_text("made when the storage was formatted\n")

    def ensure_users(self) -> None:
        """Add the local SCRAM user to a running broker whose storage predates it."""
        if self._users_marker.exists():
            return
        config_command = java_command(self.kafka_dir, self.logs_dir, "kafka.admin.ConfigCommand")
        run_checked([*config_command, *scram_user_args(self.bootstrap)], "adding users", "users")
        self._users_marker.write_text("added to a running broker\n")

    def status(self) -> BrokerStatus:
        """Whether this data dir's broker runs and accepts connections."""
        pid = self._live_pid()
        running = pid is not None and port_open(HOST, self.port)
        secure = self._secure_address()
        return BrokerStatus(running, pid, self.bootstrap, self.data_dir, secure)

    def start(self, timeout: float = 90) -> bool:
        """Start the broker in the background and wait until clients can use it.

        Args:
            timeout: seconds to wait for the broker to be ready.

        Returns:
            True if this call started it; False if it was already running (left alone).

        Raises:
            BrokerError: a port is taken by something else, the broker dies or is not
                ready in time (the message carries the tail of its log), or it runs
                already but without the SASL_SSL listener ``secure`` asks for.
        """
        with self._lock():
            pid = self._live_pid(clean=True)
            if pid is not None:
                self._wait_ready(pid, timeout, log_offset=None)
                if self.secure and self._secure_address() is None:
                    message = (
                        f"the broker of {self.data_dir} runs without its SASL_SSL listener: "
                        "stop it (geowire broker stop) and start it with --secure"
                    )
                    raise BrokerError(message, reason="insecure")
                return False
            ports = (self.port, self.controller_port, *([self.secure_port] * self.secure))
            for port in ports:
                if port_open(HOST, port):
                    message = f"port {port} is in use by a process other than {self.data_dir}'s"
                    for other in other_brokers():
                        message += f"; a broker runs from {other} (geowire broker stop there)"
                    raise BrokerError(message, reason="port")
            self.ensure_jars()
            if self.secure:
                make_tls(self.tls)
            self.render_config()
            self.format_storage()
            log_offset = self.log.size()
            pid = self._spawn()
            try:
                self._wait_ready(pid, timeout, log_offset=log_offset)
                if self.secure:
                    self.ensure_users()
            except BrokerError:
                self._terminate(pid, timeout=15)
                raise
            return True

    def stop(self, timeout: float = 60) -> bool:
        """Stop the broker cleanly (SIGTERM), killing it after ``timeout`` seconds.

        Returns:
            True if a running broker was stopped; False if none was running.
        """
        with self._lock():
            pid = self._live_pid(clean=True)
            if pid is None:
                return False
            self._terminate(pid, timeout)
            return True

    def _secure_address(self) -> str | None:
        """The SASL_SSL address in this data dir's rendered config, if it has one."""
        try:
            text = self.properties_path.read_text()
        except OSError:
            return None
        for line in text.splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "advertised.listeners":
                found = [v for v in value.split(",") if v.startswith(f"{LISTENER}://")]
                return found[0].removeprefix(f"{LISTENER}://") if found else None
        return None

    def _spawn(self) -> int:
        command = [
            *java_command(self.kafka_dir, self.logs_dir, "kafka.Kafka"),
            str(self.properties_path),
        ]
        with self.out_path.open("ab") as out:
            # A session of its own: Ctrl-C in the terminal that started it must not reach it.
            self._proc = subprocess.Popen(
                command,
                cwd=self.data_dir,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid_path.write_text(f"{self._proc.pid}\n")
        return self._proc.pid

    def _wait_ready(self, pid: int, timeout: float, log_offset: int | None) -> None:
        """Wait until the broker answers requests (and, if just started, logged it started)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._alive(pid):
                self.pid_path.unlink(missing_ok=True)
                message = f"the Kafka broker (pid {pid}) exited while starting\n{self.log.tails()}"
                raise BrokerError(message, reason="died")
            started = log_offset is None or STARTED_MARKER in self.log.since(log_offset)
            if started and api_versions_ok(HOST, self.port):
                return
            time.sleep(_POLL_S)
        message = (
            f"the Kafka broker (pid {pid}) was not ready in {timeout:.0f} s\n{self.log.tails()}"
        )
        raise BrokerError(message, reason="timeout")

    def _terminate(self, pid: int, timeout: float) -> None:
        ProcessHandle(pid, self._proc).terminate(timeout)
        self.pid_path.unlink(missing_ok=True)

    def _alive(self, pid: int) -> bool:
        # Our own child stays a zombie until reaped, which the handle does.
        return ProcessHandle(pid, self._proc).alive()

    def _live_pid(self, *, clean: bool = False) -> int | None:
        """The pid from the pid file if it is this data dir's broker; drop a stale file."""
        pid = self._read_pid()
        if pid is not None and self._alive(pid) and is_broker_process(pid, self.properties_path):
            return pid
        if clean:
            self.pid_path.unlink(missing_ok=True)
        return None

    def _read_pid(self) -> int | None:
        try:
            pid = int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None
        # 0 and negative numbers would address process groups in os.kill.
        return pid if pid > 1 else None

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        """Serialise start/stop across processes sharing this data dir."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with (self.data_dir / "broker.lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
