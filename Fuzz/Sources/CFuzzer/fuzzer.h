// libFuzzer's driver (in clang's libclang_rt.fuzzer, linked by -sanitize=fuzzer): runs the
// fuzzing loop with the command line's options and the given entry, and returns its status.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
