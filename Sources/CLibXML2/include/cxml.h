// capdiff's facade over libxml2. Plain C types only: libxml2's headers include system ICU's,
// which clash with the ICU that Foundation bundles on Linux. Parsing is safe by construction:
// no network, no DTD loading, no entity substitution, external entities never fetched, a
// document that declares entities is refused as soon as the parser meets the declaration
// (before any reference can be expanded: XXE and billion-laughs inputs), and nesting deeper
// than the caller's limit stops the parse.
#ifndef CXML_H
#define CXML_H
#include <stdint.h>

typedef struct cxml_doc cxml_doc;
typedef struct cxml_node cxml_node;

enum { CXML_ELEMENT = 1, CXML_TEXT = 3, CXML_CDATA = 4, CXML_ENTITY_REF = 5, CXML_COMMENT = 8 };

// Parses XML (html = 0) or HTML (html = 1) from memory. `encoding` may be NULL (detect).
// Elements nested more than `max_depth` deep (at most 256, libxml2's own limit) are refused.
// On failure returns NULL and writes a one-line message (and its line, or 0) to errbuf / *line;
// *refused is 1 when the document was refused as hostile (the message says why), 0 when it is
// not well-formed (the message is libxml2's).
cxml_doc *cxml_parse(const char *bytes, int32_t len, int32_t html, const char *encoding, int32_t max_depth,
                     char *errbuf, int32_t errcap, int32_t *line, int32_t *refused);
void cxml_free(cxml_doc *doc);

const cxml_node *cxml_root(const cxml_doc *doc);
const cxml_node *cxml_first_child(const cxml_node *node);
const cxml_node *cxml_next(const cxml_node *node);
int32_t cxml_type(const cxml_node *node);
// Local name of an element or attribute (UTF-8), or NULL.
const char *cxml_name(const cxml_node *node);
// Namespace URI of an element or attribute, or NULL.
const char *cxml_namespace(const cxml_node *node);
int32_t cxml_line(const cxml_node *node);
// Text of a text, CDATA or comment node (UTF-8), or NULL.
const char *cxml_text(const cxml_node *node);

// Attributes of an element, as nodes: iterate with cxml_next_attribute.
const cxml_node *cxml_first_attribute(const cxml_node *element);
const cxml_node *cxml_next_attribute(const cxml_node *attribute);
// An attribute's value; the caller frees it with cxml_free_string.
char *cxml_attribute_value(const cxml_node *attribute);
void cxml_free_string(char *s);

#endif
