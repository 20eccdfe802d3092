"""Find mutation sites in kernel C sources: an `__init` function whose body
references another init symbol (function or `__initdata`/`__initconst`
object) defined in the same file. A lexical scan, good enough to pick sites;
the compiler, not this scan, decides what a mutation finds."""

import re

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"' + r"|'(?:\\.|[^'\\\n])*'")
# A function definition: `<specifiers> __init <more> name(params) {` on lines
# that start at column 0, as kernel style writes them.
_INIT_FN = re.compile(
    r"^(?P<head>[A-Za-z_][\w \t\*]*?\b__init\b[\w \t\*]*?)\b(?P<name>[A-Za-z_]\w*)\s*"
    r"\((?P<params>[^;{}()]*(?:\([^;{}()]*\)[^;{}()]*)*)\)\s*\{",
    re.M)
# An init object: `name[...] __initdata` or `__initdata type name` (the
# word right before the annotation is a type unless brackets follow it).
_INIT_DATA = re.compile(
    r"\b(?P<name>[A-Za-z_]\w*)\s*(?:\[[^\]\n]*\]\s*)+(?:__initdata|__initconst)\b"
    r"|(?:__initdata|__initconst)\s+(?:[\w \t\*]*?\s)?\**(?P<name2>[A-Za-z_]\w*)\s*(?:\[|=|;)"
    r"|\b(?P<name3>[A-Za-z_]\w*)\s+(?:__initdata|__initconst)\s*(?:=|;)")
_IDENT = re.compile(r"(?<![\w.>])(?<!->)([A-Za-z_]\w*)\b")
_KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "do", "else",
             "char", "short", "int", "long", "unsigned", "signed", "static",
             "const", "bool", "void", "struct", "union", "enum", "u8", "u16",
             "u32", "u64", "s8", "s16", "s32", "s64", "__init", "__initdata",
             "__initconst", "__ro_after_init"}


def blank(text):
    """Comments and literals replaced by spaces, offsets kept."""
    def spaces(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return _STRING.sub(spaces, _COMMENT.sub(spaces, text))


def body_end(text, open_brace):
    depth = 0
    for i in range(open_brace, len(text)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def find_sites(source):
    """[(function, target, def_line, init_col_offset, body_first, body_last)]"""
    text = blank(source)
    functions = []
    for m in _INIT_FN.finditer(text):
        if m.group("name") in _KEYWORDS or "#" in m.group("head"):
            continue
        brace = m.end() - 1
        end = body_end(text, brace)
        if end < 0:
            continue
        functions.append((m, brace, end))
    init_names = {m.group("name") for m, _, _ in functions}
    for m in _INIT_DATA.finditer(text):
        name = m.group("name") or m.group("name2") or m.group("name3")
        if name and name not in _KEYWORDS:
            init_names.add(name)
    sites = []
    for m, brace, end in functions:
        name = m.group("name")
        body = text[brace:end]
        targets = []
        for ident in _IDENT.finditer(body):
            t = ident.group(1)
            if t != name and t in init_names and t not in targets:
                targets.append(t)
        if not targets:
            continue
        head = m.group("head")
        init_at = m.start("head") + re.search(r"\b__init\b", head).start()
        sites.append({
            "function": name,
            "targets": targets,
            "line": line_of(text, m.start("name")),
            "init_offset": init_at,
            "body_first": line_of(text, brace),
            "body_last": line_of(text, end),
            "static": bool(re.search(r"\bstatic\b", head)),
        })
    return sites


def strip_init(source, site):
    """The source with that one `__init` removed (and its trailing blank)."""
    at = site["init_offset"]
    assert source[at:at + 6] == "__init"
    rest = source[at + 6:]
    if rest.startswith(" "):
        rest = rest[1:]
    return source[:at] + rest
