/* fuzz_charts.c - fuzz target: any text in every chart, through gnuplot.
 *
 * The input is up to four texts separated by NUL bytes (fuzz_common.h): an
 * indicator's name, its unit, a scenario's name, the plan's name (which
 * also names the second indicator). Bytes that are not UTF-8 become '?'
 * (the loader would refuse the file, and this target is about what a
 * loaded text does in a chart, not about the loader). The texts go, in
 * both languages, into a small plan and two scenarios (built with cJSON,
 * so any text is a valid JSON string), which run with every analysis that
 * adds a kind of chart: Monte Carlo (fan), tornado, --backtest, --compare,
 * a one-axis sweep. The chart scripts are written to a fresh folder and a
 * few of them (one per input of the four kinds with tic labels, one of the
 * two kinds with `with labels` text, one of the others, rotating; the
 * language alternates) run through ONE gnuplot process, with a 20 s
 * timeout (8 s, under libFuzzer's 10). It fails (abort) when:
 *   - a script breaks the quoting rule (fz_check_gnuplot: no backquote,
 *     system or input byte in code, no string across a line end);
 *   - gnuplot exits non-zero, is killed, times out, or prints anything but
 *     the two warnings a long text causes (titles that do not fit the key,
 *     tic labels that leave no room for the plot: the chart is drawn, if
 *     crowded);
 *   - a file appears that is not one of the chart files (in the chart
 *     folder or in the scratch folder around it): a command ran, or an
 *     output name was taken from text;
 *   - an SVG does not show an input text as itself: the first scenario's
 *     name in the key of the indicator, fan and backtest charts and beside
 *     the bars of the attainment and compare charts (`with labels`), the
 *     indicator's name in the title of the tornado and indicator charts
 *     (after the loader's own change: control characters become spaces).
 * For speed the PNG pass is drawn by gnuplot's svg terminal (the one
 * `set terminal pngcairo` line is replaced); how gnuplot reads the text is
 * the same, and the real pngcairo pass runs in the chart tests and the CLI
 * case 400. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fuzz_common.h"

#ifndef TS_FUZZ_TEMPLATE_DIR
#error "TS_FUZZ_TEMPLATE_DIR (plots/templates) must be defined by the build"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_TEXT = 1200, GNUPLOT_SECONDS = 8 };

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fuzz_charts: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

/* A growing byte string (the library's buffer is private to it). */
typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->data, cap);
        if (!p)
            abort();
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* `len` bytes as UTF-8 text of at most MAX_TEXT bytes: every byte that does
 * not start a well-formed sequence becomes '?'. */
static char *utf8_text(const char *s, size_t len)
{
    if (len > MAX_TEXT)
        len = MAX_TEXT;
    char *t = malloc(len + 2);
    if (!t)
        abort();
    size_t i = 0, o = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                             : (c & 0xF8) == 0xF0 ? 4 : 0;
        int ok = n > 0 && i + n <= len;
        for (size_t k = 1; ok && k < n; k++)
            ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
        /* No overlong forms, surrogates or code points past U+10FFFF. */
        if (ok && n == 2)
            ok = c >= 0xC2;
        if (ok && n == 3) {
            unsigned char d = (unsigned char)s[i + 1];
            ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0);
        }
        if (ok && n == 4) {
            unsigned char d = (unsigned char)s[i + 1];
            ok = c <= 0xF4 && !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);
        }
        if (ok && n == 1 && c == 0)
            ok = 0;
        if (!ok) {
            t[o++] = '?';
            i++;
            continue;
        }
        memcpy(t + o, s + i, n);
        o += n;
        i += n;
    }
    t[o] = '\0';
    if (o == 0) /* a name must not be empty */
        strcpy(t, "e");
    return t;
}

/* {"en": TEXT, "zh": "中文 " TEXT}: both languages carry the text. */
static cJSON *both(const char *text)
{
    cJSON *o = cJSON_CreateObject();
    size_t n = strlen(text);
    char *zh = malloc(n + 8);
    if (!o || !zh)
        abort();
    memcpy(zh, "中文 ", 7);
    memcpy(zh + 7, text, n + 1);
    cJSON_AddStringToObject(o, "en", text);
    cJSON_AddStringToObject(o, "zh", zh);
    free(zh);
    return o;
}

static char *print_or_die(cJSON *j)
{
    char *s = cJSON_PrintUnformatted(j);
    if (!s)
        abort();
    cJSON_Delete(j);
    return s;
}

static cJSON *parse_or_die(const char *json)
{
    cJSON *j = cJSON_Parse(json);
    if (!j)
        abort();
    return j;
}

/* The plan: x (named and with the unit from the input, a target, history,
 * observations, a revision) and y (named after the plan), both driven. */
static char *plan_json(char *const *t)
{
    cJSON *p = parse_or_die(
        "{\"id\": \"fz\", \"base_year\": 2020, \"target_year\": 2025, \"horizon\": 2030,"
        " \"scenarios\": [\"a.json\", \"b.json\"], \"indicators\": {"
        " \"x\": {\"baseline\": 100, \"target\": {\"value\": 150},"
        "  \"revisions\": [{\"value\": 160, \"year\": 2027}],"
        "  \"history\": {\"2018\": 90, \"2019\": 95}, \"actual\": {\"2021\": 104, \"2022\": 109}},"
        " \"y\": {\"baseline\": 50, \"target\": {\"value\": 60}}}}");
    cJSON_AddItemToObject(p, "name", both(t[3]));
    cJSON_AddStringToObject(p, "source", t[3]);
    cJSON_AddStringToObject(p, "note", t[0]);
    cJSON *ind = cJSON_GetObjectItem(p, "indicators");
    cJSON *x = cJSON_GetObjectItem(ind, "x"), *y = cJSON_GetObjectItem(ind, "y");
    cJSON_AddItemToObject(x, "name", both(t[0]));
    cJSON_AddItemToObject(x, "unit", both(t[1]));
    cJSON_AddStringToObject(x, "source", t[1]);
    cJSON_AddItemToObject(y, "name", both(t[3]));
    cJSON_AddItemToObject(y, "unit", both(t[2]));
    return print_or_die(p);
}

static char *scenario_json(const char *id, const char *name, double growth)
{
    cJSON *s = parse_or_die("{\"assumptions\": {\"x\": {\"growth\": 0.05}, \"y\": {\"growth\": 0.01}},"
                            " \"uncertainty\": {\"sd\": {\"x\": 0.02, \"y\": 0.01}}}");
    cJSON_AddStringToObject(s, "id", id);
    cJSON_AddItemToObject(s, "name", both(name));
    cJSON_SetNumberValue(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(s, "assumptions"), "x"), "growth"), growth);
    return print_or_die(s);
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        fail("cannot write %s", path);
}

/* Removes every file of the folder (no subfolders are expected; one would
 * be a finding). Returns how many entries it held. */
static size_t empty_folder(const char *dir, int keep_scratch)
{
    DIR *d = opendir(dir);
    if (!d)
        fail("cannot list %s", dir);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (keep_scratch)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (unlink(path) != 0)
            fail("cannot remove %s: a folder appeared? (%s)", path, strerror(errno));
        n++;
    }
    closedir(d);
    return n;
}

/* Names in `dir` that are not in `allowed` (NULL-ended) fail the input. */
static void only_these(const char *dir, const char *const *allowed)
{
    DIR *d = opendir(dir);
    if (!d)
        fail("cannot list %s", dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strcmp(*a, e->d_name) == 0;
        if (!ok)
            fail("%s/%s appeared: a command ran or a name came from text", dir, e->d_name);
    }
    closedir(d);
}

/* The script as the harness runs it: the pngcairo pass drawn as SVG. */
static void write_script(const char *dir, const ts_chart *ch)
{
    const char *gp = ch->gp.data;
    const char *term = strstr(gp, "\nset terminal pngcairo ");
    if (!term)
        fail("%s: no pngcairo terminal line", ch->gp_name);
    const char *eol = strchr(term + 1, '\n');
    sbuf b = {0};
    sb_add(&b, gp, (size_t)(term - gp) + 1);
    sb_puts(&b, "set terminal svg size 1600,1000 noenhanced font font_spec");
    sb_puts(&b, eol ? eol : "\n");
    write_file(dir, ch->gp_name, b.data, b.len);
    free(b.data);
    write_file(dir, ch->dat_name, ch->dat.data ? ch->dat.data : "", ch->dat.len);
}

/* Runs gnuplot on the charts in `dir` (one process, -e before each script
 * naming its outputs); stderr into `err_path`. Fails on a non-zero exit, a
 * signal or the timeout. */
static void run_gnuplot(const char *dir, const ts_chart *const *charts, size_t n,
                        const char *err_path)
{
    char *argv[2 + 3 * 8];
    char names[8][600];
    size_t a = 0;
    argv[a++] = (char *)"gnuplot";
    for (size_t k = 0; k < n; k++) {
        snprintf(names[k], sizeof names[k], "png_file='%s.p.svg'; svg_file='%s.svg'",
                 charts[k]->stem, charts[k]->stem);
        argv[a++] = (char *)"-e";
        argv[a++] = names[k];
        argv[a++] = (char *)charts[k]->gp_name;
    }
    argv[a] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        fail("fork: %s", strerror(errno));
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY), err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || err < 0 || dup2(in, 0) < 0 || dup2(err, 1) < 0 || dup2(err, 2) < 0 ||
            chdir(dir) != 0)
            _exit(126);
        execvp("gnuplot", argv);
        _exit(127);
    }
    int status = 0;
    struct timespec nap = {0, 5 * 1000 * 1000};
    for (long waited = 0;; waited += 5) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            fail("waitpid: %s", strerror(errno));
        if (waited > GNUPLOT_SECONDS * 1000L) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            fail("gnuplot ran over %d s on %s", GNUPLOT_SECONDS, charts[0]->gp_name);
        }
        nanosleep(&nap, NULL);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        fail("gnuplot is not on the PATH");
    FILE *f = fopen(err_path, "r");
    char line[2048];
    while (f && fgets(line, sizeof line, f))
        if (!strstr(line, "warning: Warning - difficulty fitting plot titles into key") &&
            !strstr(line, "warning: Terminal canvas area too small to hold plot") &&
            !strstr(line, "Check plot boundary and font sizes.") && /* its second line */
            line[strspn(line, " \t\r\n")])
            fail("gnuplot said: %s(on %s)", line, charts[0]->gp_name);
    if (f)
        fclose(f);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("gnuplot failed (%s %d) on %s", WIFEXITED(status) ? "exit" : "signal",
             WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), charts[0]->gp_name);
}

/* The texts of an SVG file's <text> elements, unescaped, joined by \n. */
static char *svg_texts(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail("%s was not drawn", path);
    sbuf raw = {0}, out = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_add(&raw, chunk, n);
    fclose(f);
    const char *p = raw.data ? raw.data : "";
    while ((p = strstr(p, "<text")) != NULL) {
        const char *gt = strchr(p, '>'), *end = gt ? strstr(gt, "</text>") : NULL;
        if (!end)
            break;
        for (const char *c = gt + 1; c < end; c++) {
            static const struct { const char *ent; char ch; } ENT[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            size_t k = 0;
            for (; k < sizeof ENT / sizeof ENT[0]; k++)
                if (strncmp(c, ENT[k].ent, strlen(ENT[k].ent)) == 0)
                    break;
            if (k < sizeof ENT / sizeof ENT[0]) {
                sb_add(&out, &ENT[k].ch, 1);
                c += strlen(ENT[k].ent) - 1;
            } else if (*c == '&' && c[1] == '#') {
                long v = strtol(c + 2 + (c[2] == 'x'), NULL, c[2] == 'x' ? 16 : 10);
                const char *semi = strchr(c, ';');
                char u[5] = {0};
                if (v < 0x80) u[0] = (char)v;
                else if (v < 0x800) { u[0] = (char)(0xC0 | (v >> 6)); u[1] = (char)(0x80 | (v & 63)); }
                else if (v < 0x10000) { u[0] = (char)(0xE0 | (v >> 12)); u[1] = (char)(0x80 | ((v >> 6) & 63)); u[2] = (char)(0x80 | (v & 63)); }
                else { u[0] = (char)(0xF0 | (v >> 18)); u[1] = (char)(0x80 | ((v >> 12) & 63)); u[2] = (char)(0x80 | ((v >> 6) & 63)); u[3] = (char)(0x80 | (v & 63)); }
                sb_puts(&out, u);
                c = semi ? semi : c;
            } else {
                sb_add(&out, c, 1);
            }
        }
        sb_puts(&out, "\n");
        p = end;
    }
    free(raw.data);
    sb_puts(&out, "");
    return out.data;
}

/* The text as gnuplot shows it: the loader turned control characters into
 * spaces; the SVG terminal writes a text element per line, trimmed of
 * nothing. An empty or all-blank text is not looked for. */
static void expect_shown(const char *dir, const char *stem, const char *text)
{
    if (!text[strspn(text, " ")])
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.svg", dir, stem);
    char *texts = svg_texts(path);
    if (!strstr(texts, text) && getenv("FUZZ_CHARTS_VERBOSE"))
        fprintf(stderr, "%s\n", texts);
    if (!strstr(texts, text))
        fail("%s does not show the text as it is: %s", path, text);
    free(texts);
}

/* A bar label (attainment, compare) may cut a long name and end it with
 * an ellipsis: the name whole, or a line "VALUE  START…" whose START (after
 * two blanks, trailing blanks dropped) is a non-empty prefix of the name as
 * it is. */
static void expect_shown_start(const char *dir, const char *stem, const char *text)
{
    if (!text[strspn(text, " ")])
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.svg", dir, stem);
    char *texts = svg_texts(path);
    int ok = strstr(texts, text) != NULL;
    for (char *line = texts; !ok && *line;) {
        char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        static const char ELLIPSIS[] = "\xe2\x80\xa6";
        if (len >= 3 && memcmp(line + len - 3, ELLIPSIS, 3) == 0) {
            size_t n = len - 3;
            while (n > 0 && line[n - 1] == ' ')
                n--;
            /* The name starts after some two blanks (a name may hold two
             * blanks itself): any of them will do. */
            for (size_t i = 0; !ok && i + 2 < n; i++)
                if (line[i] == ' ' && line[i + 1] == ' ')
                    ok = strncmp(text, line + i + 2, n - i - 2) == 0;
        }
        line = end ? end + 1 : line + len;
    }
    if (!ok)
        fail("%s does not show the text or its start as it is: %s", path, text);
    free(texts);
}

static const char *const TIC_KINDS[] = {"attainment", "growth", "tornado-x", "compare"};
static const char *const LABEL_KINDS[] = {"attainment", "compare"};
static const char *const OTHER_KINDS[] = {"indicator-x", "fan-x", "backtest-x", "sweep-x",
                                          "sweepprob-x", "indicator-y", "tornado-y", "fan-y"};

static const ts_chart *find_chart(const ts_chart_set *set, const char *stem)
{
    for (size_t c = 0; c < set->n; c++)
        if (strcmp(set->charts[c].stem, stem) == 0)
            return &set->charts[c];
    return NULL;
}

static void check_charts(const ts_run *run, ts_lang lang, unsigned pick)
{
    ts_chart_set *set = NULL;
    ts_error err;
    if (ts_chart_set_create(run, lang, TS_FUZZ_TEMPLATE_DIR, &set, &err) != TS_OK)
        fail("charts failed: %s", err.message);
    for (size_t c = 0; c < set->n; c++)
        fz_check_gnuplot(&set->charts[c].gp, set->charts[c].gp_name);
    /* The charts of this input: rotate through the kinds. */
    const char *stems[3] = {TIC_KINDS[pick % 4], LABEL_KINDS[(pick / 4) % 2],
                            OTHER_KINDS[(pick / 8) % 8]};
    const ts_chart *chosen[3];
    size_t n = 0;
    for (size_t k = 0; k < 3; k++) {
        const ts_chart *ch = find_chart(set, stems[k]);
        int dup = 0;
        for (size_t j = 0; j < n; j++)
            dup |= chosen[j] == ch;
        if (ch && !dup)
            chosen[n++] = ch;
    }
    char dir[4096], err_path[4096];
    snprintf(dir, sizeof dir, "%s", fz_path("charts"));
    snprintf(err_path, sizeof err_path, "%s", fz_path("gnuplot.err"));
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        fail("cannot create %s", dir);
    empty_folder(dir, 0);
    for (size_t k = 0; k < n; k++)
        write_script(dir, chosen[k]);
    if (n != 3 - (stems[0] == stems[1]))
        fail("charts missing: %s %s %s", stems[0], stems[1], stems[2]);
    if (getenv("FUZZ_CHARTS_VERBOSE"))
        fprintf(stderr, "fuzz_charts: %s %s %s (%s)\n", stems[0], stems[1], stems[2],
                lang == TS_LANG_ZH ? "zh" : "en");
    run_gnuplot(dir, chosen, n, err_path);
    /* Only the files of the chosen charts, nothing more. */
    const char *allowed[4 * 3 + 1];
    char names[3][2][300];
    size_t a = 0;
    for (size_t k = 0; k < n; k++) {
        allowed[a++] = chosen[k]->gp_name;
        allowed[a++] = chosen[k]->dat_name;
        snprintf(names[k][0], sizeof names[k][0], "%s.svg", chosen[k]->stem);
        snprintf(names[k][1], sizeof names[k][1], "%s.p.svg", chosen[k]->stem);
        allowed[a++] = names[k][0];
        allowed[a++] = names[k][1];
    }
    allowed[a] = NULL;
    only_these(dir, allowed);
    static const char *const SCRATCH[] = {"charts", "gnuplot.err", "a.json", "b.json", "c.json", "d.json",
                                          "trend.json", "plan-pace.json", "downside.json", "scen.json",
                                          "sources.json", NULL};
    only_these(fz_dir(), SCRATCH);
    /* Texts shown as they are, where a chart shows them whole. */
    const ts_indicator *x = &run->plan->indicators[ts_plan_find(run->plan, "x")];
    const char *x_name = lang == TS_LANG_ZH ? x->name.zh : x->name.en;
    const char *s_name = lang == TS_LANG_ZH ? run->results[0].scenario->name.zh
                                            : run->results[0].scenario->name.en;
    const char *b_name = lang == TS_LANG_ZH ? run->results[1].scenario->name.zh
                                            : run->results[1].scenario->name.en;
    for (size_t k = 0; k < n; k++) {
        const char *stem = chosen[k]->stem;
        if (strcmp(stem, "indicator-x") == 0 || strcmp(stem, "backtest-x") == 0 ||
            strcmp(stem, "fan-x") == 0)
            expect_shown(dir, stem, s_name);
        if (strcmp(stem, "attainment") == 0)
            expect_shown_start(dir, stem, s_name);
        if (strcmp(stem, "compare") == 0) /* b's bar against a */
            expect_shown_start(dir, stem, b_name);
        if (strcmp(stem, "tornado-x") == 0 || strcmp(stem, "indicator-x") == 0)
            expect_shown(dir, stem, x_name);
    }
    ts_chart_set_free(set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_parts parts;
    fz_split(data, size, &parts);
    char *t[FZ_MAX_PARTS];
    unsigned pick = 0;
    for (size_t k = 0; k < FZ_MAX_PARTS; k++) {
        t[k] = utf8_text(k < parts.n ? parts.text[k] : "", k < parts.n ? parts.len[k] : 0);
        for (const char *c = t[k]; *c; c++)
            pick = pick * 31 + (unsigned char)*c;
    }
    char *plan_text = plan_json(t);
    char *a = scenario_json("a", t[2], 0.05), *b = scenario_json("b", t[0], 0.08);
    write_file(fz_dir(), "a.json", a, strlen(a));
    write_file(fz_dir(), "b.json", b, strlen(b));
    ts_plan *plan = NULL;
    ts_scenario *sc[2] = {NULL, NULL};
    ts_run *run = NULL;
    ts_error err;
    ts_project_options popt = {0, TS_AS_OF_LATEST};
    ts_mc_options mc = {.draws = 64, .seed = 1, .threads = 1, .percentiles = true};
    ts_sweep_axis axis = {.label = "x.growth=0.03:0.07:0.02", .indicator = "x",
                          .model = ts_model_lookup("growth"), .lo = 0.03, .hi = 0.07,
                          .step = 0.02, .n = 3};
    if (ts_plan_parse(plan_text, strlen(plan_text), fz_path("plan.json"), &plan, &err) != TS_OK ||
        ts_scenario_load(plan, fz_path("a.json"), &sc[0], &err) != TS_OK ||
        ts_scenario_load(plan, fz_path("b.json"), &sc[1], &err) != TS_OK ||
        ts_run_create(plan, (const ts_scenario *const *)sc, 2, &popt, &run, &err) != TS_OK ||
        ts_run_simulate(run, &mc, &err) != TS_OK || ts_run_compare(run, "a", &err) != TS_OK ||
        ts_run_backtest(run, &err) != TS_OK || ts_run_sweep(run, &axis, 1, &mc, &err) != TS_OK)
        fail("a valid plan failed: %s: %s", err.path, err.message);
    check_charts(run, pick & 1 ? TS_LANG_ZH : TS_LANG_EN, pick >> 1);
    ts_run_free(run);
    ts_scenario_free(sc[0]);
    ts_scenario_free(sc[1]);
    ts_plan_free(plan);
    cJSON_free(plan_text);
    cJSON_free(a);
    cJSON_free(b);
    for (size_t k = 0; k < FZ_MAX_PARTS; k++)
        free(t[k]);
    return 0;
}
