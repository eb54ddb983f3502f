#!/usr/bin/env python3
"""Gateway benchmark: GET and POST through the service directly, a plain YARP proxy, the ApiPlatform gateway with its
full policy chain, and nginx with keep-alive upstreams, interleaved in rounds on this machine. Reports requests/s,
p50 and p99 latency, CPU time per request and resident memory of each proxy, and the ratios (medians of the rounds).

Needs: the .NET SDK, wrk, nginx and redis-server (apt-get install wrk nginx-light redis-server). Loopback only.
Usage: python3 tests/load/benchmark.py [--rounds 3] [--seconds 10] [--connections 32] [--markdown docs/benchmark.md]
"""
import argparse, json, os, re, shutil, socket, ssl, statistics, subprocess, sys, tempfile, time, urllib.parse, urllib.request, uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# On 2 cores .NET's thread-pool spin-waiting starves a co-located nginx (and wrk); every .NET process runs without it.
DOTNET_ENV = {"DOTNET_ThreadPool_UnfairSemaphoreSpinLimit": "0", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
INLINE = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"
ORDER = '{"tenant":"acme","customerAccountId":"acc-acme-001","currency":"EUR","lines":[{"sku":"SPARE-KIT","description":"Spare parts kit","quantity":2,"unitPrice":{"amount":120,"currency":"EUR"},"discountPercent":0}]}'


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, timeout=90, context=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2, context=context)
            return
        except urllib.error.HTTPError:
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def publish(project, out):
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, project), "-c", "Release", "-o", out, "--nologo", "-v", "q"],
                   check=True, stdout=subprocess.DEVNULL)


class Processes:
    def __init__(self):
        self.started = []

    def start(self, name, command, env=None, cwd=None):
        log = open(os.path.join(WORK, name + ".log"), "w")
        process = subprocess.Popen(command, env={**os.environ, **(env or {})}, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        self.started.append(process)
        return process

    def stop(self):
        for process in reversed(self.started):
            process.terminate()
        for process in self.started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def rss_mib(pids):
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/status") as f:
            total += int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
    return total / 1024


def family(pid):
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [pid] + [int(c) for c in children]


def catalog_apis():
    folder = os.path.join(ROOT, "contracts", "catalog", "apis")
    names = []
    for file in sorted(os.listdir(folder)):
        if file.endswith(".yaml"):
            with open(os.path.join(folder, file)) as f:
                names += re.findall(r"^name:\s*(\S+)", f.read(), re.M)
    return names


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)$", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, seconds, connections, token, script=None):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Authorization: Bearer {token}"]
    if script:
        command += ["-s", script]
    # The script gets a fresh nonce per run: idempotency keys never repeat across runs (a repeat would be a replay).
    arguments = ["--", uuid.uuid4().hex] if script else []
    output = subprocess.run(command + [url] + arguments, capture_output=True, text=True, check=True).stdout
    if "Latency Distribution" not in output:
        raise SystemExit(f"wrk could not measure {url}:\n{output}")
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "requests": requests,
        "errors": int(errors.group(1)) if errors else 0,
    }


def nginx_config(port, backend):
    locations = "".join(f"""
        location /system/{api}/ {{
            proxy_pass http://backend/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}""" for api in ("crm", "erp"))
    return f"""
user root;
worker_processes auto;
daemon off;
pid {WORK}/nginx.pid;
error_log {WORK}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {WORK}/nginx-body;
    proxy_temp_path {WORK}/nginx-proxy;
    upstream backend {{ server 127.0.0.1:{backend}; keepalive 64; }}
    server {{
        listen 127.0.0.1:{port};{locations}
    }}
}}
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--markdown")
    parser.add_argument("--only", help="comma-separated targets to measure (default: all); the ratios need all four")
    parser.add_argument("--methods", default="GET,POST")
    parser.add_argument("--warmup", type=int, default=20,
                        help="seconds of load per target and method before the rounds, so tiered compilation has settled")
    parser.add_argument("--reuse", help="a folder holding earlier published builds (identity, gateway, hosts) to skip publishing")
    args = parser.parse_args()
    for tool in ("wrk", "nginx", "redis-server", "dotnet"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install wrk nginx-light redis-server")

    builds = args.reuse or WORK
    if not args.reuse:
        print("publishing the gateway, the token server and the reference hosts (Release)...", flush=True)
        for name, project in (("identity", "gateway/ApiPlatform.Identity"), ("gateway", "gateway/ApiPlatform.Gateway"),
                              ("hosts", "tests/load/ApiPlatform.LoadTests.Hosts")):
            publish(project, os.path.join(builds, name))
    # Extra gateway instances with other settings, measured as further targets: BENCH_VARIANTS='{"name": {"Key__Path": "v"}}'.
    variants = json.loads(os.environ.get("BENCH_VARIANTS") or "{}")

    ports = {name: free_port() for name in ("redis", "backend", "yarp", "yarp-inline", "identity", "gateway", "nginx", *variants)}
    url = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    processes = Processes()
    try:
        processes.start("redis", ["redis-server", "--port", str(ports["redis"]), "--bind", "127.0.0.1", "--save", ""])
        hosts = os.path.join(builds, "hosts", "ApiPlatform.LoadTests.Hosts")
        profiling = {"DOTNET_PerfMapEnabled": "1", "DOTNET_EnableWriteXorExecute": "0"} if os.environ.get("BENCH_PROFILE") else {}
        backend = processes.start("backend", [hosts, "backend", "--urls", url["backend"]], DOTNET_ENV)
        yarp = processes.start("yarp", [hosts, "plain-yarp", "--urls", url["yarp"], "--backend", url["backend"]], {**DOTNET_ENV, **profiling})
        # The gateway completes socket operations inline (SocketDefaults); plain YARP measured with the same setting
        # shows how much of the ratio is that setting rather than the cost of the policies.
        yarp_inline = processes.start("yarp-inline", [hosts, "plain-yarp", "--urls", url["yarp-inline"], "--backend", url["backend"]],
                                      {**DOTNET_ENV, **profiling, INLINE: "1"})
        # The gateway runs as in production (Production environment, so HTTPS metadata): the token server listens on
        # HTTPS with a certificate made for this run, which the gateway trusts through SSL_CERT_FILE. The token server
        # itself runs in Development only for its demo client.
        certificate, key = os.path.join(WORK, "identity.crt"), os.path.join(WORK, "identity.key")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1", "-addext", "basicConstraints=critical,CA:TRUE",
                        "-keyout", key, "-out", certificate], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        trust = ssl.create_default_context(cafile=certificate)
        url["identity"] = f"https://127.0.0.1:{ports['identity']}"
        platform = {
            **DOTNET_ENV,
            "Auth__Authority": url["identity"],
            "Auth__Issuer": "https://gateway.benchmark.invalid",
            "Logging__LogLevel__Default": "Warning",
        }
        processes.start("identity", [os.path.join(builds, "identity", "ApiPlatform.Identity"), "--urls", url["identity"]],
                        {**platform, "ASPNETCORE_ENVIRONMENT": "Development",
                         "Kestrel__Certificates__Default__Path": certificate, "Kestrel__Certificates__Default__KeyPath": key,
                         "Database__DataDirectory": os.path.join(WORK, "identity-data")}, cwd=os.path.join(builds, "identity"))
        # The gateway starts once the token server answers, so its first active health probe of the identity cluster
        # (and its first JWKS fetch) find it listening, as in a deployment that orders its rollout.
        wait_http(url["identity"] + "/health/live", context=trust)
        def start_gateway(name, settings):
            # A variant may name another published gateway folder with the pseudo-setting "__build".
            folder = settings.pop("__build", os.path.join(builds, "gateway"))
            return processes.start(name, [os.path.join(folder, "ApiPlatform.Gateway"), "--urls", url[name]], {
                **platform,
                **profiling,
                "ASPNETCORE_ENVIRONMENT": "Production",
                "SSL_CERT_FILE": certificate,
                "ConnectionStrings__redis": f"127.0.0.1:{ports['redis']}",
                # Every api of the catalog is served by the backend, so the destinations' active health checks
                # find a healthy system (their probes would otherwise fail against the catalog's cluster addresses).
                **{f"Gateway__Upstreams__{api}": url["backend"] for api in catalog_apis()},
                # The limiter stays on the path (leases from Redis, headers on every response) with a plan the load
                # cannot spend, so the figures measure its cost rather than its 429s.
                "Gateway__Plans__internal__Requests": "1000000000",
                "Gateway__Plans__internal__WindowSeconds": "60",
                "Gateway__Plans__internal__Burst": "1000000000",
                # One audit record per request is part of the chain, written to standard output as in a container.
                "Logging__LogLevel__ApiPlatform.Gateway.Audit": "Information",
                **json.loads(os.environ.get("BENCH_GATEWAY_SETTINGS") or "{}"),
                **settings,
            }, cwd=folder)
        gateway = start_gateway("gateway", {})
        extra = {name: start_gateway(name, settings) for name, settings in variants.items()}
        with open(os.path.join(WORK, "nginx.conf"), "w") as f:
            f.write(nginx_config(ports["nginx"], ports["backend"]))
        nginx = processes.start("nginx", ["nginx", "-c", os.path.join(WORK, "nginx.conf")])
        for name in ("backend", "yarp", "yarp-inline", "gateway", "nginx", *variants):
            wait_http(url[name] + "/health/live" if name in ("gateway", *variants) else url[name] + "/system/crm/v1/accounts"
                      if name in ("yarp", "yarp-inline", "nginx") else url[name] + "/v1/accounts")

        form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "integration-app",
                                       "client_secret": "integration-secret"}).encode()
        token = json.load(urllib.request.urlopen(url["identity"] + "/connect/token", data=form, context=trust))["access_token"]
        post_script = os.path.join(WORK, "post.lua")
        with open(post_script, "w") as f:
            f.write(f"""wrk.method = "POST"
wrk.body = '{ORDER}'
wrk.headers["Content-Type"] = "application/json"
local counter = 0
local prefix = "unset"
init = function(args)
  prefix = args[1]
end
request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. prefix .. "-" .. counter
  return wrk.format()
end
""")

        targets = {
            "direct": (backend.pid, url["backend"] + "/v1/accounts", url["backend"] + "/v1/sales-orders"),
            "plain YARP": (yarp.pid, url["yarp"] + "/system/crm/v1/accounts", url["yarp"] + "/system/erp/v1/sales-orders"),
            "plain YARP inline": (yarp_inline.pid, url["yarp-inline"] + "/system/crm/v1/accounts",
                                  url["yarp-inline"] + "/system/erp/v1/sales-orders"),
            "gateway": (gateway.pid, url["gateway"] + "/system/crm/v1/accounts", url["gateway"] + "/system/erp/v1/sales-orders"),
            "nginx": (nginx.pid, url["nginx"] + "/system/crm/v1/accounts", url["nginx"] + "/system/erp/v1/sales-orders"),
            **{name: (process.pid, url[name] + "/system/crm/v1/accounts", url[name] + "/system/erp/v1/sales-orders")
               for name, process in extra.items()},
        }
        if args.only:
            targets = {name: target for name, target in targets.items() if name in args.only.split(",")}
        methods = args.methods.split(",")
        if os.environ.get("BENCH_PROFILE"):
            # Profiling aid: keep one target (BENCH_PROFILE=gateway, "plain YARP", ...) under GET load (POST with
            # BENCH_PROFILE_METHOD=POST) for 60 s while a profiler (dotnet-trace, perf) collects from the printed PID;
            # the load's figures follow.
            name = os.environ["BENCH_PROFILE"] if os.environ["BENCH_PROFILE"] in targets else "gateway"
            post = os.environ.get("BENCH_PROFILE_METHOD", "GET").upper() == "POST"
            print(f"{name} pid {targets[name][0]}; loading it for 60 s", flush=True)
            print(json.dumps(wrk(targets[name][2] if post else targets[name][1], 60, args.connections, token,
                                 post_script if post else None)), flush=True)
            return
        print(f"warming up ({args.warmup} s per target and method)...", flush=True)
        for _, get_url, post_url in targets.values():
            if "GET" in methods:
                wrk(get_url, args.warmup, args.connections, token)
            if "POST" in methods:
                wrk(post_url, args.warmup, args.connections, token, post_script)

        results = {(name, method): [] for name in targets for method in methods}
        names = list(targets)
        for round_number in range(args.rounds):
            for name in names[round_number % len(names):] + names[:round_number % len(names)]:
                pid, get_url, post_url = targets[name]
                for method, target_url, script in (("GET", get_url, None), ("POST", post_url, post_script)):
                    if method not in methods:
                        continue
                    pids = family(pid)
                    before = cpu_seconds(pids)
                    result = wrk(target_url, args.seconds, args.connections, token, script)
                    result["cpu_us"] = (cpu_seconds(pids) - before) / max(result["requests"], 1) * 1e6
                    result["rss"] = rss_mib(pids)
                    results[(name, method)].append(result)
                    print(f"round {round_number + 1} {name:10} {method:4} {result['rps']:9.0f} req/s  p50 {result['p50']:6.2f} ms  "
                          f"p99 {result['p99']:6.2f} ms  cpu {result['cpu_us']:6.1f} us/req  rss {result['rss']:6.1f} MiB  "
                          f"non-2xx {result['errors']}", flush=True)
        report(results, args)
    finally:
        processes.stop()


def report(results, args):
    median = lambda name, method, key: statistics.median(r[key] for r in results[(name, method)])
    lines = [f"Medians of {args.rounds} interleaved rounds, wrk -t1 -c{args.connections} -d{args.seconds}s, loopback, "
             f"{os.cpu_count()} cores, DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 for every .NET process.", "",
             "| target | method | requests/s | p50 ms | p99 ms | CPU µs/request | RSS MiB | non-2xx |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for (name, method) in results:
        lines.append(f"| {name} | {method} | {median(name, method, 'rps'):.0f} | {median(name, method, 'p50'):.2f} | "
                     f"{median(name, method, 'p99'):.2f} | {median(name, method, 'cpu_us'):.1f} | {median(name, method, 'rss'):.0f} | "
                     f"{sum(r['errors'] for r in results[(name, method)])} |")
    lines.append("")
    for method in ("GET", "POST"):
        if any((name, method) not in results for name in ("direct", "gateway", "plain YARP", "nginx")):
            continue
        gateway, yarp, nginx = (median(n, method, "rps") for n in ("gateway", "plain YARP", "nginx"))
        p99 = median("gateway", method, "p99") - median("direct", method, "p99")
        lines.append(f"- {method}: gateway / plain YARP = {gateway / yarp:.2f}, gateway / nginx = {gateway / nginx:.2f}, "
                     f"plain YARP / nginx = {yarp / nginx:.2f}; gateway p99 is {p99:+.2f} ms against direct.")
        if ("plain YARP inline", method) in results:
            lines.append(f"- {method}: gateway / plain YARP with inline socket completions (the gateway's setting) = "
                         f"{gateway / median('plain YARP inline', method, 'rps'):.2f}")
    for (name, method) in results:
        if name not in ("direct", "gateway", "plain YARP", "plain YARP inline", "nginx") and ("plain YARP", method) in results:
            lines.append(f"- {method}: {name} / plain YARP = {median(name, method, 'rps') / median('plain YARP', method, 'rps'):.2f}")
    text = "\n".join(lines)
    print("\n" + text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    WORK = tempfile.mkdtemp(prefix="apiplatform-bench-")
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
