#include "cxml.h"
#include <stdio.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct cxml_doc { xmlDocPtr doc; };

// External entities and DTDs are never fetched, whatever a document asks for.
static xmlParserInputPtr refuse_external(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static void set_error(char *errbuf, int32_t errcap, int32_t *line, const char *message, int32_t at) {
    if (errbuf && errcap > 0) {
        snprintf(errbuf, (size_t)errcap, "%s", message);
        size_t n = strlen(errbuf);
        while (n > 0 && (errbuf[n - 1] == '\n' || errbuf[n - 1] == ' ')) errbuf[--n] = 0;
    }
    if (line) *line = at;
}

static int declares_entities(xmlDocPtr doc) {
    xmlDtdPtr dtds[2] = { doc->intSubset, doc->extSubset };
    for (int i = 0; i < 2; i++) {
        if (!dtds[i]) continue;
        for (xmlNodePtr n = dtds[i]->children; n; n = n->next) {
            if (n->type == XML_ENTITY_DECL) return 1;
        }
    }
    return 0;
}

cxml_doc *cxml_parse(const char *bytes, int32_t len, int32_t html, const char *encoding,
                     char *errbuf, int32_t errcap, int32_t *line) {
    static int initialised = 0;
    if (!initialised) {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuse_external);
        initialised = 1;
    }
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlResetLastError();
    xmlDocPtr doc;
    if (html) {
        doc = htmlReadMemory(bytes, len, NULL, encoding,
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
    } else {
        // Deliberately absent: XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD,
        // XML_PARSE_DTDATTR, XML_PARSE_HUGE (lifts libxml2's own amplification limits).
        doc = xmlReadMemory(bytes, len, NULL, encoding, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    }
    if (!doc) {
        xmlErrorPtr err = xmlGetLastError();
        set_error(errbuf, errcap, line, err && err->message ? err->message : "not well-formed", err ? err->line : 0);
        return NULL;
    }
    if (!html && declares_entities(doc)) {
        set_error(errbuf, errcap, line, "declares entities in its DOCTYPE, which capdiff refuses (external-entity and entity-expansion attacks)", 0);
        xmlFreeDoc(doc);
        return NULL;
    }
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
