"""Compare initcheck link's table with the entries of a linked program.

usage: entries.py TABLE.json NM_OUTPUT
The initcall entries of the program, in address order (nm -n), must be the
table's entries, in the table's order.
"""
import json
import sys

table = [e["entry"] for e in json.load(open(sys.argv[1]))["initcalls"]]
linked = [line.split()[-1] for line in open(sys.argv[2])
          if line.split() and line.split()[-1].startswith("__initcall__")]
if table != linked:
    print("table:  " + " ".join(table))
    print("linked: " + " ".join(linked))
    sys.exit(1)
print("%d initcalls in the same order" % len(table))
