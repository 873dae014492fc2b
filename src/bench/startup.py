#!/usr/bin/env python3
"""Start-up to the first answered TLS request: starts COMMAND (its output to LOG, in a session of its own so it
outlives this script), then sends GET PATH over mutual TLS to 127.0.0.1:PORT every 5 ms until an HTTP answer
arrives. The clock starts just before the process is spawned, so JVM start, Quarkus boot, Flyway and the first
handshake all count.
usage: startup.py PORT CERT KEY CA PATH LOG PIDFILE TIMEOUT_S -- COMMAND...
Prints: startup_s=S cpu_s=C pid=P status=HTTP_STATUS (cpu_s: the CPU time the JVM had used by then, user and
system, from /proc/PID/stat: on a shared machine it moves far less than the wall-clock time)"""
import os, ssl, socket, subprocess, sys, time

a = sys.argv[1:]
sep = a.index('--')
port, cert, key, ca, path, log, pidfile, timeout = a[:8]
command = a[sep + 1:]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.load_verify_locations(ca); ctx.load_cert_chain(cert, key); ctx.check_hostname = False
request = f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-M2M-RI: startup\r\n\r\n".encode()

def cpu_seconds(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')

t0 = time.perf_counter()
with open(log, 'ab') as out:
    proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
with open(pidfile, 'w') as f:
    f.write(str(proc.pid))
deadline = t0 + float(timeout)
while time.perf_counter() < deadline:
    if proc.poll() is not None:
        print(f"startup_s=nan pid={proc.pid} status=exited({proc.returncode})"); sys.exit(1)
    try:
        with socket.create_connection(('127.0.0.1', int(port)), timeout=2) as s:
            with ctx.wrap_socket(s, server_hostname='localhost') as t:
                t.sendall(request)
                data = t.recv(64)
                if data.startswith(b'HTTP/1.1 '):
                    elapsed = time.perf_counter() - t0
                    print(f"startup_s={elapsed:.2f} cpu_s={cpu_seconds(proc.pid):.2f} pid={proc.pid} status={data[9:12].decode()}")
                    sys.exit(0)
    except OSError:
        pass
    time.sleep(0.005)
print(f"startup_s=nan pid={proc.pid} status=timeout"); sys.exit(1)
