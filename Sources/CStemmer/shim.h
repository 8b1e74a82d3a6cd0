// libstemmer's header is plain C (no ICU types), so Swift may import it directly.
#include <libstemmer.h>
