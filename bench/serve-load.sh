#!/usr/bin/env bash
# Benchmark, not a test: `syscost serve` under load. 20 concurrent clients × 1,000 scrapes of /metrics while
# 50 slowloris clients hold half-sent requests open (one more header byte every 2 s, so the idle timeout alone
# cannot shed them), then 2,000 clients that hang up before reading. Prints p50/p99 latency, errors, and the
# server's RSS and open descriptors before and after. Usage: bench/serve-load.sh [clients] [scrapes] [slow]
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$here/bin/jdk.sh"
syscost_find_jdk
cd "$here"

clients=${1:-20} scrapes=${2:-1000} slow=${3:-50}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
./syscost serve --port "$port" --interval 24h >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 600); do grep -q "Ctrl-C to stop" "$log" && break; sleep 0.2; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$pid" "$port" "$clients" "$scrapes" "$slow" <<'PY'
import os, socket, sys, threading, time
pid, port, clients, scrapes, slow = (int(a) for a in sys.argv[1:])
def rss_kib(): return int(next(l for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")).split()[1])
def fds(): return len(os.listdir(f"/proc/{pid}/fd"))
req = b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
def scrape(sock):
    sock.sendall(req); head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(65536)
        if not chunk: raise IOError("closed")
        head += chunk
    h, _, body = head.partition(b"\r\n\r\n")
    if not h.startswith(b"HTTP/1.1 200"): raise IOError(h.split(b"\r\n")[0].decode())
    length = int([l for l in h.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
    while len(body) < length: body += sock.recv(65536)
for _ in range(50):  # warm-up
    with socket.create_connection(("127.0.0.1", port)) as s: scrape(s)
print(f"before: rss {rss_kib()} KiB, fds {fds()}")
stop = threading.Event()
def slowloris():
    try:
        s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        while not stop.wait(2): s.sendall(b"a")
    except OSError: pass
slows = [threading.Thread(target=slowloris, daemon=True) for _ in range(slow)]
for t in slows: t.start()
time.sleep(0.5)
lat, errors, lock = [], [0], threading.Lock()
def client():
    mine, bad, s = [], 0, None
    for _ in range(scrapes):
        t0 = time.perf_counter()
        try:
            if s is None: s = socket.create_connection(("127.0.0.1", port), timeout=10)
            scrape(s); mine.append(time.perf_counter() - t0)
        except OSError:
            bad += 1
            if s: s.close()
            s = None
    if s: s.close()
    with lock: lat.extend(mine); errors[0] += bad
t0 = time.perf_counter()
workers = [threading.Thread(target=client) for _ in range(clients)]
for t in workers: t.start()
for t in workers: t.join()
wall = time.perf_counter() - t0
during = fds()
lat.sort()
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1e3
print(f"{clients} clients x {scrapes} scrapes with {slow} slow clients held open: {len(lat)} ok, {errors[0]} errors, "
      f"{len(lat) / wall:.0f} scrapes/s, p50 {q(0.50):.2f} ms, p99 {q(0.99):.2f} ms, max {lat[-1] * 1e3:.1f} ms; fds during {during}")
for _ in range(2000):  # hang up before reading
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(req); s.close()
stop.set()
settle, last = time.perf_counter(), -1
while fds() != last and time.perf_counter() - settle < 30: last = fds(); time.sleep(1)
print(f"after {time.perf_counter() - settle:.0f} s to settle (slow clients released, 2,000 early hang-ups): rss {rss_kib()} KiB, fds {fds()}")
PY
echo "server log (stderr lines):"; sed -n '/Ctrl-C to stop/,$p' "$log" | tail -n +2 | sed 's/^/  /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
