#!/usr/bin/env python3
"""Peak memory of the AOT bootstrap handling one slot of N channels (benchmark, not a test).

Against the emulators (eval "$(./scripts/emulators.sh start)"): puts an upload of one minute of N
channels in a fresh raw bucket, runs the bootstrap under `/usr/bin/time -v` as the Background Starter
(raw -> silver slot) and then as the Viewers step of that slot, each for one invocation served by a
loopback Runtime API in this script, and prints each process's maximum resident set size.

usage: measure-slot-memory.py BOOTSTRAP [CHANNELS]
"""
import json, os, re, signal, subprocess, sys, threading, time, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import boto3

bootstrap, channels = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
s3_url, ddb_url = os.environ["FLICK_TEST_AWS_ENDPOINT"], os.environ["FLICK_TEST_DYNAMODB_ENDPOINT"]
auth = dict(region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
stem = "mem" + uuid.uuid4().hex[:10]
buckets = {"RAW": stem + "-raw", "SERIES": stem + "-series", "CLEAN": stem + "-clean"}
s3 = boto3.client("s3", endpoint_url=s3_url, **auth)
ddb = boto3.client("dynamodb", endpoint_url=ddb_url, **auth)
for b in buckets.values():
    s3.create_bucket(Bucket=b)
for t in ("runs", "viewers"):
    ddb.create_table(TableName=f"{stem}-{t}", BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": k, "AttributeType": "S"} for k in ("pk", "sk")],
                     KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}])
while any(ddb.describe_table(TableName=f"{stem}-{t}")["Table"]["TableStatus"] != "ACTIVE" for t in ("runs", "viewers")):
    time.sleep(0.1)

streams = [{"id": f"s{i}", "user_id": str(i), "user_login": f"u{i}", "user_name": f"U{i}", "game_id": str(i % 500),
            "game_name": f"G{i % 500}", "type": "live", "viewer_count": 10 + (i * 7919) % 50000,
            "started_at": "2026-11-23T09:00:00Z", "language": "en", "title": f"title {i}"} for i in range(channels)]
upload = json.dumps({"series": "demo", "samples": [{"at": "2026-11-23T10:00:05Z", "streams": streams}]})
s3.put_object(Bucket=buckets["RAW"], Key="uploads/demo.json", Body=upload.encode())


def invoke(handler, payload):
    outcome, served = {}, threading.Event()

    class Api(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if outcome.get("sent"):
                served.wait(120)
                return
            outcome["sent"] = True
            body = payload.encode()
            self.send_response(200)
            for k, v in (("Lambda-Runtime-Aws-Request-Id", "req-1"), ("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 120000)),
                         ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:flick"),
                         ("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000"), ("Content-Length", str(len(body)))):
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            outcome["path"] = self.path
            outcome["body"] = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()
            served.set()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = dict(os.environ, AWS_LAMBDA_RUNTIME_API=f"127.0.0.1:{server.server_port}", _HANDLER=handler,
               AWS_LAMBDA_FUNCTION_NAME="flick-" + handler, AWS_LAMBDA_LOG_LEVEL="WARN", FLICK_AWS_REGION="us-east-1",
               FLICK_AWS_SERVICE_URL=s3_url, FLICK_DYNAMODB_SERVICE_URL=ddb_url, FLICK_TABLE_PREFIX=stem + "-",
               AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
               **{f"FLICK_BUCKET_{k}": v for k, v in buckets.items()})
    timed = subprocess.Popen(["/usr/bin/time", "-v", bootstrap], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    served.wait(120)
    # The bootstrap now waits for its next invocation: end it (the child of /usr/bin/time, by its pid).
    with open(f"/proc/{timed.pid}/task/{timed.pid}/children") as f:
        for pid in f.read().split():
            os.kill(int(pid), signal.SIGKILL)
    report = timed.communicate()[1]
    server.shutdown()
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    print(f"{handler}: {outcome.get('path')} {outcome.get('body', '')[:200]}")
    print(f"{handler}: peak RSS {peak_kb / 1024:.1f} MB")


invoke("background-starter", json.dumps({"Records": [{"messageId": "m1", "body": json.dumps(
    {"source": "aws.s3", "detail-type": "Object Created",
     "detail": {"bucket": {"name": buckets["RAW"]}, "object": {"key": "uploads/demo.json", "size": len(upload), "etag": "e"}}})}]}))
invoke("viewers", json.dumps({"runId": "mem-run", "seriesId": "demo", "slot": "2026-11-23T10:00Z"}))
