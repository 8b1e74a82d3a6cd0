#include "cxml.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct cxml_doc { xmlDocPtr doc; };

static const char *const entities_refused =
    "declares entities in its DOCTYPE, which capdiff refuses (external-entity and entity-expansion attacks); "
    "remove the DOCTYPE's [...] part";

// External entities and DTDs are never fetched, whatever a document asks for.
static xmlParserInputPtr refuse_external(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

// The entity loader is process-wide, so it is set once, whichever thread parses first.
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static void setup(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external);
}

static void set_error(char *errbuf, int32_t errcap, int32_t *line, const char *message, int32_t at) {
    if (errbuf && errcap > 0) {
        snprintf(errbuf, (size_t)errcap, "%s", message);
        size_t n = strlen(errbuf);
        while (n > 0 && (errbuf[n - 1] == '\n' || errbuf[n - 1] == ' ')) errbuf[--n] = 0;
    }
    if (line) *line = at;
}

// MARK: - The guard: SAX handlers wrapped to refuse entity declarations and deep nesting.

// Lives on cxml_parse's stack for one parse; reached from the parser context's _private.
typedef struct {
    startElementSAXFunc start;
    endElementSAXFunc end;
    startElementNsSAX2Func start_ns;
    endElementNsSAX2Func end_ns;
    int depth;
    int max_depth;
    char refusal[256];
    int refusal_line;
} parse_guard;

static void refuse(void *ctx, const char *why) {
    xmlParserCtxtPtr ctxt = ctx;
    parse_guard *guard = ctxt->_private;
    if (!guard->refusal[0]) {
        snprintf(guard->refusal, sizeof guard->refusal, "%s", why);
        guard->refusal_line = ctxt->input ? ctxt->input->line : 0;
    }
    xmlStopParser(ctxt);
}

static void refuse_too_deep(void *ctx) {
    parse_guard *guard = ((xmlParserCtxtPtr)ctx)->_private;
    char why[128];
    snprintf(why, sizeof why, "nests elements more than %d deep; refusing to read it", guard->max_depth);
    refuse(ctx, why);
}

// An entity is refused at its declaration, so no reference to it is ever expanded.
static void guard_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                              const xmlChar *system_id, xmlChar *content) {
    (void)name; (void)type; (void)public_id; (void)system_id; (void)content;
    refuse(ctx, entities_refused);
}

static void guard_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                                       const xmlChar *system_id, const xmlChar *notation) {
    (void)name; (void)public_id; (void)system_id; (void)notation;
    refuse(ctx, entities_refused);
}

// The HTML parser reports elements through the SAX1 handlers, the XML parser through the
// namespace-aware ones; both are counted. libxml2 reports every element's end, implied ones
// included, so the count is the depth of the tree being built. Once a document is refused,
// nothing more is built: the HTML parser still closes the elements left open (without
// checking that it was stopped), and its tree is thrown away.
static void guard_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    parse_guard *guard = ((xmlParserCtxtPtr)ctx)->_private;
    if (guard->refusal[0]) return;
    if (++guard->depth > guard->max_depth) { refuse_too_deep(ctx); return; }
    guard->start(ctx, name, atts);
}

static void guard_end(void *ctx, const xmlChar *name) {
    parse_guard *guard = ((xmlParserCtxtPtr)ctx)->_private;
    if (guard->refusal[0]) return;
    guard->depth--;
    guard->end(ctx, name);
}

static void guard_start_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                           int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                           const xmlChar **attributes) {
    parse_guard *guard = ((xmlParserCtxtPtr)ctx)->_private;
    if (guard->refusal[0]) return;
    if (++guard->depth > guard->max_depth) { refuse_too_deep(ctx); return; }
    guard->start_ns(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
}

static void guard_end_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    parse_guard *guard = ((xmlParserCtxtPtr)ctx)->_private;
    if (guard->refusal[0]) return;
    guard->depth--;
    guard->end_ns(ctx, localname, prefix, uri);
}

static void install_guard(xmlParserCtxtPtr ctxt, parse_guard *guard) {
    xmlSAXHandlerPtr sax = ctxt->sax;
    guard->start = sax->startElement;
    guard->end = sax->endElement;
    guard->start_ns = sax->startElementNs;
    guard->end_ns = sax->endElementNs;
    if (sax->startElement) sax->startElement = guard_start;
    if (sax->endElement) sax->endElement = guard_end;
    if (sax->startElementNs) sax->startElementNs = guard_start_ns;
    if (sax->endElementNs) sax->endElementNs = guard_end_ns;
    sax->entityDecl = guard_entity_decl;
    sax->unparsedEntityDecl = guard_unparsed_entity_decl;
    ctxt->_private = guard;
}

// libxml2's HTML parser has no DTD support: it skips a DOCTYPE's internal subset as bogus
// text and never expands what it declares. So an HTML document with "<!ENTITY" in its
// DOCTYPE is harmless, but reading its declarations as text would be garbage: it is refused
// like XML, with the same message. (ASCII-compatible encodings only; a UTF-16 one is read.)
static int html_declares_entities(const char *bytes, int32_t len) {
    const char *end = bytes + len;
    for (const char *p = bytes; p + 9 <= end; p++) {
        if (*p != '<' || strncasecmp(p, "<!doctype", 9) != 0) continue;
        const char *q = p + 9;
        while (q < end && *q != '>' && *q != '[') q++;
        if (q >= end || *q != '[') return 0;
        for (; q + 8 <= end && *q != ']'; q++) {
            if (strncasecmp(q, "<!entity", 8) == 0) return 1;
        }
        return 0;
    }
    return 0;
}

// MARK: - Parsing

cxml_doc *cxml_parse(const char *bytes, int32_t len, int32_t html, const char *encoding, int32_t max_depth,
                     char *errbuf, int32_t errcap, int32_t *line, int32_t *refused) {
    pthread_once(&setup_once, setup);
    *refused = 0;
    // libxml2's error handler is per thread: silence it for this thread's parses.
    xmlSetGenericErrorFunc(NULL, quiet);
    if (html && html_declares_entities(bytes, len)) {
        set_error(errbuf, errcap, line, entities_refused, 0);
        *refused = 1;
        return NULL;
    }
    xmlParserCtxtPtr ctxt = html ? htmlNewParserCtxt() : xmlNewParserCtxt();
    if (!ctxt) { set_error(errbuf, errcap, line, "out of memory", 0); return NULL; }
    parse_guard guard = { .max_depth = max_depth };
    install_guard(ctxt, &guard);
    xmlDocPtr doc;
    if (html) {
        doc = htmlCtxtReadMemory(ctxt, bytes, len, NULL, encoding,
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
    } else {
        // Deliberately absent: XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD,
        // XML_PARSE_DTDATTR, XML_PARSE_HUGE (lifts libxml2's own limits).
        doc = xmlCtxtReadMemory(ctxt, bytes, len, NULL, encoding,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    }
    if (guard.refusal[0]) {
        set_error(errbuf, errcap, line, guard.refusal, guard.refusal_line);
        *refused = 1;
        if (doc) xmlFreeDoc(doc);
        doc = NULL;
    } else if (!doc) {
        xmlErrorPtr err = xmlCtxtGetLastError(ctxt);
        set_error(errbuf, errcap, line, err && err->message ? err->message : "not well-formed", err ? err->line : 0);
    }
    xmlFreeParserCtxt(ctxt);
    if (!doc) return NULL;
    cxml_doc *result = malloc(sizeof *result);
    if (!result) { xmlFreeDoc(doc); set_error(errbuf, errcap, line, "out of memory", 0); return NULL; }
    result->doc = doc;
    return result;
}

void cxml_free(cxml_doc *doc) {
    if (!doc) return;
    xmlFreeDoc(doc->doc);
    free(doc);
}

// MARK: - Walking the tree

const cxml_node *cxml_root(const cxml_doc *doc) { return (const cxml_node *)xmlDocGetRootElement(doc->doc); }
const cxml_node *cxml_first_child(const cxml_node *node) { return (const cxml_node *)((xmlNodePtr)node)->children; }
const cxml_node *cxml_next(const cxml_node *node) { return (const cxml_node *)((xmlNodePtr)node)->next; }
int32_t cxml_type(const cxml_node *node) { return (int32_t)((xmlNodePtr)node)->type; }
const char *cxml_name(const cxml_node *node) { return (const char *)((xmlNodePtr)node)->name; }
int32_t cxml_line(const cxml_node *node) { return (int32_t)xmlGetLineNo((xmlNodePtr)node); }

const char *cxml_namespace(const cxml_node *node) {
    xmlNodePtr n = (xmlNodePtr)node;
    return n->ns ? (const char *)n->ns->href : NULL;
}

const char *cxml_text(const cxml_node *node) {
    xmlNodePtr n = (xmlNodePtr)node;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE || n->type == XML_COMMENT_NODE) {
        return (const char *)n->content;
    }
    return NULL;
}

const cxml_node *cxml_first_attribute(const cxml_node *element) {
    xmlNodePtr n = (xmlNodePtr)element;
    return n->type == XML_ELEMENT_NODE ? (const cxml_node *)n->properties : NULL;
}

const cxml_node *cxml_next_attribute(const cxml_node *attribute) {
    return (const cxml_node *)((xmlAttrPtr)attribute)->next;
}

char *cxml_attribute_value(const cxml_node *attribute) {
    xmlAttrPtr a = (xmlAttrPtr)attribute;
    return (char *)xmlNodeListGetString(a->doc, a->children, 1);
}

void cxml_free_string(char *s) { if (s) xmlFree(s); }
