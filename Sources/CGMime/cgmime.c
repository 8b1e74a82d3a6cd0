#include "cgmime.h"
#include <gmime/gmime.h>
#include <string.h>

// Parser options shared by every parse (GMime only reads them).
static GMimeParserOptions *shared_options = NULL;

static void ensure_init(void) {
    static gsize initialised = 0;
    if (g_once_init_enter(&initialised)) {
        g_mime_init();
        shared_options = g_mime_parser_options_new();
        // Raw 8-bit header text that is not UTF-8 comes, in the mail capdiff reads, from
        // Russian clients of the Outlook Express era: windows-1251 is the likely charset, and
        // GMime's default fallback (ISO-8859-1) would turn it into mojibake.
        const char *fallback[] = { "UTF-8", "windows-1251", NULL };
        g_mime_parser_options_set_fallback_charsets(shared_options, fallback);
        g_once_init_leave(&initialised, 1);
    }
}

int32_t cgmime_version(void) {
    ensure_init();
    return (int32_t)(gmime_major_version * 10000 + gmime_minor_version * 100 + gmime_micro_version);
}

typedef struct {
    GMimeObject *object;    // borrowed from the message tree
    int32_t parent;
    int32_t kind;
    char *type;             // "type/subtype", lower case
    GByteArray *content;    // decoded on demand
    int32_t decoded;
} node;

struct cgmime_message {
    GMimeMessage *message;
    node *nodes;
    int32_t count, capacity, truncated;
    char *subject;
    int32_t subject_done;
    char *from_name, *from_address;
    int32_t from_done;
    GMimeReferences *refs[2];
    int32_t refs_done[2];
};

// The end of an RFC 2047 encoded word starting at p ("=?charset?B?text?="), or NULL.
static const char *encoded_word_end(const char *p) {
    if (p[0] != '=' || p[1] != '?') return NULL;
    const char *q = p + 2;
    int marks = 0;
    for (; *q && *q != ' ' && *q != '\t' && *q != '\r' && *q != '\n'; q++) {
        if (*q == '?') {
            marks++;
            if (marks == 3) return q[1] == '=' ? q + 2 : NULL;
        }
    }
    return NULL;
}

// Decodes a raw header value one encoded word at a time. GMime 3.2 joins adjacent encoded
// words of one charset before decoding them (so a character split across words survives),
// but its base64 decoder stops at the first word's "=" padding and drops every later word:
// "=?utf-8?b?...0LI=?= =?utf-8?b?0LXRh9Cw0LXRgg==?=" loses "ечает". RFC 2047 makes each word
// whole characters, so decoding them one by one is correct. White space between two encoded
// words is dropped, as RFC 2047 says; other text goes through GMime (for raw 8-bit bytes).
static char *decode_words(const char *raw) {
    GString *out = g_string_new(NULL);
    GString *plain = g_string_new(NULL);
    const char *p = raw;
    int after_word = 0;
    while (*p) {
        const char *end = encoded_word_end(p);
        if (end) {
            int only_space = 1;
            for (gsize i = 0; i < plain->len; i++) {
                char c = plain->str[i];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') { only_space = 0; break; }
            }
            if (!(after_word && only_space) && plain->len) {
                char *decoded = g_mime_utils_header_decode_text(shared_options, plain->str);
                g_string_append(out, decoded);
                g_free(decoded);
            }
            g_string_truncate(plain, 0);
            char *word = g_strndup(p, (gsize)(end - p));
            char *decoded = g_mime_utils_header_decode_text(shared_options, word);
            g_string_append(out, decoded);
            g_free(decoded);
            g_free(word);
            p = end;
            after_word = 1;
        } else {
            if (*p != '\r' && *p != '\n') g_string_append_c(plain, *p);
            p++;
        }
    }
    if (plain->len) {
        char *decoded = g_mime_utils_header_decode_text(shared_options, plain->str);
        // Keep the text's own leading space (after a word); GMime trims it.
        if (after_word && (plain->str[0] == ' ' || plain->str[0] == '\t')) g_string_append_c(out, ' ');
        g_string_append(out, decoded);
        g_free(decoded);
    }
    g_string_free(plain, TRUE);
    char *result = g_strstrip(g_string_free(out, FALSE));
    return result;
}

static const char *raw_header(cgmime_message *m, const char *name) {
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(m->message));
    GMimeHeader *header = headers ? g_mime_header_list_get_header(headers, name) : NULL;
    return header ? g_mime_header_get_raw_value(header) : NULL;
}

static int32_t add_node(cgmime_message *m, GMimeObject *object, int32_t parent, int32_t kind) {
    if (m->count == m->capacity) {
        m->capacity = m->capacity ? m->capacity * 2 : 8;
        m->nodes = g_renew(node, m->nodes, m->capacity);
    }
    node *n = &m->nodes[m->count];
    memset(n, 0, sizeof *n);
    n->object = object;
    n->parent = parent;
    n->kind = kind;
    GMimeContentType *ct = g_mime_object_get_content_type(object);
    const char *type = ct ? g_mime_content_type_get_media_type(ct) : NULL;
    const char *subtype = ct ? g_mime_content_type_get_media_subtype(ct) : NULL;
    char *joined = g_strdup_printf("%s/%s", type ? type : "text", subtype ? subtype : "plain");
    n->type = g_ascii_strdown(joined, -1);
    g_free(joined);
    // RFC 2045 5.2: a Content-Type that does not parse ("text", with no subtype) means
    // text/plain; GMime reads it as application/octet-stream.
    const char *declared = g_mime_object_get_header(object, "Content-Type");
    if (kind == CGMIME_LEAF && declared && strcmp(n->type, "application/octet-stream") == 0) {
        const char *semicolon = strchr(declared, ';');
        const char *slash = strchr(declared, '/');
        if (!slash || (semicolon && slash > semicolon)) {
            g_free(n->type);
            n->type = g_strdup("text/plain");
        }
    }
    return m->count++;
}

// Flattens the tree depth-first, so a node's children follow it in document order.
// Iterative bookkeeping is not needed: depth is bounded by max_depth.
static void flatten(cgmime_message *m, GMimeObject *object, int32_t parent, int32_t depth, int32_t max_depth) {
    if (!object) return;
    if (depth > max_depth) { m->truncated++; return; }
    if (GMIME_IS_MULTIPART(object)) {
        int32_t self = add_node(m, object, parent, CGMIME_MULTIPART);
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; i++) {
            flatten(m, g_mime_multipart_get_part(multipart, i), self, depth + 1, max_depth);
        }
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        int32_t self = add_node(m, object, parent, CGMIME_MESSAGE);
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner) flatten(m, g_mime_message_get_mime_part(inner), self, depth + 1, max_depth);
    } else {
        add_node(m, object, parent, CGMIME_LEAF);
    }
}

cgmime_message *cgmime_message_parse(const char *bytes, size_t len, int32_t max_depth, int32_t *status) {
    ensure_init();
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(bytes, len);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    GMimeMessage *message = g_mime_parser_construct_message(parser, shared_options);
    g_object_unref(parser);
    g_object_unref(stream);  // the message keeps what it needs
    if (!message) { *status = CGMIME_UNPARSABLE; return NULL; }
    // GMime files Content-* fields under the message's top part, not the message itself.
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    GMimeObject *top = g_mime_message_get_mime_part(message);
    GMimeHeaderList *part_headers = top ? g_mime_object_get_header_list(top) : NULL;
    int count = (headers ? g_mime_header_list_get_count(headers) : 0)
              + (part_headers ? g_mime_header_list_get_count(part_headers) : 0);
    if (count == 0) {
        g_object_unref(message);
        *status = CGMIME_NO_HEADERS;
        return NULL;
    }
    cgmime_message *m = g_new0(cgmime_message, 1);
    m->message = message;
    flatten(m, g_mime_message_get_mime_part(message), -1, 0, max_depth);
    *status = CGMIME_OK;
    return m;
}

void cgmime_message_free(cgmime_message *m) {
    if (!m) return;
    for (int32_t i = 0; i < m->count; i++) {
        g_free(m->nodes[i].type);
        if (m->nodes[i].content) g_byte_array_free(m->nodes[i].content, TRUE);
    }
    g_free(m->nodes);
    g_free(m->subject);
    g_free(m->from_name);
    g_free(m->from_address);
    for (int i = 0; i < 2; i++) if (m->refs[i]) g_mime_references_free(m->refs[i]);
    g_object_unref(m->message);
    g_free(m);
}

int32_t cgmime_message_header_count(const cgmime_message *m) {
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(m->message));
    return headers ? g_mime_header_list_get_count(headers) : 0;
}

const char *cgmime_message_header(cgmime_message *m, const char *name) {
    return g_mime_object_get_header(GMIME_OBJECT(m->message), name);
}

const char *cgmime_message_subject(cgmime_message *m) {
    if (!m->subject_done) {
        m->subject_done = 1;
        const char *raw = raw_header(m, "Subject");
        if (raw) m->subject = decode_words(raw);
    }
    return m->subject;
}

// The first mailbox of From (looking inside a group when From holds one).
static void read_from(cgmime_message *m) {
    if (m->from_done) return;
    m->from_done = 1;
    InternetAddressList *list = g_mime_message_get_from(m->message);
    if (!list || internet_address_list_length(list) == 0) return;
    InternetAddress *address = internet_address_list_get_address(list, 0);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
        InternetAddressList *members = internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
        if (!members || internet_address_list_length(members) == 0) return;
        address = internet_address_list_get_address(members, 0);
    }
    const char *name = internet_address_get_name(address);
    if (name && *name) m->from_name = g_strdup(name);
    // A display name of several encoded words hits the decoding flaw described at
    // decode_words: decode the raw name (before "<") word by word instead.
    const char *raw = raw_header(m, "From");
    const char *angle = raw ? strchr(raw, '<') : NULL;
    if (m->from_name && angle && strstr(raw, "=?")) {
        char *head = g_strndup(raw, (gsize)(angle - raw));
        char *decoded = decode_words(head);
        gsize len = strlen(decoded);
        if (len >= 2 && decoded[0] == '"' && decoded[len - 1] == '"') {
            memmove(decoded, decoded + 1, len - 2);
            decoded[len - 2] = 0;
        }
        if (*decoded) { g_free(m->from_name); m->from_name = decoded; } else g_free(decoded);
        g_free(head);
    }
    if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
        const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
        if (addr && *addr) m->from_address = g_strdup(addr);
    }
}

const char *cgmime_message_from_name(cgmime_message *m) { read_from(m); return m->from_name; }
const char *cgmime_message_from_address(cgmime_message *m) { read_from(m); return m->from_address; }

int32_t cgmime_message_date(cgmime_message *m, int64_t *unix_seconds) {
    GDateTime *date = g_mime_message_get_date(m->message);
    if (!date) return 0;
    *unix_seconds = g_date_time_to_unix(date);
    return 1;
}

const char *cgmime_message_id(cgmime_message *m) {
    return g_mime_message_get_message_id(m->message);
}

static GMimeReferences *references(cgmime_message *m, int32_t which) {
    if (which < 0 || which > 1) return NULL;
    if (!m->refs_done[which]) {
        m->refs_done[which] = 1;
        const char *value = cgmime_message_header(m, which == 0 ? "References" : "In-Reply-To");
        if (value) m->refs[which] = g_mime_references_parse(shared_options, value);
    }
    return m->refs[which];
}

int32_t cgmime_message_reference_count(cgmime_message *m, int32_t which) {
    GMimeReferences *refs = references(m, which);
    return refs ? g_mime_references_length(refs) : 0;
}

const char *cgmime_message_reference(cgmime_message *m, int32_t which, int32_t index) {
    GMimeReferences *refs = references(m, which);
    if (!refs || index < 0 || index >= g_mime_references_length(refs)) return NULL;
    return g_mime_references_get_message_id(refs, index);
}

int32_t cgmime_node_count(const cgmime_message *m) { return m->count; }
int32_t cgmime_message_truncated(const cgmime_message *m) { return m->truncated; }

static const node *get(const cgmime_message *m, int32_t i) {
    return (i >= 0 && i < m->count) ? &m->nodes[i] : NULL;
}

int32_t cgmime_node_parent(const cgmime_message *m, int32_t i) { const node *n = get(m, i); return n ? n->parent : -1; }
int32_t cgmime_node_kind(const cgmime_message *m, int32_t i) { const node *n = get(m, i); return n ? n->kind : -1; }
const char *cgmime_node_type(const cgmime_message *m, int32_t i) { const node *n = get(m, i); return n ? n->type : NULL; }

const char *cgmime_node_charset(const cgmime_message *m, int32_t i) {
    const node *n = get(m, i);
    if (!n) return NULL;
    GMimeContentType *ct = g_mime_object_get_content_type(n->object);
    return ct ? g_mime_content_type_get_parameter(ct, "charset") : NULL;
}

const char *cgmime_node_filename(const cgmime_message *m, int32_t i) {
    const node *n = get(m, i);
    if (!n) return NULL;
    if (n->kind == CGMIME_LEAF) return g_mime_part_get_filename(GMIME_PART(n->object));
    GMimeContentDisposition *d = g_mime_object_get_content_disposition(n->object);
    const char *name = d ? g_mime_content_disposition_get_parameter(d, "filename") : NULL;
    if (name) return name;
    GMimeContentType *ct = g_mime_object_get_content_type(n->object);
    return ct ? g_mime_content_type_get_parameter(ct, "name") : NULL;
}

int32_t cgmime_node_disposition(const cgmime_message *m, int32_t i) {
    const node *n = get(m, i);
    if (!n) return CGMIME_DISPOSITION_NONE;
    GMimeContentDisposition *d = g_mime_object_get_content_disposition(n->object);
    if (!d) return CGMIME_DISPOSITION_NONE;
    return g_mime_content_disposition_is_attachment(d) ? CGMIME_DISPOSITION_ATTACHMENT : CGMIME_DISPOSITION_INLINE;
}

int32_t cgmime_node_encoding(const cgmime_message *m, int32_t i) {
    const node *n = get(m, i);
    if (!n || n->kind != CGMIME_LEAF) return CGMIME_ENCODING_DEFAULT;
    return (int32_t)g_mime_part_get_content_encoding(GMIME_PART(n->object));
}

int64_t cgmime_node_content_offset(const cgmime_message *m, int32_t i) {
    const node *n = get(m, i);
    if (!n || n->kind != CGMIME_LEAF) return -1;
    GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(n->object));
    GMimeStream *stream = content ? g_mime_data_wrapper_get_stream(content) : NULL;
    // With a seekable input GMime keeps each part's content as a window onto the parsed
    // bytes (a persistent stream), whose bounds are offsets into them.
    return stream ? stream->bound_start : -1;
}

int32_t cgmime_node_content(cgmime_message *m, int32_t i, size_t max_len,
                            const uint8_t **data, size_t *len, int32_t *truncated) {
    node *n = (i >= 0 && i < m->count) ? &m->nodes[i] : NULL;
    *data = NULL;
    *len = 0;
    *truncated = 0;
    if (!n || n->kind != CGMIME_LEAF) return 0;
    if (!n->decoded) {
        n->decoded = 1;
        GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(n->object));
        if (!content) return 0;
        n->content = g_byte_array_new();
        GMimeStream *out = g_mime_stream_mem_new_with_byte_array(n->content);
        g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(out), FALSE);
        g_mime_data_wrapper_write_to_stream(content, out);
        g_object_unref(out);
    }
    if (!n->content) return 0;
    *data = n->content->data;
    *len = n->content->len;
    if (*len > max_len) { *len = max_len; *truncated = 1; }
    return 1;
}
