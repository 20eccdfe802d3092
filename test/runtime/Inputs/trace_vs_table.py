"""usage: trace_vs_table.py TABLE.json TRACE
Whether the initcalls an INITCHECK_DEBUG trace ran ("calling  fn @ level")
are the initcall order table of `initcheck link --format=json`, in order."""
import json
import re
import sys

table = [(e["level"], e["function"])
         for e in json.load(open(sys.argv[1]))["initcalls"]
         if e["level"] not in ("exit", "module_exit")]
ran = [(m.group(2), m.group(1))
       for m in re.finditer(r"^calling  (\S+) @ (\S+)$", open(sys.argv[2]).read(), re.M)
       if m.group(2) != "exit"]
if ran == table:
    print("order equals the table (%d initcalls)" % len(ran))
else:
    print("order DIFFERS: ran %s, table %s" % (ran, table))
