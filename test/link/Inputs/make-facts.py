"""Write a deliberately bad facts record to stdout (see bad-input.test)."""
import struct
import sys

MAGIC = b"ICFACTS\0"
kind = sys.argv[1]
if kind == "older":
    data = MAGIC + struct.pack("<III", 1, 1, 0) + b"\0"
elif kind == "version4":
    # The version before flows (docs/facts-format.md): rebuilt, not read.
    data = MAGIC + struct.pack("<III", 4, 1, 0) + b"\0"
elif kind == "newer":
    data = MAGIC + struct.pack("<III", 99, 1, 0) + b"\0"
elif kind == "truncated":
    data = MAGIC + struct.pack("<III", 5, 100, 0) + b"\x01\x02"
elif kind == "corrupt":
    # A well-framed record whose payload claims more strings than it holds.
    payload = b"\x7f\x05abc"
    data = MAGIC + struct.pack("<III", 5, len(payload), 0) + payload
elif kind == "first-error":
    # Three bad records: a compressed one that does not inflate, a corrupt
    # one, a bad magic. Records decode in parallel; the first one's error
    # is the one reported, as if they were decoded in order.
    packed = b"not zlib at all"
    payload = b"\x7f\x05abc"
    data = (MAGIC + struct.pack("<III", 5, len(packed), 64) + packed +
            MAGIC + struct.pack("<III", 5, len(payload), 0) + payload +
            b"NOTFACTS" + struct.pack("<III", 1, 0, 0))
else:
    data = b"NOTFACTS" + struct.pack("<III", 1, 0, 0)
sys.stdout.buffer.write(data)
