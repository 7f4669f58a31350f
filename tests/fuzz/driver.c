/* driver.c - a main() for the fuzz targets when libFuzzer is not linked in.
 *
 * Built three ways from this one file:
 *  - plain (gcc or clang, any sanitizer): replays inputs. Each argument is a
 *    file or a folder of files (not recursive); each file is one input. With
 *    no argument, standard input is one input. CTest uses this to replay the
 *    seed files and the saved regressions in every build.
 *  - with afl-clang-fast / afl-clang-lto: AFL++ persistent mode, the input
 *    taken from shared memory, many inputs per process (__AFL_LOOP).
 * The libFuzzer build does not use this file: -fsanitize=fuzzer brings its
 * own main. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Largest input replayed or taken from AFL: the loader's own file limit
 * plus room for the separators; larger inputs are cut (as AFL would). */
enum { REPLAY_MAX_BYTES = 16 * 1024 * 1024 + 16 };

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();

int main(void)
{
    __AFL_INIT();
    const unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
    while (__AFL_LOOP(10000)) {
        size_t len = (size_t)__AFL_FUZZ_TESTCASE_LEN;
        LLVMFuzzerTestOneInput(buf, len < REPLAY_MAX_BYTES ? len : REPLAY_MAX_BYTES);
    }
    return 0;
}
#else

static unsigned char *read_all(FILE *fp, size_t *len)
{
    size_t cap = 65536, n = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap && cap < REPLAY_MAX_BYTES) {
            unsigned char *grown = realloc(buf, cap * 2);
            if (!grown)
                break;
            buf = grown;
            cap *= 2;
        } else if (n == cap) {
            break;
        }
    }
    *len = n;
    return buf;
}

static int run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return 1;
    }
    size_t len;
    unsigned char *buf = read_all(fp, &len);
    fclose(fp);
    if (!buf) {
        fprintf(stderr, "%s: out of memory\n", path);
        return 1;
    }
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of `dir`, in name order so runs are repeatable. */
static int run_dir(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0;
    int bad = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char **grown = realloc(names, (n + 1) * sizeof *names);
        size_t size = strlen(dir) + strlen(e->d_name) + 2;
        if (!grown || !(grown[n] = malloc(size))) {
            names = grown ? grown : names;
            bad = 1;
            break;
        }
        names = grown;
        snprintf(names[n++], size, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
            bad |= run_file(names[i]);
            (*count)++;
        }
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        size_t len;
        unsigned char *buf = read_all(stdin, &len);
        if (!buf)
            return 1;
        LLVMFuzzerTestOneInput(buf, len);
        free(buf);
        return 0;
    }
    int bad = 0;
    size_t count = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            bad |= run_dir(argv[i], &count);
        } else {
            bad |= run_file(argv[i]);
            count++;
        }
    }
    /* A crash aborts before this line; reaching it means every input ran.
     * No input at all is a mistake in the command (an empty folder). */
    printf("%s: %zu inputs, no crash\n", argv[0], count);
    return bad || count == 0;
}
#endif
