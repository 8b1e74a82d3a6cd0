#define _GNU_SOURCE  // strcasestr
#include "cpoppler.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <poppler/glib/poppler.h>

struct cpdf_document {
    int32_t pages;
    double *widths, *heights;
    cpdf_line *lines;
    int64_t count, capacity;
    char *text;  // all lines' text, NUL-separated
};

static void set_message(char *errbuf, int32_t errcap, const char *message) {
    if (errbuf && errcap > 0) snprintf(errbuf, (size_t)errcap, "%s", message);
}

// MARK: - What the child sends: tagged records on a pipe.
//
//   'H' int32 pages                         the page count, first
//   'P' int32 page, double width, height    a page's size, before its lines
//   'L' int32 page, double x0 y0 x1 y1 size, int32 bold, int32 length, bytes   a line
//   'X' int32 status, int32 length, bytes   a failure, last
//   'M'                                     the child aborted after an allocation failed, last
//   'E'                                     the end: everything was sent

typedef struct {
    int fd;
    int failed;
} channel;

static void send_bytes(channel *c, const void *data, size_t len) {
    const char *p = data;
    while (len > 0 && !c->failed) {
        ssize_t n = write(c->fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) { c->failed = 1; return; }
        p += n;
        len -= (size_t)n;
    }
}

static void send_tag(channel *c, char tag) { send_bytes(c, &tag, 1); }
static void send_i32(channel *c, int32_t v) { send_bytes(c, &v, sizeof v); }
static void send_f64(channel *c, double v) { send_bytes(c, &v, sizeof v); }

static void send_failure(channel *c, int32_t status, const char *message) {
    send_tag(c, 'X');
    send_i32(c, status);
    send_i32(c, (int32_t)strlen(message));
    send_bytes(c, message, strlen(message));
}

// MARK: - The child: Poppler reads the document, line by line.

static int is_bold_font(const char *name) {
    if (!name) return 0;
    static const char *const words[] = { "bold", "black", "heavy", "demi", "semibold", "extrabold", "ultrabold" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcasestr(name, words[i])) return 1;
    }
    return 0;
}

typedef struct {
    double size;
    int32_t count;
} size_count;

// Sends one line: its characters text[from..<to) (byte offsets), the rectangles of its
// characters rects[first_char...] and the attributes in force.
typedef struct {
    const char *text;
    const PopplerRectangle *rects;
    guint n_rects;
    PopplerTextAttributes **attrs;  // sorted by start_index
    guint n_attrs;
} page_text;

static void send_segment(channel *c, int32_t page, const page_text *pt, size_t from, size_t to, guint first_char) {
    double x0 = 1e12, y0 = 1e12, x1 = -1e12, y1 = -1e12;
    size_count sizes[8];
    int n_sizes = 0;
    int32_t chars = 0, bold = 0;
    guint ci = first_char;
    guint attr = 0;
    const char *p = pt->text + from;
    const char *end = pt->text + to;
    int has_text = 0;
    while (p < end) {
        gunichar ch = g_utf8_get_char(p);
        if (!g_unichar_isspace(ch)) {
            has_text = 1;
            if (ci < pt->n_rects) {
                const PopplerRectangle *r = &pt->rects[ci];
                if (r->x1 < x0) x0 = r->x1;
                if (r->x2 > x1) x1 = r->x2;
                if (r->y1 < y0) y0 = r->y1;
                if (r->y2 > y1) y1 = r->y2;
            }
            while (attr < pt->n_attrs && pt->attrs[attr]->end_index < (int)ci) attr++;
            if (attr < pt->n_attrs && pt->attrs[attr]->start_index <= (int)ci) {
                PopplerTextAttributes *a = pt->attrs[attr];
                chars++;
                if (is_bold_font(a->font_name)) bold++;
                int found = 0;
                for (int i = 0; i < n_sizes; i++) {
                    if (sizes[i].size == a->font_size) { sizes[i].count++; found = 1; break; }
                }
                if (!found && n_sizes < 8) sizes[n_sizes++] = (size_count){ a->font_size, 1 };
            }
        }
        p = g_utf8_next_char(p);
        ci++;
    }
    if (!has_text) return;
    double size = 0;
    int32_t best = -1;
    for (int i = 0; i < n_sizes; i++) {
        if (sizes[i].count > best) { best = sizes[i].count; size = sizes[i].size; }
    }
    if (x0 > x1) { x0 = x1 = y0 = y1 = 0; }
    send_tag(c, 'L');
    send_i32(c, page);
    send_f64(c, x0); send_f64(c, y0); send_f64(c, x1); send_f64(c, y1);
    send_f64(c, size);
    send_i32(c, chars > 0 && bold * 2 > chars);
    send_i32(c, (int32_t)(to - from));
    send_bytes(c, pt->text + from, to - from);
}

// Sends a line of Poppler's text, split where a gap wider than one and a half times the font
// size separates two characters: Poppler runs table cells on one baseline together
// ("FunctionUs"); capdiff tells cells and columns apart by such gaps.
static void send_line(channel *c, int32_t page, const page_text *pt, size_t from, size_t to, guint first_char) {
    size_t start = from;
    guint start_char = first_char;
    guint ci = first_char;
    double previous_right = 0;
    int have_previous = 0;
    guint attr = 0;
    for (const char *p = pt->text + from; p < pt->text + to; p = g_utf8_next_char(p), ci++) {
        gunichar ch = g_utf8_get_char(p);
        if (g_unichar_isspace(ch) || ci >= pt->n_rects) continue;
        const PopplerRectangle *r = &pt->rects[ci];
        while (attr < pt->n_attrs && pt->attrs[attr]->end_index < (int)ci) attr++;
        double size = attr < pt->n_attrs && pt->attrs[attr]->font_size > 0 ? pt->attrs[attr]->font_size : r->y2 - r->y1;
        if (have_previous && r->x1 - previous_right > 1.5 * size) {
            size_t at = (size_t)(p - pt->text);
            send_segment(c, page, pt, start, at, start_char);
            start = at;
            start_char = ci;
        }
        previous_right = r->x2;
        have_previous = 1;
    }
    send_segment(c, page, pt, start, to, start_char);
}

static gint by_start(gconstpointer a, gconstpointer b) {
    return ((const PopplerTextAttributes *)a)->start_index - ((const PopplerTextAttributes *)b)->start_index;
}

static void send_page(channel *c, PopplerDocument *doc, int32_t index) {
    PopplerPage *page = poppler_document_get_page(doc, index);
    if (!page) return;
    double width = 0, height = 0;
    poppler_page_get_size(page, &width, &height);
    send_tag(c, 'P');
    send_i32(c, index + 1);
    send_f64(c, width);
    send_f64(c, height);
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (text && *text && poppler_page_get_text_layout(page, &rects, &n_rects)) {
        GList *list = g_list_sort(poppler_page_get_text_attributes(page), by_start);
        guint n_attrs = g_list_length(list);
        PopplerTextAttributes **attrs = g_new0(PopplerTextAttributes *, n_attrs + 1);
        guint i = 0;
        for (GList *l = list; l; l = l->next) attrs[i++] = l->data;
        page_text pt = { text, rects, n_rects, attrs, n_attrs };
        size_t from = 0;
        guint first_char = 0, ci = 0;
        size_t len = strlen(text);
        for (size_t at = 0; at <= len; at = (size_t)(g_utf8_next_char(text + at) - text)) {
            if (at == len || text[at] == '\n') {
                send_line(c, index + 1, &pt, from, at, first_char);
                from = at + 1;
                first_char = ci + 1;
                if (at == len) break;
            }
            ci++;
        }
        g_free(attrs);
        poppler_page_free_text_attributes(list);
    }
    g_free(rects);
    g_free(text);
    g_object_unref(page);
}

// The address space in use now, so the memory cap is counted from it.
static int64_t current_address_space(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return 0;
    long pages = 0;
    if (fscanf(f, "%ld", &pages) != 1) pages = 0;
    fclose(f);
    return (int64_t)pages * sysconf(_SC_PAGESIZE);
}

// The child's pipe, for its abort handler.
static int child_fd = -1;

// Poppler's and glib's allocators abort when malloc fails (and C++'s new ends in abort through
// std::terminate); errno then still says ENOMEM. The handler tells the parent so, with a write
// (async-signal-safe), and dies of the abort as it would have. Records are sent only between
// Poppler calls, so the 'M' never lands inside one.
static void on_abort(int sig) {
    if (errno == ENOMEM && child_fd >= 0) {
        ssize_t ignored = write(child_fd, "M", 1);
        (void)ignored;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void child_main(int fd, const uint8_t *bytes, int64_t len, const cpdf_limits *limits) {
    channel c = { fd, 0 };
    child_fd = fd;
    signal(SIGABRT, on_abort);
    // Poppler and glib write their complaints to stderr; capdiff reports in one line itself.
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) { dup2(null, STDOUT_FILENO); dup2(null, STDERR_FILENO); close(null); }
    if (limits->max_memory > 0) {
        rlim_t cap = (rlim_t)(current_address_space() + limits->max_memory);
        struct rlimit rl = { cap, cap };
        setrlimit(RLIMIT_AS, &rl);
    }
    if (limits->max_milliseconds > 0) {
        // A backstop: the parent kills the child at the deadline; this ends it should the parent go first.
        rlim_t seconds = (rlim_t)(limits->max_milliseconds / 1000 + 2);
        struct rlimit rl = { seconds, seconds };
        setrlimit(RLIMIT_CPU, &rl);
    }
    GError *error = NULL;
    GBytes *data = g_bytes_new_static(bytes, (gsize)len);
    PopplerDocument *doc = poppler_document_new_from_bytes(data, NULL, &error);
    if (!doc) {
        int encrypted = error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED;
        send_failure(&c, encrypted ? CPDF_ENCRYPTED : CPDF_NOT_PDF, error && error->message ? error->message : "cannot be opened");
        _exit(0);
    }
    int32_t pages = poppler_document_get_n_pages(doc);
    send_tag(&c, 'H');
    send_i32(&c, pages);
    if (limits->max_pages > 0 && pages > limits->max_pages) {
        send_failure(&c, CPDF_TOO_MANY_PAGES, "too many pages");
        _exit(0);
    }
    for (int32_t i = 0; i < pages && !c.failed; i++) send_page(&c, doc, i);
    send_tag(&c, 'E');
    _exit(0);
}

// MARK: - The parent: reads what the child sends, within the limits.

typedef struct {
    uint8_t *data;
    size_t len, capacity;
} buffer;

static int append(buffer *b, const uint8_t *data, size_t len) {
    if (b->len + len > b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 65536;
        while (capacity < b->len + len) capacity *= 2;
        uint8_t *grown = realloc(b->data, capacity);
        if (!grown) return 0;
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return 1;
}

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// The largest integer after "/Size" (a cross-reference table's or stream's object count).
static int64_t declared_objects(const uint8_t *bytes, int64_t len) {
    int64_t most = 0;
    for (int64_t i = 0; i + 5 < len; i++) {
        if (bytes[i] != '/' || memcmp(bytes + i, "/Size", 5) != 0) continue;
        int64_t j = i + 5;
        while (j < len && (bytes[j] == ' ' || bytes[j] == '\r' || bytes[j] == '\n' || bytes[j] == '\t')) j++;
        int64_t value = 0;
        int digits = 0;
        while (j < len && bytes[j] >= '0' && bytes[j] <= '9' && digits < 18) { value = value * 10 + (bytes[j++] - '0'); digits++; }
        if (digits > 0 && value > most) most = value;
    }
    return most;
}

typedef struct {
    const uint8_t *p, *end;
} reader;

static int take(reader *r, void *out, size_t n) {
    if ((size_t)(r->end - r->p) < n) return 0;
    memcpy(out, r->p, n);
    r->p += n;
    return 1;
}

static int add_line(cpdf_document *doc, const cpdf_line *line) {
    if (doc->count == doc->capacity) {
        int64_t capacity = doc->capacity ? doc->capacity * 2 : 256;
        cpdf_line *grown = realloc(doc->lines, (size_t)capacity * sizeof *grown);
        if (!grown) return 0;
        doc->lines = grown;
        doc->capacity = capacity;
    }
    doc->lines[doc->count++] = *line;
    return 1;
}

// Turns the child's records into a document; returns the child's status.
static int32_t decode(const buffer *b, cpdf_document *doc, char *errbuf, int32_t errcap, int *ended) {
    reader r = { b->data, b->data + b->len };
    // Text is copied into one block; lines point into it once it no longer moves.
    size_t text_len = 0;
    char *text = malloc(b->len + 1);
    if (!text) { set_message(errbuf, errcap, "out of memory"); return CPDF_SYSTEM; }
    doc->text = text;
    *ended = 0;
    char tag;
    while (take(&r, &tag, 1)) {
        switch (tag) {
        case 'H': {
            int32_t pages;
            if (!take(&r, &pages, 4) || pages < 0) return CPDF_CRASHED;
            doc->pages = pages;
            doc->widths = calloc((size_t)pages + 1, sizeof(double));
            doc->heights = calloc((size_t)pages + 1, sizeof(double));
            if (!doc->widths || !doc->heights) { set_message(errbuf, errcap, "out of memory"); return CPDF_SYSTEM; }
            break;
        }
        case 'P': {
            int32_t page;
            double w, h;
            if (!take(&r, &page, 4) || !take(&r, &w, 8) || !take(&r, &h, 8)) return CPDF_CRASHED;
            if (page >= 1 && page <= doc->pages) { doc->widths[page] = w; doc->heights[page] = h; }
            break;
        }
        case 'L': {
            cpdf_line line = { 0 };
            int32_t length;
            if (!take(&r, &line.page, 4) || !take(&r, &line.x0, 8) || !take(&r, &line.y0, 8) || !take(&r, &line.x1, 8)
                || !take(&r, &line.y1, 8) || !take(&r, &line.font_size, 8) || !take(&r, &line.bold, 4)
                || !take(&r, &length, 4) || length < 0 || (size_t)(r.end - r.p) < (size_t)length) return CPDF_CRASHED;
            memcpy(text + text_len, r.p, (size_t)length);
            r.p += length;
            line.text = (const char *)(uintptr_t)text_len;  // an offset until the text is complete
            text_len += (size_t)length;
            text[text_len++] = 0;
            if (!add_line(doc, &line)) { set_message(errbuf, errcap, "out of memory"); return CPDF_SYSTEM; }
            break;
        }
        case 'X': {
            int32_t status, length;
            if (!take(&r, &status, 4) || !take(&r, &length, 4) || length < 0 || (size_t)(r.end - r.p) < (size_t)length) return CPDF_CRASHED;
            char message[512];
            size_t n = (size_t)length < sizeof message - 1 ? (size_t)length : sizeof message - 1;
            memcpy(message, r.p, n);
            message[n] = 0;
            set_message(errbuf, errcap, message);
            return status;
        }
        case 'M':
            return CPDF_TOO_MUCH_MEMORY;
        case 'E':
            *ended = 1;
            for (int64_t i = 0; i < doc->count; i++) doc->lines[i].text = text + (uintptr_t)doc->lines[i].text;
            return CPDF_OK;
        default:
            return CPDF_CRASHED;
        }
    }
    return CPDF_CRASHED;
}

int32_t cpdf_read(const uint8_t *bytes, int64_t len, const cpdf_limits *limits, cpdf_document **out,
                  char *errbuf, int32_t errcap, int32_t *pages) {
    *out = NULL;
    *pages = 0;
    set_message(errbuf, errcap, "");
    if (limits->max_objects > 0) {
        int64_t objects = declared_objects(bytes, len);
        if (objects > limits->max_objects) {
            char message[128];
            snprintf(message, sizeof message, "%lld", (long long)objects);
            set_message(errbuf, errcap, message);
            return CPDF_TOO_MANY_OBJECTS;
        }
    }
    int fds[2];
    if (pipe(fds) != 0) { set_message(errbuf, errcap, strerror(errno)); return CPDF_SYSTEM; }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        set_message(errbuf, errcap, strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return CPDF_SYSTEM;
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(fds[1], bytes, len, limits);
        _exit(0);
    }
    close(fds[1]);
    buffer b = { 0 };
    int64_t deadline = limits->max_milliseconds > 0 ? now_ms() + limits->max_milliseconds : 0;
    int32_t status = CPDF_OK;
    uint8_t chunk[65536];
    for (;;) {
        int timeout = -1;
        if (deadline) {
            int64_t left = deadline - now_ms();
            if (left <= 0) { status = CPDF_TIMEOUT; break; }
            timeout = left > 1000000 ? 1000000 : (int)left;
        }
        struct pollfd p = { fds[0], POLLIN, 0 };
        int ready = poll(&p, 1, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;  // the deadline is checked above
        ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (limits->max_text > 0 && b.len + (size_t)n > (size_t)limits->max_text * 2 + 65536) { status = CPDF_TOO_MUCH_TEXT; break; }
        if (!append(&b, chunk, (size_t)n)) { status = CPDF_SYSTEM; set_message(errbuf, errcap, "out of memory"); break; }
    }
    close(fds[0]);
    if (status != CPDF_OK) kill(pid, SIGKILL);
    int wstatus = 0;
    struct rusage usage;
    memset(&usage, 0, sizeof usage);
    while (wait4(pid, &wstatus, 0, &usage) < 0 && errno == EINTR) {}
    cpdf_document *doc = calloc(1, sizeof *doc);
    if (!doc) { free(b.data); set_message(errbuf, errcap, "out of memory"); return CPDF_SYSTEM; }
    int ended = 0;
    int32_t decoded = decode(&b, doc, errbuf, errcap, &ended);
    free(b.data);
    *pages = doc->pages;
    if (status == CPDF_OK) status = decoded;
    if (status == CPDF_OK && !ended) status = CPDF_CRASHED;
    if (status == CPDF_CRASHED && WIFSIGNALED(wstatus)) {
        int sig = WTERMSIG(wstatus);
        // Out of memory shows as an abort (Poppler's and glib's allocators abort when malloc
        // fails) or a kill, after the child's memory grew to most of its cap.
        int64_t peak = (int64_t)usage.ru_maxrss * 1024;
        if ((sig == SIGABRT || sig == SIGKILL || sig == SIGSEGV || sig == SIGTRAP) && limits->max_memory > 0 && peak * 2 > limits->max_memory) {
            status = CPDF_TOO_MUCH_MEMORY;
        } else if (sig == SIGXCPU) {
            status = CPDF_TIMEOUT;
        } else {
            char message[64];
            snprintf(message, sizeof message, "signal %d", sig);
            set_message(errbuf, errcap, message);
        }
    }
    if (status != CPDF_OK) {
        cpdf_free(doc);
        return status;
    }
    if (limits->max_text > 0) {
        int64_t total = 0;
        for (int64_t i = 0; i < doc->count; i++) total += (int64_t)strlen(doc->lines[i].text);
        if (total > limits->max_text) { cpdf_free(doc); return CPDF_TOO_MUCH_TEXT; }
    }
    *out = doc;
    return CPDF_OK;
}

void cpdf_free(cpdf_document *doc) {
    if (!doc) return;
    free(doc->widths);
    free(doc->heights);
    free(doc->lines);
    free(doc->text);
    free(doc);
}

int32_t cpdf_page_count(const cpdf_document *doc) { return doc->pages; }
double cpdf_page_width(const cpdf_document *doc, int32_t page) { return page >= 1 && page <= doc->pages ? doc->widths[page] : 0; }
double cpdf_page_height(const cpdf_document *doc, int32_t page) { return page >= 1 && page <= doc->pages ? doc->heights[page] : 0; }
int64_t cpdf_line_count(const cpdf_document *doc) { return doc->count; }
const cpdf_line *cpdf_line_at(const cpdf_document *doc, int64_t index) {
    return index >= 0 && index < doc->count ? &doc->lines[index] : NULL;
}
