// Only the CGMime facade's .c files include GMime and glib; this module exists for its
// pkg-config flags.
#include <gmime/gmime.h>
