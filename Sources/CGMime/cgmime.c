#include "cgmime.h"
#include <gmime/gmime.h>

static void ensure_init(void) {
    static gsize initialised = 0;
    if (g_once_init_enter(&initialised)) {
        g_mime_init();
        g_once_init_leave(&initialised, 1);
    }
}

int32_t cgmime_version(void) {
    ensure_init();
    return (int32_t)(gmime_major_version * 10000 + gmime_minor_version * 100 + gmime_micro_version);
}
