"""A local stand-in for the Anthropic Messages API, for running the real Claude Code offline.

It answers POST /v1/messages (streamed server-sent events or plain JSON) and records every
request. The main thread's requests are answered with `Agent` tool calls, a few per turn, one
for each name in `probe` (with the prompt `agentlint-probe NAME`), until every name was tried;
then the main thread is told it is done. A subagent's request (its system prompt says
`cc_is_subagent=true`) is answered with a short text, so every subagent that Claude Code really
spawns sends exactly one request, which shows its model and its tools. Anything else (token
counting, title generation) gets a small valid answer.

Python standard library only. Used by oracle.py; not a general-purpose mock.
"""

import http.server
import itertools
import json
import threading

PROBE = "agentlint-probe "


def _events(blocks, stop, model):
    counter = next(_ids)
    out = [("message_start", {
        "type": "message_start",
        "message": {"id": "msg_%d" % counter, "type": "message", "role": "assistant",
                    "model": model, "content": [], "stop_reason": None, "stop_sequence": None,
                    "usage": {"input_tokens": 1, "output_tokens": 1}}})]
    for index, block in enumerate(blocks):
        if block["type"] == "text":
            start = {"type": "text", "text": ""}
            delta = {"type": "text_delta", "text": block["text"]}
        else:
            start = {"type": "tool_use", "id": block["id"], "name": block["name"], "input": {}}
            delta = {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}
        out.append(("content_block_start",
                    {"type": "content_block_start", "index": index, "content_block": start}))
        out.append(("content_block_delta",
                    {"type": "content_block_delta", "index": index, "delta": delta}))
        out.append(("content_block_stop", {"type": "content_block_stop", "index": index}))
    out.append(("message_delta", {"type": "message_delta",
                                  "delta": {"stop_reason": stop, "stop_sequence": None},
                                  "usage": {"output_tokens": 1}}))
    out.append(("message_stop", {"type": "message_stop"}))
    return b"".join(b"event: %s\ndata: %s\n\n" % (name.encode(), json.dumps(data).encode())
                    for name, data in out)


_ids = itertools.count(1)


def is_subagent(request):
    return "cc_is_subagent=true" in json.dumps(request.get("system", ""))


def tool_results(messages):
    count = 0
    for message in messages:
        content = message.get("content")
        if isinstance(content, list):
            count += sum(1 for c in content if isinstance(c, dict) and c.get("type") == "tool_result")
    return count


class StandIn:
    """Serves on 127.0.0.1 (an ephemeral port) in a thread; `requests` holds what arrived."""

    def __init__(self, probe, per_turn=6):
        self.probe = list(probe)
        self.per_turn = per_turn
        self.requests = []
        self.calls = {}  # tool_use id -> the name the Agent call asked for
        self.lock = threading.Lock()
        stand_in = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, status, data, content_type="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self.reply(404, b"{}")

            do_HEAD = do_GET

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                try:
                    request = json.loads(self.rfile.read(length))
                except ValueError:
                    request = {}
                if not self.path.startswith("/v1/messages") or "count_tokens" in self.path:
                    return self.reply(200, b'{"input_tokens": 10}')
                with stand_in.lock:
                    stand_in.requests.append(request)
                blocks, stop = stand_in.answer(request)
                model = request.get("model", "claude")
                if request.get("stream"):
                    return self.reply(200, _events(blocks, stop, model), "text/event-stream")
                return self.reply(200, json.dumps({
                    "id": "msg_%d" % next(_ids), "type": "message", "role": "assistant",
                    "model": model, "content": blocks, "stop_reason": stop,
                    "stop_sequence": None, "usage": {"input_tokens": 1,
                                                     "output_tokens": 1}}).encode())

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def answer(self, request):
        text = [{"type": "text", "text": "done"}]
        if is_subagent(request):
            return text, "end_turn"
        tools = [t.get("name") for t in request.get("tools", [])]
        if "Agent" not in tools:
            return text, "end_turn"  # a side request (a title, a summary)
        done = tool_results(request.get("messages", []))
        batch = self.probe[done:done + self.per_turn]
        if not batch:
            return text, "end_turn"
        calls = [{"type": "tool_use", "id": "toolu_%d_%d" % (done, i), "name": "Agent",
                  "input": {"description": "probe", "prompt": PROBE + name,
                            "subagent_type": name, "run_in_background": False}}
                 for i, name in enumerate(batch)]
        with self.lock:
            for call in calls:
                self.calls[call["id"]] = call["input"]["subagent_type"]
        return calls, "tool_use"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
