// capdiff's facade over GMime (MIME parsing). Plain C types only: glib's and GMime's
// headers stay in the .c files.
//
// A message is parsed from memory into an opaque cgmime_message that owns every string and
// buffer handed out below; they stay valid until cgmime_message_free. The MIME tree is
// flattened into numbered nodes (0 is the top), each with its parent's number, so callers
// walk it without GObject types. Decoding a leaf's content (base64, quoted-printable,
// uuencode) happens on demand, so parts nobody reads cost nothing.
#ifndef CGMIME_H
#define CGMIME_H
#include <stddef.h>
#include <stdint.h>

// GMime's version as major * 10000 + minor * 100 + micro; initialises GMime on first use.
int32_t cgmime_version(void);

typedef struct cgmime_message cgmime_message;

// Statuses of cgmime_message_parse.
enum {
    CGMIME_OK = 0,
    // GMime returned no message at all.
    CGMIME_UNPARSABLE = 1,
    // The bytes hold no header fields: not a message.
    CGMIME_NO_HEADERS = 2,
};

// Node kinds.
enum { CGMIME_LEAF = 0, CGMIME_MULTIPART = 1, CGMIME_MESSAGE = 2 };

// Content-Transfer-Encoding of a leaf (GMime's GMimeContentEncoding values).
enum {
    CGMIME_ENCODING_DEFAULT = 0, CGMIME_ENCODING_7BIT = 1, CGMIME_ENCODING_8BIT = 2,
    CGMIME_ENCODING_BINARY = 3, CGMIME_ENCODING_BASE64 = 4, CGMIME_ENCODING_QP = 5,
    CGMIME_ENCODING_UUENCODE = 6,
};

// Content-Disposition.
enum { CGMIME_DISPOSITION_NONE = 0, CGMIME_DISPOSITION_INLINE = 1, CGMIME_DISPOSITION_ATTACHMENT = 2 };

// Parses one message (headers and body, no mbox From_ line). The bytes are copied.
// Nested parts deeper than max_depth are not flattened (their count is reported by
// cgmime_message_truncated). Returns NULL with *status set when there is no message.
cgmime_message *cgmime_message_parse(const char *bytes, size_t len, int32_t max_depth, int32_t *status);
void cgmime_message_free(cgmime_message *message);

// The number of header fields of the top message.
int32_t cgmime_message_header_count(const cgmime_message *message);
// A header's value, unfolded, with RFC 2047 encoded words decoded to UTF-8; NULL if absent.
const char *cgmime_message_header(cgmime_message *message, const char *name);
// Decoded Subject (RFC 2047), or NULL.
const char *cgmime_message_subject(cgmime_message *message);
// The first From address: display name (RFC 2047 decoded, may be NULL) and address.
const char *cgmime_message_from_name(cgmime_message *message);
const char *cgmime_message_from_address(cgmime_message *message);
// The Date header as Unix seconds; returns 0 when absent or unparsable.
int32_t cgmime_message_date(cgmime_message *message, int64_t *unix_seconds);
// Message-ID without angle brackets, as GMime parses it; NULL if absent.
const char *cgmime_message_id(cgmime_message *message);
// Message-IDs listed in References (which = 0) or In-Reply-To (which = 1), brackets removed.
int32_t cgmime_message_reference_count(cgmime_message *message, int32_t which);
const char *cgmime_message_reference(cgmime_message *message, int32_t which, int32_t index);

// Nodes of the flattened MIME tree.
int32_t cgmime_node_count(const cgmime_message *message);
// Parts left out because they were nested deeper than max_depth.
int32_t cgmime_message_truncated(const cgmime_message *message);
int32_t cgmime_node_parent(const cgmime_message *message, int32_t node);
int32_t cgmime_node_kind(const cgmime_message *message, int32_t node);
// "type/subtype", lower-cased.
const char *cgmime_node_type(const cgmime_message *message, int32_t node);
// The charset parameter, or NULL.
const char *cgmime_node_charset(const cgmime_message *message, int32_t node);
// The file name (Content-Disposition filename or Content-Type name, RFC 2231 and 2047
// decoded), or NULL.
const char *cgmime_node_filename(const cgmime_message *message, int32_t node);
int32_t cgmime_node_disposition(const cgmime_message *message, int32_t node);
int32_t cgmime_node_encoding(const cgmime_message *message, int32_t node);
// The byte offset of the leaf's raw (still encoded) content in the parsed bytes, or -1.
int64_t cgmime_node_content_offset(const cgmime_message *message, int32_t node);
// The leaf's content with its transfer encoding undone, at most max_len bytes of it
// (*truncated = 1 when there was more). Returns 0 when the node has no content.
int32_t cgmime_node_content(cgmime_message *message, int32_t node, size_t max_len,
                            const uint8_t **data, size_t *len, int32_t *truncated);

#endif
