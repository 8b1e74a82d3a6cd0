// capdiff's facade over Poppler (poppler-glib): a PDF's text lines with where they stand on
// the page, their font size and weight. Plain C types only, prefixed names; only cpoppler.c
// includes Poppler and glib.
//
// A PDF is read in a child process (fork) that Poppler runs in alone, under limits: a memory
// cap (setrlimit), a wall-clock deadline (the parent kills the child when it passes), a page
// cap and a cap on the objects the file declares. A hostile or broken file (a loop of object
// references, a compression bomb in a font, a parser crash) costs the child, never capdiff.
#ifndef CPOPPLER_H
#define CPOPPLER_H
#include <stdint.h>

typedef struct cpdf_document cpdf_document;

// What went wrong, if anything. The message buffer says more.
enum {
    CPDF_OK = 0,
    CPDF_NOT_PDF = 1,          // Poppler cannot open it (damaged, not a PDF)
    CPDF_ENCRYPTED = 2,        // it needs a password
    CPDF_TOO_MANY_PAGES = 3,   // more pages than limits.max_pages
    CPDF_TOO_MANY_OBJECTS = 4, // it declares more objects than limits.max_objects
    CPDF_TIMEOUT = 5,          // not read within limits.max_milliseconds
    CPDF_TOO_MUCH_MEMORY = 6,  // the reader ran out of the memory limits.max_memory allows
    CPDF_CRASHED = 7,          // the reader died (a signal) for another reason
    CPDF_TOO_MUCH_TEXT = 8,    // more text than limits.max_text bytes
    CPDF_SYSTEM = 9,           // fork, pipe or memory failed in capdiff itself
};

typedef struct {
    int32_t max_pages;
    int64_t max_objects;
    int64_t max_milliseconds;
    int64_t max_memory;  // bytes the reader may allocate beyond what capdiff has
    int64_t max_text;    // bytes of text
} cpdf_limits;

// A line of text as Poppler lays it out: one line of one text block, in Poppler's order.
typedef struct {
    int32_t page;       // 1-based
    double x0, y0, x1, y1;  // its box in points, from the page's top-left corner
    double font_size;   // the size most of its characters have
    int32_t bold;       // 1 when most of its characters are in a bold (or black, heavy) font
    const char *text;   // UTF-8, owned by the document
} cpdf_line;

// Reads a PDF from memory. Returns CPDF_OK and *out, or a status with a one-line message in
// errbuf; *pages gets the page count when it is known (0 otherwise).
int32_t cpdf_read(const uint8_t *bytes, int64_t len, const cpdf_limits *limits, cpdf_document **out,
                  char *errbuf, int32_t errcap, int32_t *pages);
void cpdf_free(cpdf_document *doc);

int32_t cpdf_page_count(const cpdf_document *doc);
// A page's width and height in points (1-based page).
double cpdf_page_width(const cpdf_document *doc, int32_t page);
double cpdf_page_height(const cpdf_document *doc, int32_t page);
int64_t cpdf_line_count(const cpdf_document *doc);
const cpdf_line *cpdf_line_at(const cpdf_document *doc, int64_t index);

#endif
