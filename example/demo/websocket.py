"""A WebSocket echo endpoint in plain ASGI: what Django itself does not provide."""


async def websocket_echo(scope, receive, send):
    while True:
        event = await receive()
        if event["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif event["type"] == "websocket.receive":
            reply = {"type": "websocket.send"}
            if event.get("text") is not None:
                reply["text"] = event["text"]
            else:
                reply["bytes"] = event.get("bytes") or b""
            await send(reply)
        elif event["type"] == "websocket.disconnect":
            return
