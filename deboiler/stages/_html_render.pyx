# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""html_blocks._render compiled: the same walk over libxml2's tree in C, with no Python object per
element or per run of white space between tags.

html_blocks.py holds the reference (pure Python) renderer and the rules it follows; this module must
give exactly its lines and tag paths, which tests/test_html_render.py checks on every HTML page of
the corpora and on generated markup. Only struct fields of libxml2's nodes are read (no libxml2
function is called), so the module needs lxml's headers to build but links against nothing.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree

cetree.import_lxml__etree()

# Element kinds, as in html_blocks.py (same numbers, same order: `kind >= _BR` renders no content).
cdef enum:
    K_INLINE = 0
    K_BREAK = 1
    K_PRE = 2
    K_PARAGRAPH = 3
    K_CELL = 4
    K_BR = 5
    K_IMG = 6
    K_SKIPPED = 7
    MAX_DEPTH = 255  # html_blocks.MAX_DEPTH: libxml2 drops what lies deeper

cdef int[8] BREAKS = [0, 1, 1, 2, 0, 0, 0, 0]  # html_blocks._BREAKS

cdef const char* EMPTY = ""
cdef dict _kinds = {}  # tag name (bytes) -> kind; filled by configure() from html_blocks._KIND
cdef object _hidden_style = None  # html_blocks._HIDDEN_STYLE


def configure(dict kinds, hidden_style):
    """Take the layout tables from html_blocks, so that the rules are written down once."""
    global _hidden_style
    _kinds.clear()
    for name, kind in kinds.items():
        _kinds[name.encode("ascii")] = kind
    _hidden_style = hidden_style


cdef inline bint _is_space(unsigned char c) noexcept nogil:
    return c == 32 or c == 9 or c == 10 or c == 13 or c == 12 or c == 11


# Bytes that end a plain run in _Lines.text: ASCII white space (collapses) and the lead bytes of the
# invisible characters U+00AD, U+200B, U+FEFF (C2, E2, EF). One table lookup per byte of page text.
cdef unsigned char[256] _STOP
cdef int _b
for _b in range(256):
    _STOP[_b] = 1 if (_b in (9, 10, 11, 12, 13, 32, 0xC2, 0xE2, 0xEF)) else 0


cdef inline Py_ssize_t _invisible_at(const unsigned char* s, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    """The byte length of U+00AD, U+200B or U+FEFF starting at byte i (they render as nothing), else 0."""
    cdef unsigned char c = s[i]
    if c == 0xC2 and i + 1 < n and s[i + 1] == 0xAD:
        return 2
    if (c == 0xE2 and i + 2 < n and s[i + 1] == 0x80 and s[i + 2] == 0x8B) or (c == 0xEF and i + 2 < n and s[i + 1] == 0xBB and s[i + 2] == 0xBF):
        return 3
    return 0


cdef bint _mostly_cjk(const unsigned char* s, Py_ssize_t n) noexcept nogil:
    """html_blocks._cjk_lines' share test: at least one character in CJK_SHARE of U+3000-U+9FFF or
    U+FF00-U+FFFF, counting neither white space nor the characters that render as nothing. Its other
    test, a newline inside the run, is the caller's: it asks only where it kept such a newline."""
    cdef Py_ssize_t i = 0, chars = 0, cjk = 0, skip
    cdef unsigned char c
    while i < n:
        c = s[i]
        if _is_space(c):
            i += 1
        elif (skip := _invisible_at(s, n, i)):
            i += skip
        else:
            if c < 0x80 or c >= 0xC0:  # a character's first byte
                chars += 1
                if (0xE3 <= c <= 0xE9) or (c == 0xEF and i + 1 < n and s[i + 1] >= 0xBC):
                    cjk += 1
            i += 1
    return 3 * cjk >= chars


cdef inline bint _blank(const unsigned char* s, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i
    for i in range(n):
        if not _is_space(s[i]):
            return False
    return True


cdef class _Buffer:
    """A growable byte buffer (UTF-8)."""
    cdef bytearray data
    cdef Py_ssize_t size
    cdef Py_ssize_t capacity

    def __cinit__(self):
        self.data = bytearray(256)
        self.size = 0
        self.capacity = 256

    cdef inline void clear(self):
        self.size = 0

    cdef inline int add(self, const char* s, Py_ssize_t n) except -1:
        cdef Py_ssize_t need = self.size + n
        if need > self.capacity:
            self.data.extend(bytes(need + self.capacity))
            self.capacity = len(self.data)
        memcpy(<char*> self.data + self.size, s, n)
        self.size = need
        return 0

    cdef str decode(self):
        cdef char* at = <char*> self.data
        return PyUnicode_DecodeUTF8(at, self.size, "replace")


cdef class _Text:
    """A node's text (lxml's .text or .tail): its run of adjacent text and CDATA nodes, joined."""
    cdef _Buffer buf
    cdef const unsigned char* ptr
    cdef Py_ssize_t n

    def __cinit__(self):
        self.buf = _Buffer()

    cdef bint collect(self, tree.xmlNode* c_node) except -1:
        """Point at the text starting at c_node (False when there is none)."""
        cdef tree.xmlNode* nxt
        while c_node is not NULL and (c_node.type == tree.XML_XINCLUDE_START or c_node.type == tree.XML_XINCLUDE_END):
            c_node = c_node.next
        if c_node is NULL or (c_node.type != tree.XML_TEXT_NODE and c_node.type != tree.XML_CDATA_SECTION_NODE):
            return False
        nxt = c_node.next
        while nxt is not NULL and (nxt.type == tree.XML_XINCLUDE_START or nxt.type == tree.XML_XINCLUDE_END):
            nxt = nxt.next
        if nxt is NULL or (nxt.type != tree.XML_TEXT_NODE and nxt.type != tree.XML_CDATA_SECTION_NODE):
            # The usual case: one text node, read in place.
            self.ptr = <const unsigned char*> (c_node.content if c_node.content is not NULL else <tree.xmlChar*> EMPTY)
            self.n = strlen(<const char*> self.ptr)
            return self.n > 0
        self.buf.clear()
        while c_node is not NULL:
            if c_node.type == tree.XML_TEXT_NODE or c_node.type == tree.XML_CDATA_SECTION_NODE:
                if c_node.content is not NULL:
                    self.buf.add(<const char*> c_node.content, strlen(<const char*> c_node.content))
            elif c_node.type != tree.XML_XINCLUDE_START and c_node.type != tree.XML_XINCLUDE_END:
                break
            c_node = c_node.next
        self.ptr = <const unsigned char*> <char*> self.buf.data
        self.n = self.buf.size
        return self.n > 0


cdef class _Lines:
    """html_blocks._Lines over UTF-8 bytes: text runs and line breaks become (line, path) pairs."""
    cdef list lines
    cdef _Buffer parts
    cdef Py_ssize_t nparts  # how many runs `parts` holds (a run may be empty, as in the reference)
    cdef tree.xmlNode* owner
    cdef int pending
    cdef _Buffer scratch
    cdef _Paths paths

    def __cinit__(self, _Paths paths):
        self.lines = []
        self.parts = _Buffer()
        self.scratch = _Buffer()
        self.nparts = 0
        self.owner = NULL
        self.pending = 0
        self.paths = paths

    cdef inline int space(self) except -1:
        """White space between tags: one space, rendered only inside a line."""
        if self.nparts and not self.pending:
            self.parts.add(" ", 1)
            self.nparts += 1
        return 0

    cdef int text(self, const unsigned char* s, Py_ssize_t n, tree.xmlNode* owner, bint pre) except -1:
        cdef Py_ssize_t i = 0, start, j, skip
        cdef unsigned char c
        cdef bint newline
        cdef _Buffer out
        # Offsets in out of the spaces that stand for a newline inside the run: where the run is mostly
        # Chinese or Japanese (tested only for such runs), each ends a line instead.
        cdef list breaks = None
        if not pre and _blank(s, n):
            return self.space() if n else 0
        # Soft hyphens and zero-width spaces render as nothing; ASCII white space collapses (not in <pre>).
        out = self.scratch
        out.clear()
        while i < n:
            c = s[i]
            skip = _invisible_at(s, n, i)
            if skip:
                i += skip
                continue
            if not pre and _is_space(c):
                # One space per run, and runs that only invisible characters parted are one run: the
                # reference drops those characters before it collapses white space.
                newline = False
                j = i
                while j < n:
                    if _is_space(s[j]):
                        newline = newline or s[j] == 10
                        j += 1
                    elif (skip := _invisible_at(s, n, j)):
                        j += skip
                    else:
                        break
                if out.size == 0 or (<char*> out.data)[out.size - 1] != 32:
                    if newline and out.size > 0 and j < n:
                        if breaks is None:
                            breaks = []
                        breaks.append(out.size)
                    out.add(" ", 1)
                i = j
                continue
            start = i
            i += 1
            if pre:
                while i < n and s[i] != 0xC2 and s[i] != 0xE2 and s[i] != 0xEF:
                    i += 1
            else:
                while i < n and not _STOP[s[i]]:
                    i += 1
            out.add(<const char*> s + start, i - start)
        cdef const char* t = <const char*> <char*> out.data
        cdef Py_ssize_t m = out.size
        if m == 0 or (not pre and m == 1 and t[0] == 32 and (self.pending or not self.nparts)):
            return 0  # collapsible white space at the start of a line is not rendered
        if self.pending:
            self.flush()
            if self.pending > 1 and len(self.lines):
                for _ in range(self.pending - 1):
                    self.lines.append(("", ""))
            self.pending = 0
        start = 0
        if pre:  # each newline in <pre> ends a line
            for i in range(m):
                if t[i] == 10:
                    self.add(t + start, i - start, owner)
                    self.flush()
                    start = i + 1
        elif breaks is not None and _mostly_cjk(s, n):  # a newline inside Chinese or Japanese text ends a line
            for j in breaks:
                self.add(t + start, j - start, owner)
                self.flush()
                start = j + 1
        return self.add(t + start, m - start, owner)

    cdef inline int add(self, const char* t, Py_ssize_t n, tree.xmlNode* owner) except -1:
        if not self.nparts:
            self.owner = owner
        self.parts.add(t, n)
        self.nparts += 1
        return 0

    cdef int newline(self) except -1:
        """<br>: ends the line even when it is empty."""
        if self.pending:
            self.flush()
            self.pending = 0
        if self.nparts:
            self.flush()
        else:
            self.lines.append(("", self.paths.of(self.owner)))
        return 0

    cdef int flush(self) except -1:
        cdef str line
        if self.nparts:
            line = self.parts.decode().strip()
            if line:
                self.lines.append((line, self.paths.of(self.owner)))
            self.parts.clear()
            self.nparts = 0
        return 0

    cdef list done(self):
        self.flush()
        while self.lines and not self.lines[len(self.lines) - 1][0]:
            self.lines.pop()
        return self.lines


cdef const char* _attr(tree.xmlNode* el, const char* name, _Buffer buf) except? NULL:
    """The value of attribute `name` (no namespace), b"" for one without a value, NULL if absent."""
    cdef tree.xmlAttr* a = el.properties
    cdef tree.xmlNode* t
    while a is not NULL:
        if a.ns is NULL and strcmp(<const char*> a.name, name) == 0:
            t = a.children
            if t is not NULL and t.next is NULL and t.type == tree.XML_TEXT_NODE:
                return <const char*> t.content if t.content is not NULL else EMPTY
            buf.clear()
            while t is not NULL:
                if t.content is not NULL:
                    buf.add(<const char*> t.content, strlen(<const char*> t.content))
                t = t.next
            buf.add("\0", 1)
            return <const char*> <char*> buf.data
        a = a.next
    return NULL


cdef enum:
    MAX_NAME = 100  # html_blocks.MAX_NAME: bytes of an id or a class name kept in a tag path


cdef inline Py_ssize_t _capped(const unsigned char* s, Py_ssize_t n) noexcept nogil:
    """n, or at most MAX_NAME bytes ending on a UTF-8 character boundary (html_blocks._capped)."""
    if n <= MAX_NAME:
        return n
    n = MAX_NAME
    while n > 0 and (s[n] & 0xC0) == 0x80:
        n -= 1
    return n


cdef class _Paths:
    """html_blocks.Paths: "body>main>div.notes>p" for an element, each built once per page."""
    cdef tree.xmlNode* start
    cdef dict known  # node address -> path
    cdef _Buffer buf
    cdef _Buffer attr

    def __cinit__(self):
        self.known = {}
        self.buf = _Buffer()
        self.attr = _Buffer()

    cdef str of(self, tree.xmlNode* el):
        if el is NULL:
            return ""
        cdef object key = <size_t> el
        cdef object path = self.known.get(key)
        if path is not None:
            return <str> path
        if el == self.start:
            path = "body"
        elif el.parent is NULL or el.parent.type != tree.XML_ELEMENT_NODE:
            path = ""  # not under the start element (cannot happen for a rendered line)
        else:
            path = f"{self.of(el.parent)}>{self.label(el)}"
        self.known[key] = path
        return <str> path

    cdef str label(self, tree.xmlNode* el):
        """tag, #id and every .class (ASCII white space splits them, as HTML does)."""
        cdef _Buffer b = self.buf
        cdef const unsigned char* name = <const unsigned char*> el.name
        cdef const unsigned char* v
        cdef Py_ssize_t i, j, count
        cdef unsigned char c
        b.clear()
        i = strlen(<const char*> name)
        b.add(<const char*> name, i)
        for j in range(i):  # lower-case ASCII in place
            c = (<unsigned char*> <char*> b.data)[j]
            if 65 <= c <= 90:
                (<unsigned char*> <char*> b.data)[j] = c + 32
        v = <const unsigned char*> _attr(el, "id", self.attr)
        if v is not NULL:
            i = 0
            while v[i] and _is_space(v[i]):
                i += 1
            if v[i]:
                j = i
                while v[j] and not _is_space(v[j]):
                    j += 1
                b.add("#", 1)
                b.add(<const char*> v + i, _capped(v + i, j - i))
        v = <const unsigned char*> _attr(el, "class", self.attr)
        if v is not NULL:
            i = 0
            count = 0
            while count < 6:
                while v[i] and _is_space(v[i]):
                    i += 1
                if not v[i]:
                    break
                j = i
                while v[j] and not _is_space(v[j]):
                    j += 1
                b.add(".", 1)
                b.add(<const char*> v + i, _capped(v + i, j - i))
                count += 1
                i = j
        return b.decode()


cdef class _Kinds:
    """Tag name -> kind, cached by the name's address: libxml2 interns element names in the parser's
    dictionary, so a page asks the dict once per distinct tag rather than once per element."""
    cdef const void* keys[256]
    cdef int values[256]

    def __cinit__(self):
        cdef int i
        for i in range(256):
            self.keys[i] = NULL

    cdef int of(self, tree.xmlNode* el) except -1:
        if el.type != tree.XML_ELEMENT_NODE:
            return K_SKIPPED  # comments, processing instructions, entity references
        cdef const void* name = <const void*> el.name
        cdef size_t slot = ((<size_t> name) >> 4) & 255
        if self.keys[slot] == name:
            return self.values[slot]
        cdef bytes key = <bytes> <const char*> el.name
        found = _kinds.get(key)
        if found is None:
            found = _kinds.get(key.lower(), K_INLINE)
        self.keys[slot] = name
        self.values[slot] = found
        return found


cdef bint _hidden(tree.xmlNode* el, _Buffer buf) except -1:
    """html_blocks._hidden for one element: `hidden`, aria-hidden on a container, an inline style
    that hides it, or a <dialog> that is not open. One pass over the element's attributes."""
    cdef tree.xmlAttr* a = el.properties
    cdef const char* name = <const char*> el.name
    cdef const char* attr_name
    cdef const char* v
    cdef bint is_dialog = strcmp(name, "dialog") == 0, open_ = False
    cdef bint aria_true = False, styled = False
    while a is not NULL:
        if a.ns is NULL:
            attr_name = <const char*> a.name
            if attr_name[0] == 104 and strcmp(attr_name, "hidden") == 0:  # 'h'
                return True
            elif attr_name[0] == 97 and strcmp(attr_name, "aria-hidden") == 0:  # 'a'
                aria_true = aria_true or _attr_is(a, "true")
            elif attr_name[0] == 115 and strcmp(attr_name, "style") == 0:  # 's'
                styled = True
            elif attr_name[0] == 111 and strcmp(attr_name, "open") == 0:  # 'o'
                open_ = True
        a = a.next
    if aria_true and (<bytes> name).lower() in (b"div", b"section", b"dialog"):
        return True
    if styled:
        v = _attr(el, "style", buf)
        if v is not NULL and v[0] and _hidden_style.search(PyUnicode_DecodeUTF8(v, strlen(v), "replace")):
            return True
    return is_dialog and not open_


cdef bint _attr_is(tree.xmlAttr* a, const char* value) noexcept:
    """The attribute's value is exactly `value` (a value split over several nodes never is here)."""
    cdef tree.xmlNode* t = a.children
    if t is NULL:
        return value[0] == 0
    return t.next is NULL and t.type == tree.XML_TEXT_NODE and t.content is not NULL and strcmp(<const char*> t.content, value) == 0


def render(cetree._Element start_element):
    """(lines, too_deep) exactly as html_blocks' reference renderer gives them, with every line's
    tag path already made: [(text, path), ...] with blank lines as ("", path)."""
    cdef tree.xmlNode* start = start_element._c_node
    cdef tree.xmlNode* el = start
    cdef tree.xmlNode* nxt
    cdef _Paths paths = _Paths()
    paths.start = start
    cdef _Lines out = _Lines(paths)
    cdef _Kinds kinds = _Kinds()
    cdef _Text txt = _Text()
    cdef _Buffer attr = _Buffer()
    cdef int kind, depth = 0, pre = 0, need
    cdef bint too_deep = False, descend
    # An explicit walk: start event, children, end event (then the tail), the next sibling or up.
    while True:
        # start event of el
        kind = kinds.of(el)
        if kind < K_SKIPPED and _hidden(el, attr):
            kind = K_SKIPPED
        descend = False
        if kind >= K_BR:
            if kind == K_BR:
                out.newline()
        else:
            need = BREAKS[kind]
            if need > out.pending:
                out.pending = need
            if depth >= MAX_DEPTH - 2:
                too_deep = True
            if kind == K_PRE:
                pre += 1
            if txt.collect(el.children):
                if pre or not _blank(txt.ptr, txt.n):
                    out.text(txt.ptr, txt.n, el, pre > 0)
                else:
                    out.space()
            nxt = _first_element(el.children)
            if nxt is not NULL:
                el = nxt
                depth += 1
                continue
        # end events, climbing while there is no next sibling element
        while True:
            if kind < K_BR:
                if kind == K_PRE:
                    pre -= 1
                need = BREAKS[kind]
                if need > out.pending:
                    out.pending = need
                elif kind == K_CELL:
                    out.text(<const unsigned char*> b" ", 1, NULL, False)
            if txt.collect(el.next):
                if pre or not _blank(txt.ptr, txt.n):
                    out.text(txt.ptr, txt.n, start if el == start else el.parent, pre > 0)
                else:
                    out.space()
            if el == start:
                return out.done(), too_deep
            nxt = _first_element(el.next)
            if nxt is not NULL:
                el = nxt
                break
            el = el.parent
            depth -= 1
            kind = kinds.of(el)
            if kind < K_SKIPPED and _hidden(el, attr):
                kind = K_SKIPPED


cdef inline tree.xmlNode* _first_element(tree.xmlNode* c_node) noexcept nogil:
    """The first node from c_node on that lxml's walk visits (element, comment, PI, entity ref)."""
    while c_node is not NULL:
        if (c_node.type == tree.XML_ELEMENT_NODE or c_node.type == tree.XML_COMMENT_NODE
                or c_node.type == tree.XML_PI_NODE or c_node.type == tree.XML_ENTITY_REF_NODE):
            return c_node
        c_node = c_node.next
    return NULL


def fill_blocks(list lines, blocks, type block_class):
    """Append a block_class(lineno, raw, text, folded, path) for every (raw, path) line, as
    html_blocks does in Python, without a Python-level __init__ call per line."""
    cdef Py_ssize_t lineno = 0
    cdef str raw, clean
    for raw, path in lines:
        lineno += 1
        # A rendered line is already stripped; it needs collapsing only if it holds a double space or
        # white space other than a space (tab, newline, no-break space: none of them is printable).
        clean = raw if ("  " not in raw and raw.isprintable()) else " ".join(raw.split())
        block = block_class.__new__(block_class)
        block.lineno = lineno
        block.raw = raw
        block.text = clean
        block.folded = clean.casefold()
        block.path = path
        blocks.append(block)


cdef object _attr_str(tree.xmlNode* el, const char* name, _Buffer buf):
    cdef const char* v = _attr(el, name, buf)
    return None if v is NULL else PyUnicode_DecodeUTF8(v, strlen(v), "replace")


def markup_elements(cetree._Element root_element):
    """markup._elements in C: the attributes of every <meta>, <link>, <time> and <script> under the
    root, in document order, without an lxml element object for each of them."""
    cdef tree.xmlNode* root = root_element._c_node
    cdef tree.xmlNode* el = root
    cdef tree.xmlNode* nxt
    cdef _Buffer attr = _Buffer()
    cdef _Text txt = _Text()
    cdef const char* name
    metas, links, times, scripts = [], [], [], []
    while el is not NULL:
        if el.type == tree.XML_ELEMENT_NODE and el.ns is NULL:
            name = <const char*> el.name
            if strcmp(name, "meta") == 0:
                metas.append((_attr_str(el, "property", attr), _attr_str(el, "name", attr), _attr_str(el, "content", attr)))
            elif strcmp(name, "link") == 0:
                links.append((_attr_str(el, "rel", attr), _attr_str(el, "href", attr)))
            elif strcmp(name, "time") == 0:
                times.append(_attr_str(el, "datetime", attr))
            elif strcmp(name, "script") == 0:
                text = None
                if txt.collect(el.children):
                    text = PyUnicode_DecodeUTF8(<const char*> txt.ptr, txt.n, "replace")
                scripts.append((_attr_str(el, "type", attr), text))
        # document order: first child element, else the next sibling of el or of its nearest ancestor
        nxt = _first_element(el.children) if el.type == tree.XML_ELEMENT_NODE else NULL
        if nxt is NULL:
            while el != root and _first_element(el.next) is NULL:
                el = el.parent
            nxt = NULL if el == root else _first_element(el.next)
        el = nxt
    return metas, links, times, scripts
