#!/usr/bin/env python3
"""New-connection load: each request on a fresh mutually authenticated TLS connection (no resumption).
usage: newconn.py HOST PORT CERT KEY CA METHOD PATH BODY|- PROCS SECONDS [tls1.2|tls1.3|any] [OK_CODES]
OK_CODES: comma-separated HTTP statuses counted as answered (default 200,201).
Prints: ok=N bad=N rate=R/s p50_ms p99_ms
The load is that of the reference generator the figures of issue 12 were measured with."""
import ssl, socket, sys, time, multiprocessing as mp

def worker(args, q):
    host, port, cert, key, ca, method, path, body, secs, ver, okcodes = args
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(ca); ctx.load_cert_chain(cert, key); ctx.check_hostname = False
    if ver == 'tls1.2': ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    elif ver == 'tls1.3': ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.options |= ssl.OP_NO_TICKET
    b = b'' if body == '-' else body.encode()
    req = (f"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-M2M-RI: load\r\n"
           + (f"Content-Type: application/json\r\nContent-Length: {len(b)}\r\n" if b else "") + "\r\n").encode() + b
    ok = bad = 0; lat = []; codes = {}
    end = time.time() + secs
    while time.time() < end:
        t0 = time.perf_counter()
        try:
            s = socket.create_connection((host, int(port)))
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            t = ctx.wrap_socket(s, server_hostname='localhost')
            t.sendall(req)
            data = b''
            while True:
                chunk = t.recv(65536)
                if not chunk: break
                data += chunk
            t.close()
            code = data[9:12].decode(errors='replace')
            codes[code] = codes.get(code, 0) + 1
            if code in okcodes: ok += 1; lat.append(time.perf_counter() - t0)
            else: bad += 1
        except Exception as e:
            bad += 1; codes[type(e).__name__] = codes.get(type(e).__name__, 0) + 1
    q.put((ok, bad, lat, codes))

if __name__ == '__main__':
    a = sys.argv[1:]
    host, port, cert, key, ca, method, path, body, procs, secs = a[:10]
    ver = a[10] if len(a) > 10 else 'any'
    okcodes = tuple((a[11] if len(a) > 11 else '200,201').split(','))
    q = mp.Queue(); ps = []
    t0 = time.time()
    for _ in range(int(procs)):
        p = mp.Process(target=worker, args=((host, port, cert, key, ca, method, path, body, float(secs), ver, okcodes), q)); p.start(); ps.append(p)
    res = [q.get() for _ in ps]
    for p in ps: p.join()
    el = float(secs)
    ok = sum(r[0] for r in res); bad = sum(r[1] for r in res); lat = sorted(x for r in res for x in r[2])
    codes = {}
    for r in res:
        for k, v in r[3].items(): codes[k] = codes.get(k, 0) + v
    p = lambda f: (lat[min(len(lat)-1, int(f*len(lat)))]*1000 if lat else 0)
    print(f"ok={ok} bad={bad} rate={ok/el:.1f}/s p50_ms={p(.5):.1f} p99_ms={p(.99):.1f} codes={codes}")
