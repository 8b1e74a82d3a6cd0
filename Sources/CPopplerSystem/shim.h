// Only the CPoppler facade's .c file includes Poppler and glib; this module exists for its
// pkg-config flags.
#include <poppler/glib/poppler.h>
