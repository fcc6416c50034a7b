#!/usr/bin/env python3
"""A counting SMTP sink for bench/cluster (Python 3 standard library only).

Accepts every message on 127.0.0.1:PORT (ESMTP without extensions: the app needs none) and appends one line
per accepted message to OUT: "<recipient> <token>", the token being the first score link's (/r/<token>?score=),
or "-" when none is found. Duplicates are counted exactly from OUT afterwards (one line per message, one
recipient per invitation). A line is written before the 250 reply to DATA, so a message the app counts as
sent is always in OUT. Usage: sink.py PORT OUT
"""

import asyncio
import re
import sys

TOKEN = re.compile(rb"/r/([A-Za-z0-9_-]{22})\?score(?:=|=3D)")


async def session(reader, writer, out):
    writer.write(b"220 cbench-sink ESMTP\r\n")
    recipients = []
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250 cbench-sink\r\n")
            elif verb == b"MAIL":
                recipients = []
                writer.write(b"250 OK\r\n")
            elif verb == b"RCPT":
                recipients.append(line.split(b":", 1)[1].strip().strip(b"<>").decode("ascii", "replace"))
                writer.write(b"250 OK\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go on\r\n")
                await writer.drain()
                body = []
                while True:
                    part = await reader.readline()
                    if not part or part == b".\r\n":
                        break
                    body.append(part)
                # quoted-printable soft breaks ("=\r\n") could split a link: join them before searching
                text = b"".join(body).replace(b"=\r\n", b"")
                m = TOKEN.search(text)
                token = m.group(1).decode() if m else "-"
                for r in recipients:
                    out.write("%s %s\n" % (r, token))
                out.flush()
                recipients = []
                writer.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:  # RSET, NOOP, ...
                recipients = []
                writer.write(b"250 OK\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    out = open(path, "a", buffering=1 << 16)
    server = await asyncio.start_server(lambda r, w: session(r, w, out), "127.0.0.1", port, backlog=256)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
