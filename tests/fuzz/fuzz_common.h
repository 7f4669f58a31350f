/* fuzz_common.h - what the three fuzz harnesses share: splitting one fuzz
 * input into several files, a private scratch folder to write them to, and
 * the checks that turn a silent wrong result into a crash the fuzzer sees.
 *
 * One input holds up to FZ_MAX_PARTS files separated by NUL bytes. JSON text
 * never contains a NUL (the loader refuses one), so the separator costs the
 * fuzzer nothing, and a byte-level mutation that inserts or deletes a NUL
 * moves text from one file to the next, which is how `extends` chains and
 * cycles get explored. A NUL beyond the last separator stays in the last part,
 * so the loader's NUL check is still reached. */
#ifndef TS_FUZZ_COMMON_H
#define TS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "targetsim/targetsim.h"

enum { FZ_MAX_PARTS = 4 };

typedef struct fz_parts {
    size_t n;
    const char *text[FZ_MAX_PARTS];
    size_t len[FZ_MAX_PARTS];
} fz_parts;

/* Splits `data` at its first FZ_MAX_PARTS - 1 NUL bytes. Never fails; an
 * empty input is one empty part. The parts point into `data`. */
void fz_split(const uint8_t *data, size_t size, fz_parts *out);

/* The harness's scratch folder, created on first use under $TMPDIR (or /tmp)
 * with copies of the bundled scenarios and the CLI test scenarios in it, so
 * that `"extends": "trend.json"` in a seed finds its parent. Removed at exit.
 * Aborts when the folder cannot be made: a harness without it tests nothing. */
const char *fz_dir(void);

/* Writes the fuzzed files: parts first, first + 1, ... go to a.json, b.json,
 * c.json, d.json in fz_dir(); a name without a part is removed, so nothing
 * from an earlier input is left to change this run. */
void fz_write_parts(const fz_parts *parts, size_t first);

/* Full path of `name` in fz_dir(), in a static buffer (one at a time). */
const char *fz_path(const char *name);

/* A plan read from the source tree (scenarios/ or tests/cli/data/), parsed
 * once and kept for the life of the process. Aborts when it does not load. */
const ts_plan *fz_fixed_plan(const char *source_relative);

/* Aborts unless `err` is a well-formed error for status `st`: the code
 * matches, the message is non-empty and every string is NUL-terminated
 * inside its array. A failing load must explain itself. */
void fz_check_error(ts_status st, const ts_error *err);

/* Aborts unless `buf` holds `len` bytes of UTF-8 text without a NUL. */
void fz_check_text(const ts_buffer *buf, const char *what);

/* fz_check_text, and no control character but newline and what `allow`
 * names (FZ_TAB: tabs; FZ_CRLF: CR before LF, CSV's line end): input text
 * must not reach a file a person will cat or open carrying escape
 * sequences, carriage returns or extra line breaks. */
enum { FZ_TAB = 1, FZ_CRLF = 2 };
void fz_check_controls(const ts_buffer *buf, const char *what, int allow);

/* Aborts unless `buf` is one JSON object that cJSON parses. */
void fz_check_json(const ts_buffer *buf);

/* Aborts unless report.html holds only its writer's own elements (every
 * '<' opens a known tag: input text must arrive escaped), links only within
 * the page (href="#..."), images only embedded (src="data:...") and no
 * control characters. */
void fz_check_html(const ts_buffer *buf);

/* Aborts unless the gnuplot script keeps every input text inert: control
 * characters other than newline and tab are absent, no string runs past
 * the end of its line, and outside single-quoted strings and comments there
 * is no backquote and no byte >= 0x80 (input text, such as a Chinese name,
 * may appear only inside single quotes), nor "system" in code; no @ (a
 * macro) anywhere outside comments and no backquote inside single quotes
 * (the writer splices both in as sprintf('%c', N)). */
void fz_check_gnuplot(const ts_buffer *buf, const char *name);

#endif
